"""The site: the MkDocs plugins (event wiring only) and the modules that render what readers see."""

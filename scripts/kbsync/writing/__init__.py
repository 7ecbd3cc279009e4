"""Writing users' files: the most careful code of the project. Stage, then replace; never half a change."""

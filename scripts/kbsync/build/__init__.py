"""Build and preview drivers: the site built and served with one process per language."""

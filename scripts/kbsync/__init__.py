"""kbsync: keep every translation of the knowledge base in step with the German source, section by section."""

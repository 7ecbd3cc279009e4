"""Git history of the source: earlier versions of a section, and what changed when. Never used for detection."""

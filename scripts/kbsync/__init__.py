"""kbsync: keep every translation of the knowledge base in step with the German source, section by section.

The package reads the docs tree, splits pages into sections at their heading IDs, records
which source section each translation was made from, and checks translations against the
source. See README.md beside this file for the commands, codes and formats.
"""

__version__ = "1.6.0"

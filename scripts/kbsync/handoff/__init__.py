"""The hand-off to translators: `kbsync export` and `kbsync import` (XLIFF 1.2 and PO).

A section that needs work is cut into blocks and sentences (`segments`), its inline Markdown
into protected codes (`inline`); the sentences that did not change come with their current
translation and the changed ones with the previous pair (`memory`); the units are written and
read with translate-toolkit (`xliff`, `po`), counted for a quote (`words`) and taken back into
their sections (`importing`). Nothing here parses a page: sections come from kbsync.reading.
"""

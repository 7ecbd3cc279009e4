"""The record of published page paths and section IDs (`docs/published.yml`), extended and written.

The record only grows: `kbsync publish` adds what is new, nothing ever removes an entry. Written
(through kbsync.writing.transaction) in a fixed, sorted form so that a diff shows exactly what
was added.
"""

from __future__ import annotations

from pathlib import Path

from kbsync.writing.transaction import FileWrite

HEADER = """\
# Published page paths and section IDs: trainers link to them, so they must keep working.
# kbsync check fails when one disappears without a redirect (mkdocs.yml: plugins, kbsync,
# redirects) or, for a section, an alias (front matter: section_aliases: {old-id: new-id}).
# `kbsync publish` adds new pages and sections; never remove an entry by hand.
"""


def merged(recorded: dict[str, tuple[str, ...]], current: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The record with every current page and section added; nothing recorded is dropped."""
    result = {page: list(ids) for page, ids in recorded.items()}
    for page, ids in current.items():
        known = result.setdefault(page, [])
        known += [section for section in ids if section not in known]
    return {page: tuple(ids) for page, ids in result.items()}


def published_write(path: Path, shown: str, record: dict[str, tuple[str, ...]]) -> FileWrite:
    """The new bytes of the record file, for kbsync.writing.transaction.write_files."""
    lines = [HEADER.rstrip("\n"), "pages:"]
    for page in sorted(record):
        lines.append(f"  {page}: [{', '.join(record[page])}]")
    return FileWrite(path, shown, ("\n".join(lines) + "\n").encode("utf-8"))

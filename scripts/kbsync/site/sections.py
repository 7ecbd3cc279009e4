"""Put generated Markdown into a page at the end of the sections its source names by ID.

The source of a generated page keeps its headings (translated, with IDs, checked by kbsync like
any page); the site adds the data under them at build time.
"""

from __future__ import annotations

import re
from typing import Mapping

_HEADING = re.compile(r"^(#{1,6})\s.*\{#([A-Za-z0-9_-]+)\}\s*$")


def fill_sections(markdown: str, blocks: Mapping[str, str]) -> str:
    """Append ``blocks[id]`` at the end of each section headed ``{#id}``; other text is unchanged."""
    out: list[str] = []
    pending: tuple[int, str] | None = None  # (heading level, block) waiting for the section's end
    fence = None
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else (fence or stripped[:3])
        match = None if fence else _HEADING.match(line)
        if match and pending and len(match.group(1)) <= pending[0]:
            out += ["", pending[1], ""]
            pending = None
        out.append(line)
        if match and match.group(2) in blocks:
            pending = (len(match.group(1)), blocks[match.group(2)])
    if pending:
        out += ["", pending[1], ""]
    return "\n".join(out)


def section_ids(markdown: str) -> set[str]:
    """The IDs of the headings `fill_sections` fills (those outside fenced code)."""
    found, fence = set(), None
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else (fence or stripped[:3])
        match = None if fence else _HEADING.match(line)
        if match:
            found.add(match.group(2))
    return found

"""Render the termbase as the glossary's "terms in every language" table.

Pure functions over plain data: the MkDocs plugin calls them, nothing here reads files.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

#: The glossary section the table is written into (the same ID in every language).
TABLE_SECTION_ID = "terms-by-language"

_HEADING = re.compile(r"^(#{1,6})\s.*\{#([A-Za-z0-9_-]+)\}\s*$")


def terms_table(concepts: Iterable[Mapping], languages: Sequence[tuple[str, str]], page_locale: str) -> str:
    """A Markdown table: one row per concept, one column per language.

    ``languages`` is ``[(locale, display name), ...]`` in site order; the cell in the
    reader's own language links to the concept's entry on the same page.
    """
    header = "| " + " | ".join(name for _, name in languages) + " |"
    rule = "|" + " --- |" * len(languages)
    rows = [header, rule]
    for concept in concepts:
        cells = []
        for locale, _ in languages:
            term = _label(concept, locale)
            cells.append(f"[{term}](#{concept['id']})" if locale == page_locale else term)
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def insert_table(markdown: str, table: str) -> str:
    """Put ``table`` at the end of the section headed ``{#terms-by-language}``.

    Pages without that section are returned unchanged.
    """
    lines = markdown.split("\n")
    start = None
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if not match:
            continue
        if start is None and match.group(2) == TABLE_SECTION_ID:
            start, level = index, len(match.group(1))
        elif start is not None and len(match.group(1)) <= level:
            return "\n".join(lines[:index] + [table, ""] + lines[index:])
    if start is None:
        return markdown
    return markdown.rstrip("\n") + "\n\n" + table + "\n"


def _label(concept: Mapping, locale: str) -> str:
    term = concept[locale]["term"]
    abbreviation = concept.get("abbreviation")
    return f"{term} ({abbreviation})" if abbreviation and abbreviation != term else term

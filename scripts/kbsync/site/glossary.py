"""Render the termbase into the site: glossary entries, the terms-in-every-language table, abbreviation tooltips.

Pure functions over plain data (the loaded termbase); the MkDocs plugin calls them, nothing here reads files.
The glossary page's source holds only its group headings; the entries under them come from here.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

from kbsync.formats.tables import markdown_table
from kbsync.site.sections import fill_sections, section_ids

#: The glossary section the terms table is written into (the same ID in every language).
TABLE_SECTION_ID = "terms-by-language"

_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_NAMED = re.compile(r"^(.+?)\s?:\s(.*)$")  # "Name: text", also French "Name : text"


def render_glossary(markdown: str, concepts: Sequence[Mapping], languages: Sequence[tuple[str, str]], locale: str) -> str:
    """Fill the glossary: entries under each group heading, the table under ``{#terms-by-language}``.

    A page with neither kind of heading is returned unchanged.
    """
    headings = section_ids(markdown)
    groups: dict[str, list[Mapping]] = {}
    for concept in concepts:
        if concept.get("group") in headings:  # the termbase's check requires its definitions
            groups.setdefault(concept["group"], []).append(concept)
    blocks = {group: glossary_entries(members, locale) for group, members in groups.items()}
    # A concept without a group (or with one the page has no heading for) is a row of the table,
    # not an entry: its term is not linked, so the strict build meets no link to a missing anchor.
    entries = {concept["id"] for members in groups.values() for concept in members}
    blocks[TABLE_SECTION_ID] = terms_table(concepts, languages, locale, entries)
    return fill_sections(markdown, blocks)


def glossary_entries(concepts: Iterable[Mapping], locale: str) -> str:
    """One ``### Term (ABBR) {#id}`` entry with its definition per concept."""
    entries = []
    for concept in concepts:
        title = _label(concept, locale)
        entries.append(f"### {title[:1].upper()}{title[1:]} {{#{concept['id']}}}\n\n{concept[locale]['definition']}\n")
    return "\n".join(entries)


def terms_table(concepts: Iterable[Mapping], languages: Sequence[tuple[str, str]], page_locale: str,
                entries: set[str] | None = None) -> str:
    """A Markdown table: one row per concept, one column per language.

    ``languages`` is ``[(locale, display name), ...]`` in site order; the cell in the
    reader's own language links to the concept's entry on the same page (of the concepts in
    ``entries``, when given: only those have one).
    """
    rows = []
    for concept in concepts:
        cells = []
        linked = entries is None or concept["id"] in entries
        for locale, _ in languages:
            term = _label(concept, locale)
            cells.append(f"[{term}](#{concept['id']})" if locale == page_locale and linked else term)
        rows.append(cells)
    return markdown_table([name for _, name in languages], rows)


def abbreviations(concepts: Iterable[Mapping], locale: str) -> str:
    """Python-Markdown ``abbr`` definitions: hovering NPS shows its term and first sentence in ``locale``."""
    lines = []
    for concept in concepts:
        abbreviation = concept.get("abbreviation")
        if not abbreviation:
            continue
        entry = concept[locale]
        term = entry["term"][:1].upper() + entry["term"][1:]
        if not entry.get("definition"):  # a concept outside the glossary may have none: the term alone
            if term != abbreviation:
                lines.append(f"*[{abbreviation}]: {term}")
            continue
        summary = _SENTENCE_END.split(_LINK.sub(r"\1", entry["definition"]).strip(), maxsplit=1)[0]
        # "First Contact Resolution: share of ..." -> "Erstlösungsquote (First Contact Resolution) – share of ..."
        named = _NAMED.match(summary)
        if named and named.group(1) in entry.get("variants", []):
            term, summary = f"{term} ({named.group(1)})", named.group(2)
        text = summary if term == abbreviation else f"{term} – {summary}"
        lines.append(f"*[{abbreviation}]: {text}")
    return "\n".join(lines)


def _label(concept: Mapping, locale: str) -> str:
    term = concept[locale]["term"]
    abbreviation = concept.get("abbreviation")
    return f"{term} ({abbreviation})" if abbreviation and abbreviation != term else term

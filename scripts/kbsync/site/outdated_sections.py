"""The status page's list of the sections behind the German text, those with changed facts first.

A section whose German text now gives other figures (kbsync.site.changed_facts) is what an agent
reading the translation may act on wrongly, so it leads the list, marked and with the figures; the
other sections behind follow, with what the outdated banner says of them. Sections are those the
banner names (`banners.BANNER_STATES`), from the same status as `kbsync status`. One row per page,
section and change; the languages with that change share it.
"""

from __future__ import annotations

from typing import Sequence

from kbsync.history.facts import FigureChange
from kbsync.site import cells
from kbsync.site.banners import BANNER_STATES
from kbsync.site.changed_facts import facts_text
from kbsync.site.state import PageView, SiteState
from kbsync.status import PageState, SectionState


def outdated_sections_table(state: SiteState, view: PageView) -> str:
    """Markdown for the status page's `outdated-sections`: a table, or a sentence when nothing is behind."""
    ui = view.ui
    rows: dict[tuple[bool, str, int, str, str], list[str]] = {}  # (no facts, page, order, section, change) -> langs
    translations = [item.lang for item in state.run.status.languages]
    for status in state.run.status.pages:
        if status.state is PageState.MISSING or status.lang not in translations:
            continue
        order = _section_order(state, status.page)
        for section in status.sections:
            if section.state not in BANNER_STATES:
                continue
            facts = state.changed_facts.get((status.lang, status.page, section.id))
            change = _change(state, view, status.page, section.id, section.state, facts)
            key = (facts is None, status.page, order.get(section.id, len(order)), section.id, change)
            rows.setdefault(key, []).append(status.lang)
    if not rows:
        return ui["outdated_sections_none"]
    table = [[ui["col_page"], ui["col_section"], ui["col_language"], ui["col_change"]]]
    for (_, page, _, section_id, change), langs in sorted(rows.items()):
        langs.sort(key=translations.index)
        table.append([cells.link(state, view.lang, page, view.url, cells.page_title(state, view.lang, page)),
                      _section_cell(state, view, page, section_id),
                      ", ".join(cells.link(state, code, page, view.url, state.languages.names[code], section_id)
                                for code in langs),
                      change])
    return cells.table(table)


def _change(state: SiteState, view: PageView, page: str, section_id: str, section_state: SectionState,
            facts: Sequence[FigureChange] | None) -> str:
    """The change cell: the changed facts, marked, or what the outdated banner says of the section."""
    ui = view.ui
    if facts:
        return f"<strong>{cells.text(ui['facts_changed'])}</strong>{cells.text(view.profile.label_colon)} " \
               f"{cells.text(facts_text(facts, view.profile))}"
    if section_state is SectionState.OUTDATED:
        when = state.change_dates.get((page, section_id))
        return cells.text(ui["changed_on"].format(date=view.profile.format_day(when)) if when else ui["changed"])
    return cells.text(ui["new_in_source" if section_state is SectionState.NEW_IN_SOURCE else "removed_in_source"])


def _section_cell(state: SiteState, view: PageView, page: str, section_id: str) -> str:
    """The section's title in the reader's language (else German's, else its ID), linked where the page has it."""
    for lang in (view.lang, state.source):
        outline = state.run.outlines.get((lang, page))
        title = outline.section_title(section_id) if outline else None
        if title is not None:
            return cells.link(state, view.lang, page, view.url, title, section_id)
    return cells.text(section_id)


def _section_order(state: SiteState, page: str) -> dict[str, int]:
    outline = state.run.outlines.get((state.source, page))
    return {section_id: index for index, (section_id, _) in enumerate(outline.sections)} if outline else {}

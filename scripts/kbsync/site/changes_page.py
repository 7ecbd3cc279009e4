"""The what-changed page: the newest changes of the source text, section by section, from git history.

Its source (`changes.md` in each language) holds the headings; the table under
`{#recent-changes}` comes from here, in the reader's language, or a note saying why there is no history.
"""

from __future__ import annotations

from typing import Mapping

from kbsync.site import cells
from kbsync.site.state import PageView, SiteState

RECENT_CHANGES = 50


def changes_section(state: SiteState, view: PageView, generated: Mapping[str, set[str]]) -> str:
    """Markdown for the what-changed page: the newest source changes, or why there is no history.

    `generated` names, per page, section IDs the site generates (glossary entries), whose removal
    from the page's source is no change of the text readers see.
    """
    ui = view.ui
    if state.changes is None:
        return ui["no_history"].format(reason=state.history_reason or "—")
    rows = [[ui["col_date"], ui["col_page"], ui["col_section"], ui["col_change"]]]
    shown = [change for change in state.changes
             if not (change.kind == "removed" and change.section in generated.get(change.page, set()))]
    for change in shown[:RECENT_CHANGES]:
        exists = (state.source, change.page) in state.run.outlines
        title = cells.page_title(state, view.lang, change.page) if exists else change.page
        page_cell = cells.link(state, view.lang, change.page, view.url, title) if exists else cells.text(title)
        if change.section is None:
            section_cell = ui["whole_page"]
        else:
            outline = (state.run.outlines.get((view.lang, change.page))
                       or state.run.outlines.get((state.source, change.page)))
            section_title = outline.section_title(change.section) if outline else None
            section_cell = (cells.link(state, view.lang, change.page, view.url, section_title, change.section)
                            if section_title and change.kind != "removed" else cells.text(section_title or change.section))
        rows.append([view.profile.format_day(change.date), page_cell, section_cell, ui[f"kind_{change.kind}"]])
    return cells.table(rows)

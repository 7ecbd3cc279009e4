"""The translation status page: per language, per page, and the reviews that are due.

Its source (`translation-status.md` in each language) holds the headings; the tables under
`{#by-language}`, `{#by-page}` and `{#reviews-due}` come from here, in the reader's language.
"""

from __future__ import annotations

from kbsync.site import cells
from kbsync.site.banners import BANNER_STATES
from kbsync.site.outdated_sections import outdated_sections_table
from kbsync.site.state import PageView, SiteState
from kbsync.status import PageState, PageStatus


def status_sections(state: SiteState, view: PageView) -> dict[str, str]:
    """Markdown for the status page's sections `by-language`, `by-page`, `outdated-sections` and `reviews-due`."""
    return {"by-language": _by_language(state, view), "by-page": _by_page(state, view),
            "outdated-sections": outdated_sections_table(state, view), "reviews-due": _reviews_due(state, view)}


def _by_language(state: SiteState, view: PageView) -> str:
    ui, percent = view.ui, view.profile.format_percent
    rows = [[ui["col_language"], ui["col_pages_current"], ui["col_sections_current"], ui["col_outdated"],
             ui["col_missing"]]]
    for item in state.run.status.languages:
        rows.append([
            item.label,
            f"{item.pages_up_to_date}/{item.total_pages} ({percent(item.pages_up_to_date_percent)})",
            f"{item.sections_up_to_date}/{item.total_sections} ({percent(item.sections_up_to_date_percent)})",
            str(item.outdated_sections + item.new_sections),
            str(item.missing_pages),
        ])
    return cells.table(rows)


def _by_page(state: SiteState, view: PageView) -> str:
    names = state.languages.names
    translations = [item.lang for item in state.run.status.languages]
    pages = sorted({status.page for status in state.run.status.pages if status.state is not PageState.ORPHAN})
    rows = [[view.ui["col_page"], names[state.source], *(names[code] for code in translations)]]
    for page in pages:
        row = [cells.link(state, view.lang, page, view.url, cells.page_title(state, view.lang, page)),
               cells.link(state, state.source, page, view.url, view.ui["cell_source"])]
        row += [_status_cell(state, view, state.run.status.page(code, page), code, page) for code in translations]
        rows.append(row)
    return cells.table(rows)


def _reviews_due(state: SiteState, view: PageView) -> str:
    due = sorted(((outline.review_due, outline) for outline in state.run.outlines.values()
                  if outline.review_due is not None and outline.review_due <= state.today),
                 key=lambda item: (item[0], item[1].page, item[1].lang))
    if not due:
        return view.ui["reviews_none"]
    ui = view.ui
    rows = [[ui["col_page"], ui["col_language"], ui["col_due_since"], ui["col_owner"]]]
    rows += [[cells.link(state, outline.lang, outline.page, view.url, outline.title),
              state.languages.names[outline.lang], view.profile.format_day(when), cells.text(outline.owner or "—")]
             for when, outline in due]
    return cells.table(rows)


def _status_cell(state: SiteState, view: PageView, status: PageStatus | None, code: str, page: str) -> str:
    ui = view.ui
    if status is None or status.state is PageState.MISSING:
        return cells.text(ui["cell_missing"])
    if status.state is PageState.UNTRACKED:
        label = ui["cell_untracked"]
    else:
        behind = sum(1 for section in status.sections if section.state in BANNER_STATES)
        label = ui["cell_current"] if behind == 0 else (
            ui["cell_outdated_one"] if behind == 1 else ui["cell_outdated"].format(count=behind))
    return cells.link(state, code, page, view.url, label)

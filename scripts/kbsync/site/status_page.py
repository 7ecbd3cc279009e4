"""The translation status page: per language (with the share of sections whose translation a second
person reviewed, `kbsync review`), per page, and the reviews that are due.

Its source (`translation-status.md` in each language) holds the headings; the tables under
`{#by-language}`, `{#by-page}`, `{#reviews-due}` and `{#by-market}` come from here, in the
reader's language.
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
            "outdated-sections": outdated_sections_table(state, view), "reviews-due": _reviews_due(state, view),
            "by-market": _local_sections(state, view)}


def _by_language(state: SiteState, view: PageView) -> str:
    ui, percent = view.ui, view.profile.format_percent
    rows = [[ui["col_language"], ui["col_pages_current"], ui["col_sections_current"], ui["col_outdated"],
             ui["col_missing"], ui["col_reviewed"]]]
    for item in state.run.status.languages:
        rows.append([
            item.label,
            f"{item.pages_up_to_date}/{item.total_pages} ({percent(item.pages_up_to_date_percent)})",
            f"{item.sections_up_to_date}/{item.total_sections} ({percent(item.sections_up_to_date_percent)})",
            str(item.outdated_sections + item.new_sections),
            str(item.missing_pages),
            f"{item.reviewed}/{item.total_sections} ({percent(item.sections_reviewed_percent)})",
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


def _local_sections(state: SiteState, view: PageView) -> str:
    """How many local sections each language has, then each of them with its page, owner and review date."""
    ui, names = view.ui, state.languages.names
    report = state.run.status
    counts = [[ui["col_language"], ui["col_local_sections"]]]
    counts += [[item.label, str(item.local_sections)] for item in report.languages]
    listed = report.local_sections
    if not listed:
        return cells.table(counts)
    rows = [[ui["col_language"], ui["col_page"], ui["col_section"], ui["col_owner"], ui["last_reviewed_label"]]]
    for page, local in listed:
        # Titles and owner are written in the section's language (WCAG 3.1.2, language of parts).
        title = cells.link(state, page.lang, page.page, view.url, cells.page_title(state, page.lang, page.page))
        section = cells.link(state, page.lang, page.page, view.url, local.title, local.id)
        rows.append([names[page.lang], _in(page.lang, title), _in(page.lang, section),
                     _in(page.lang, cells.text(local.owner or "—")),
                     view.profile.format_day(local.last_reviewed) if local.last_reviewed else "—"])
    return cells.table(counts) + "\n\n" + cells.table(rows)


def _in(lang: str, cell: str) -> str:
    return f'<span lang="{lang}">{cell}</span>'


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

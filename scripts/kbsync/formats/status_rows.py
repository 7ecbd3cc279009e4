"""The cells of a status report that the text and markdown formats share.

Not an output format (the registry does not list it) and no layout: `kbsync.formats.tables`
lays the cells out. The numbers come from the typed properties of `LanguageStatus` and the
states of `PageStatus`; nothing here counts or decides a state.
"""

from __future__ import annotations

from kbsync.status import PageState, SectionState, StatusReport

STATE_LABELS = {
    "up_to_date": "up to date",
    "outdated": "outdated",
    "new_in_source": "new in source",
    "removed_in_source": "removed in source",
    "untracked": "untracked",
    "missing": "missing",
    "orphan": "orphan",
    "unreadable": "unreadable",
}

HEADER = ("language", "pages up to date", "sections up to date", "outdated", "new in source",
          "untracked", "missing pages", "awaiting review", "reviewed")


def language_rows(report: StatusReport) -> list[tuple[str, ...]]:
    """One row per language, with the columns of HEADER."""
    return [(
        language.label,
        _share(language.pages_up_to_date, language.total_pages, language.pages_up_to_date_percent),
        _share(language.sections_up_to_date, language.total_sections,
               language.sections_up_to_date_percent),
        str(language.outdated_sections),
        str(language.new_sections),
        str(language.untracked_sections),
        str(language.missing_pages),
        str(language.awaiting_review),
        _share(language.reviewed, language.total_sections, language.sections_reviewed_percent),
    ) for language in report.languages]


def stale_pages(report: StatusReport) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(path, page state, [(section id, section state)]) for every page not up to date."""
    rows = []
    for page in report.pages:
        if page.state is PageState.UP_TO_DATE:
            continue
        sections = [] if page.state is PageState.MISSING else [
            (section.id, STATE_LABELS[section.state.value]) for section in page.sections
            if section.state is not SectionState.UP_TO_DATE]
        rows.append((page.path, STATE_LABELS[page.state.value], sections))
    return rows


def local_counts(report: StatusReport) -> str:
    """`Italiano (it) 2, Français (fr) 1, English (en) 0`: the local sections of each language."""
    return ", ".join(f"{language.label} {language.local_sections}" for language in report.languages)


def local_rows(report: StatusReport) -> list[tuple[str, str, str, str]]:
    """(path#id, owner, last reviewed, due) of every local section (the market's own rules)."""
    return [(f"{page.path}#{local.id}", local.owner or "no owner",
             local.last_reviewed.isoformat() if local.last_reviewed else "no review date",
             local.due.isoformat() if local.due else "-")
            for page, local in report.local_sections]


def _share(part: int, whole: int, percent: float) -> str:
    return f"{part}/{whole} ({percent:.1f} %)"

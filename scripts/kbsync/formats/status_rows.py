"""The cells of a status report, shared by the text and Markdown layouts."""

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
          "untracked", "missing pages")


def language_rows(report: StatusReport) -> list[tuple[str, ...]]:
    return [(
        f"{language.name} ({language.lang})",
        f"{language.pages[PageState.UP_TO_DATE.value]}/{language.total_pages} "
        f"({language.pages_up_to_date_percent:.1f} %)",
        f"{language.sections[SectionState.UP_TO_DATE.value]}/{language.total_sections} "
        f"({language.sections_up_to_date_percent:.1f} %)",
        str(language.sections[SectionState.OUTDATED.value]),
        str(language.sections[SectionState.NEW_IN_SOURCE.value]),
        str(language.sections[SectionState.UNTRACKED.value]),
        str(language.pages[PageState.MISSING.value]),
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

"""The translation status of every language x page x section: the one implementation.

`compute_status` is pure: a `DocsTree` in, a `StatusReport` out. `kbsync status`, `kbsync
check` and (later) the MkDocs plugin and the status page all call it; nothing else decides
whether a section is up to date.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kbsync.reading.docs_tree import DocsTree
from kbsync.model import Page
from kbsync.pairing import display_path
from kbsync.config import SiteConfig


class SectionState(str, enum.Enum):
    UP_TO_DATE = "up_to_date"
    OUTDATED = "outdated"
    NEW_IN_SOURCE = "new_in_source"
    REMOVED_IN_SOURCE = "removed_in_source"
    UNTRACKED = "untracked"
    MISSING = "missing"


class PageState(str, enum.Enum):
    UP_TO_DATE = "up_to_date"
    OUTDATED = "outdated"
    UNTRACKED = "untracked"
    MISSING = "missing"
    ORPHAN = "orphan"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class SectionStatus:
    id: str
    state: SectionState
    line: int | None
    source_line: int | None
    recorded: str | None
    current: str | None


@dataclass(frozen=True)
class PageStatus:
    lang: str
    page: str
    path: str
    source_path: str
    state: PageState
    sections: tuple[SectionStatus, ...]

    def section(self, section_id: str) -> SectionStatus | None:
        return next((section for section in self.sections if section.id == section_id), None)


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    name: str
    pages: dict[str, int]
    sections: dict[str, int]
    total_pages: int
    total_sections: int

    @property
    def pages_up_to_date_percent(self) -> float:
        return _percent(self.pages[PageState.UP_TO_DATE.value], self.total_pages)

    @property
    def sections_up_to_date_percent(self) -> float:
        return _percent(self.sections[SectionState.UP_TO_DATE.value], self.total_sections)


@dataclass(frozen=True)
class StatusReport:
    source_lang: str
    languages: tuple[LanguageStatus, ...]
    pages: tuple[PageStatus, ...]

    def page(self, lang: str, page: str) -> PageStatus | None:
        return next((item for item in self.pages if item.lang == lang and item.page == page), None)


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


def compute_status(tree: DocsTree, langs: tuple[str, ...] | None = None) -> StatusReport:
    config = tree.config
    source_lang = config.source_lang
    wanted = tuple(lang for lang in config.translation_langs if langs is None or lang in langs)
    statuses = []
    for lang in wanted:
        for page in tree.selection:
            source = tree.page(source_lang, page)
            translation = tree.page(lang, page)
            if source is None and translation is None:
                continue
            statuses.append(page_status(lang, page, source, translation,
                                        display_path(config, source_lang, page),
                                        display_path(config, lang, page)))
    return status_report(config, statuses, wanted)


def status_report(config: SiteConfig, statuses: list[PageStatus],
                  langs: tuple[str, ...] | None = None) -> StatusReport:
    """The report of page statuses (from `page_status`), with a summary per language."""
    wanted = langs or config.translation_langs
    languages = tuple(_summary(lang, config.language_name(lang),
                               [item for item in statuses if item.lang == lang]) for lang in wanted)
    return StatusReport(source_lang=config.source_lang, languages=languages,
                        pages=tuple(item for item in statuses if item.lang in wanted))


def page_status(lang: str, page: str, source: Page | None, translation: Page | None,
                source_path: str, path: str) -> PageStatus:
    def result(state: PageState, sections: tuple[SectionStatus, ...] = ()) -> PageStatus:
        return PageStatus(lang, page, path, source_path, state, sections)

    if source is None:
        return result(PageState.ORPHAN)
    source_content = source.content
    if translation is None:
        return result(PageState.MISSING, tuple(
            SectionStatus(section.id, SectionState.MISSING, None, section.line, None,
                          section.fingerprint) for section in source_content.sections))
    content = translation.content
    if not (source_content.readable and content.readable):
        return result(PageState.UNREADABLE)
    recorded = content.provenance.source_sections if content.provenance else {}
    translated = {section.id: section for section in content.sections}
    sections = []
    for section in source_content.sections:
        mine = translated.get(section.id)
        fingerprint = recorded.get(section.id)
        if mine is None:
            state = SectionState.NEW_IN_SOURCE
        elif fingerprint is None:
            state = SectionState.UNTRACKED
        elif fingerprint == section.fingerprint:
            state = SectionState.UP_TO_DATE
        else:
            state = SectionState.OUTDATED
        sections.append(SectionStatus(section.id, state, mine.line if mine else None,
                                      section.line, fingerprint, section.fingerprint))
    source_ids = set(source_content.section_ids)
    for section in content.sections:
        if section.id not in source_ids:
            sections.append(SectionStatus(section.id, SectionState.REMOVED_IN_SOURCE, section.line,
                                          None, recorded.get(section.id), None))
    if content.provenance is None:
        state = PageState.UNTRACKED
    elif all(item.state is SectionState.UP_TO_DATE for item in sections):
        state = PageState.UP_TO_DATE
    else:
        state = PageState.OUTDATED
    return result(state, tuple(sections))


def _summary(lang: str, name: str, statuses: list[PageStatus]) -> LanguageStatus:
    pages = {state.value: 0 for state in PageState}
    sections = {state.value: 0 for state in SectionState}
    total_sections = 0
    for status in statuses:
        pages[status.state.value] += 1
        for section in status.sections:
            sections[section.state.value] += 1
            total_sections += section.state is not SectionState.REMOVED_IN_SOURCE
    total_pages = sum(count for state, count in pages.items() if state != PageState.ORPHAN.value)
    return LanguageStatus(lang=lang, name=name, pages=pages, sections=sections,
                          total_pages=total_pages, total_sections=total_sections)

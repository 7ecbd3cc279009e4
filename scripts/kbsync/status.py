"""The translation status of every language x page x section: the one implementation.

`page_status` decides the state of one translated page and its sections; `status_report` sums
the pages up per language. Both are pure. `kbsync.checks.runner.run_checks` calls them, and
`kbsync check`, `kbsync status`, the MkDocs plugin and the status page all take the status from
that run: nothing else decides whether a section is up to date. This module reads no files and
formats nothing; the tables are built from the typed properties of `LanguageStatus`.

A fingerprint recorded in another scheme than the current one (kbsync.reading.fingerprints)
cannot be compared with the source's: its section is `untracked`, and so is its page, until
`kbsync migrate` rewrites the values (`PageStatus.other_schemes` says which schemes were found).
Reporting those sections as outdated would claim changes nobody made.

Local sections (`{#id .local}`: a rule of the translation's market only) have no source section:
they are never drift, so no section state counts them. Each translated page lists its own in
`PageStatus.local`, with owner and review date, and each language counts them.

Review (four eyes): a section up to date carries the `translated` and `reviewed` records of its
`l10n` (records of any other section are void: they were about another source text). It is
reviewed when someone other than its recorded translator reviewed it (`same_person`), otherwise
translated and awaiting review. The release gate (checks/release.py) and `kbsync review` read
this, so both apply the same rule.
"""

from __future__ import annotations

import datetime
import enum
import functools
from dataclasses import dataclass

from kbsync.model import Page, PageContent, Record
from kbsync.review import next_review
from kbsync.reading.fingerprints import SCHEME, scheme_of
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
    # The records that hold for the current source text: only a section up to date has them.
    translated: Record | None = None
    reviewed: Record | None = None

    @property
    def self_reviewed(self) -> bool:
        """Reviewed by its own recorded translator: not the second pair of eyes a review is."""
        return (self.reviewed is not None and self.translated is not None
                and same_person(self.reviewed.by, self.translated.by))

    @property
    def is_reviewed(self) -> bool:
        """Up to date, and reviewed by someone other than its recorded translator."""
        return self.state is SectionState.UP_TO_DATE and self.reviewed is not None and not self.self_reviewed

    @property
    def awaiting_review(self) -> bool:
        """Up to date (translated, or its source change acknowledged) but not validly reviewed."""
        return self.state is SectionState.UP_TO_DATE and not self.is_reviewed


def same_person(first: str, second: str) -> bool:
    """Whether two recorded names name one person: case and runs of spaces do not tell people
    apart (`Anna  Rossi` and `anna rossi` are one reviewer, who may not review her own work)."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


@dataclass(frozen=True)
class LocalSectionStatus:
    """A local section of a translated page: its heading, owner and review dates (None when its
    `local_sections` entry lacks them, which checks/local_sections.py reports)."""

    id: str
    title: str
    line: int
    owner: str | None
    last_reviewed: datetime.date | None
    due: datetime.date | None  # when its next review is due


@dataclass(frozen=True)
class PageStatus:
    lang: str
    page: str
    path: str
    source_path: str
    state: PageState
    sections: tuple[SectionStatus, ...]
    # The fingerprint schemes of the page's `l10n` other than the current one, in order.
    other_schemes: tuple[int, ...] = ()
    local: tuple[LocalSectionStatus, ...] = ()  # its local sections, in page order

    def section(self, section_id: str) -> SectionStatus | None:
        return self._by_id.get(section_id)

    @functools.cached_property
    def _by_id(self) -> dict[str, SectionStatus]:
        # Looked up once per section by the checks and the site: an index, not a scan per look-up.
        return {section.id: section for section in reversed(self.sections)}


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    name: str
    pages: dict[str, int]
    sections: dict[str, int]
    total_pages: int
    total_sections: int
    local_sections: int = 0  # sections of the language's market only (not counted in `sections`)
    # Sections up to date, split by review: awaiting review (no valid review) and reviewed.
    awaiting_review: int = 0
    reviewed: int = 0

    # What the status tables show, so that no table builder reads the count dicts by key.
    @property
    def label(self) -> str:
        """The language as tables name it: `Italiano (it)`."""
        return f"{self.name} ({self.lang})"

    @property
    def pages_up_to_date(self) -> int:
        return self.pages[PageState.UP_TO_DATE.value]

    @property
    def missing_pages(self) -> int:
        return self.pages[PageState.MISSING.value]

    @property
    def sections_up_to_date(self) -> int:
        return self.sections[SectionState.UP_TO_DATE.value]

    @property
    def outdated_sections(self) -> int:
        return self.sections[SectionState.OUTDATED.value]

    @property
    def new_sections(self) -> int:
        """Sections of the source that the translation lacks (`new_in_source`)."""
        return self.sections[SectionState.NEW_IN_SOURCE.value]

    @property
    def untracked_sections(self) -> int:
        return self.sections[SectionState.UNTRACKED.value]

    @property
    def sections_reviewed_percent(self) -> float:
        return _percent(self.reviewed, self.total_sections)

    @property
    def pages_up_to_date_percent(self) -> float:
        return _percent(self.pages_up_to_date, self.total_pages)

    @property
    def sections_up_to_date_percent(self) -> float:
        return _percent(self.sections_up_to_date, self.total_sections)


@dataclass(frozen=True)
class StatusReport:
    source_lang: str
    languages: tuple[LanguageStatus, ...]
    pages: tuple[PageStatus, ...]

    def page(self, lang: str, page: str) -> PageStatus | None:
        return self._by_page.get((lang, page))

    @property
    def local_sections(self) -> tuple[tuple[PageStatus, LocalSectionStatus], ...]:
        """Every local section with its page, by language as `languages` orders them, then page order."""
        order = {language.lang: index for index, language in enumerate(self.languages)}
        pages = sorted(self.pages, key=lambda item: (order.get(item.lang, len(order)), item.page))
        return tuple((page, local) for page in pages for local in page.local)

    @functools.cached_property
    def _by_page(self) -> dict[tuple[str, str], PageStatus]:
        # The site looks up every page it renders: an index, not a scan per page.
        return {(item.lang, item.page): item for item in reversed(self.pages)}


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


def status_report(config: SiteConfig, statuses: list[PageStatus]) -> StatusReport:
    """The report of page statuses (from `page_status`), with a summary per language."""
    wanted = config.translation_langs
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
    provenance = content.provenance
    recorded = provenance.source_sections if provenance else {}
    other_schemes = tuple(sorted({scheme_of(value) for value in recorded.values()} - {SCHEME}))
    translated = {section.id: section for section in content.sections if not section.local}
    sections = []
    for section in source_content.sections:
        mine = translated.get(section.id)
        fingerprint = recorded.get(section.id)
        if mine is None:
            state = SectionState.NEW_IN_SOURCE
        elif fingerprint is None or (other_schemes and scheme_of(fingerprint) != SCHEME):
            state = SectionState.UNTRACKED
        elif fingerprint == section.fingerprint:
            state = SectionState.UP_TO_DATE
        else:
            state = SectionState.OUTDATED
        current = state is SectionState.UP_TO_DATE and provenance is not None
        sections.append(SectionStatus(section.id, state, mine.line if mine else None,
                                      section.line, fingerprint, section.fingerprint,
                                      provenance.translated.get(section.id) if current else None,
                                      provenance.reviewed.get(section.id) if current else None))
    source_ids = set(source_content.section_ids)
    for section in content.sections:
        if section.id not in source_ids and not section.local:
            sections.append(SectionStatus(section.id, SectionState.REMOVED_IN_SOURCE, section.line,
                                          None, recorded.get(section.id), None))
    if content.provenance is None or other_schemes:
        state = PageState.UNTRACKED
    elif all(item.state is SectionState.UP_TO_DATE for item in sections):
        state = PageState.UP_TO_DATE
    else:
        state = PageState.OUTDATED
    return PageStatus(lang, page, path, source_path, state, tuple(sections), other_schemes,
                      _local_sections(content))


def _local_sections(content: PageContent) -> tuple[LocalSectionStatus, ...]:
    found = []
    for section in content.local_sections:
        entry = content.local_entry(section.id)
        found.append(LocalSectionStatus(
            section.id, section.title, section.line, entry.owner if entry else None,
            entry.last_reviewed if entry else None, next_review(entry.review_fields) if entry else None))
    return tuple(found)


def _summary(lang: str, name: str, statuses: list[PageStatus]) -> LanguageStatus:
    pages = {state.value: 0 for state in PageState}
    sections = {state.value: 0 for state in SectionState}
    total_sections = local_sections = awaiting_review = reviewed = 0
    for status in statuses:
        pages[status.state.value] += 1
        local_sections += len(status.local)
        for section in status.sections:
            sections[section.state.value] += 1
            total_sections += section.state is not SectionState.REMOVED_IN_SOURCE
            awaiting_review += section.awaiting_review
            reviewed += section.is_reviewed
    total_pages = sum(count for state, count in pages.items() if state != PageState.ORPHAN.value)
    return LanguageStatus(lang=lang, name=name, pages=pages, sections=sections,
                          total_pages=total_pages, total_sections=total_sections, local_sections=local_sections,
                          awaiting_review=awaiting_review, reviewed=reviewed)

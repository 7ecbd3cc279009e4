"""What every check receives: the pair of pages to compare, and what is known about the site.

Pair and tree checks get a `CheckContext`; run checks, which look at the whole run at once, get
a `RunContext`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from kbsync.reading.docs_tree import Inventory
from kbsync.reading.fingerprints import SCHEME, scheme_of
from kbsync.model import Finding, FormerSection, Page, PageOutline, Section
from kbsync.config import SiteConfig
from kbsync.status import PageStatus, SectionState, StatusReport
from kbsync.reading.termbase import Termbase, TermbaseOutline

# Content is compared only where the translation claims to render the current source (or makes
# no claim yet); an outdated section is reported as outdated, not as a dozen differences.
COMPARED_STATES = (SectionState.UP_TO_DATE, SectionState.UNTRACKED)


@dataclass(frozen=True)
class Pair:
    """A page in `lang` and its source. For the source language `translation` is None."""

    lang: str
    page: str
    path: str
    is_source: bool
    source: Page | None
    translation: Page | None

    @property
    def subject(self) -> Page | None:
        """The page of this pair's language: what page-level checks look at."""
        return self.source if self.is_source else self.translation


@dataclass(frozen=True)
class CheckContext:
    config: SiteConfig
    inventory: Inventory
    termbase: Termbase
    statuses: dict[tuple[str, str], PageStatus]
    today: datetime.date

    def status(self, pair: Pair) -> PageStatus | None:
        return self.statuses.get((pair.lang, pair.page))


@dataclass(frozen=True)
class RunContext:
    """The whole run: the outline of every page checked, the published record of those pages, which
    pages exist, the termbase's concept IDs and definition links, the status of the pages checked,
    and whether the run is the release gate (`kbsync check --release`)."""

    config: SiteConfig
    outlines: Mapping[tuple[str, str], PageOutline]  # (lang, page) -> outline
    published: Mapping[str, tuple[str, ...]]  # page -> its published section IDs
    inventory: Inventory = field(default_factory=lambda: Inventory({}, (), ()))
    termbase: TermbaseOutline = field(default_factory=TermbaseOutline)
    status: StatusReport | None = None
    release: bool = False
    _anchors: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _former: dict[tuple[str, str], dict[str, FormerSection]] = field(default_factory=dict, compare=False, repr=False)

    def page_exists(self, lang: str, page: str) -> bool:
        """Whether readers of `lang` get a page at `page`: their language's, or the source's in its place."""
        return self.inventory.exists(lang, page) or self.inventory.exists(self.config.source_lang, page)

    def shown_outline(self, lang: str, page: str) -> PageOutline | None:
        """The outline of the page readers of `lang` get at `page` (their language's, else the source's);
        None when this run did not read it."""
        if self.inventory.exists(lang, page):
            return self.outlines.get((lang, page))
        return self.outlines.get((self.config.source_lang, page))

    def anchors(self, outline: PageOutline) -> frozenset[str]:
        """The IDs a link may name on the page: its headings' IDs, and on the glossary the concept IDs
        of the termbase (the site generates an entry for each)."""
        key = (outline.lang, outline.page)
        if key not in self._anchors:
            ids = {section_id for section_id, _ in outline.sections}.union(outline.heading_ids)
            if outline.page == self.config.kbsync.glossary_page:
                ids.update(self.termbase.concept_ids)
            self._anchors[key] = frozenset(ids)
        return self._anchors[key]

    def former(self, outline: PageOutline) -> dict[str, FormerSection]:
        """The page's former section IDs (`section_aliases`, `retired_sections`) by ID."""
        key = (outline.lang, outline.page)
        if key not in self._former:
            self._former[key] = {item.id: item for item in outline.former}
        return self._former[key]


def finding(pair: Pair, line: int, code: str, message: str, section: str | None = None) -> Finding:
    return Finding(path=pair.path, line=line, code=code, message=message, lang=pair.lang,
                   section=section)


def compared_sections(pair: Pair, context: CheckContext) -> Iterator[tuple[Section, Section]]:
    """(source section, translated section) for each section whose content is compared."""
    status = context.status(pair)
    if status is None or pair.source is None or pair.translation is None:
        return
    for item in status.sections:
        # A value of another fingerprint scheme claims a version kbsync cannot tell until
        # `kbsync migrate` (KB808): it may be an outdated one, so its differences are not errors.
        if item.state in COMPARED_STATES and (item.recorded is None or scheme_of(item.recorded) == SCHEME):
            source = pair.source.content.section(item.id)
            translated = pair.translation.content.section(item.id)
            if source is not None and translated is not None:
                yield source, translated

"""What every check receives: the pair of pages to compare, and what is known about the site.

Pair and tree checks get a `CheckContext`; run checks, which look at the whole run at once, get
a `RunContext`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Iterator, Mapping

from kbsync.reading.docs_tree import Inventory
from kbsync.model import Finding, Page, PageOutline, Section
from kbsync.config import SiteConfig
from kbsync.status import PageStatus, SectionState
from kbsync.reading.termbase import Termbase

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
    """The whole run: the outline of every page checked, and the published record of those pages."""

    config: SiteConfig
    outlines: Mapping[tuple[str, str], PageOutline]  # (lang, page) -> outline
    published: Mapping[str, tuple[str, ...]]  # page -> its published section IDs


def finding(pair: Pair, line: int, code: str, message: str, section: str | None = None) -> Finding:
    return Finding(path=pair.path, line=line, code=code, message=message, lang=pair.lang,
                   section=section)


def compared_sections(pair: Pair, context: CheckContext) -> Iterator[tuple[Section, Section]]:
    """(source section, translated section) for each section whose content is compared."""
    status = context.status(pair)
    if status is None or pair.source is None or pair.translation is None:
        return
    for item in status.sections:
        if item.state in COMPARED_STATES:
            source = pair.source.content.section(item.id)
            translated = pair.translation.content.section(item.id)
            if source is not None and translated is not None:
                yield source, translated

"""The plain data the pipeline passes along: pages, sections, findings.

Only dataclasses and their trivial accessors live here; no reading, no parsing, no checking.
`PageContent` depends only on a file's bytes (it is what the cache stores); `Page` adds where
the file is.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from typing import Any

from kbsync.codes import Severity, code_table

INTRO_ID = "_intro"
# Front matter keys of a source page that keep former section IDs as anchors (see FormerSection).
ALIASES_KEY = "section_aliases"
RETIRED_KEY = "retired_sections"
FORMER_KEYS = (ALIASES_KEY, RETIRED_KEY)
# A section that exists only in its translation's language and market: `## Title {#local-id .local}`,
# with its owner and review date under this front matter key (see LocalEntry).
LOCAL_CLASS = "local"
LOCAL_KEY = "local_sections"
LOCAL_ID_PREFIX = "local-"


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    external: bool


@dataclass(frozen=True)
class Figure:
    """A number, percentage or date, canonical (`1000.5`, `30%`, `2024-03-01`) and as written."""

    value: str
    written: str
    line: int


@dataclass(frozen=True)
class TextBlock:
    """A paragraph-like block (p, li, cell, heading...) as plain text, for the untranslated check."""

    text: str
    words: int
    line: int
    language: str | None = None


@dataclass(frozen=True)
class BlockCounts:
    list_items: int = 0
    table_rows: int = 0
    admonitions: int = 0
    images: int = 0
    code_blocks: int = 0

    LABELS = {
        "list_items": "list items",
        "table_rows": "table rows",
        "admonitions": "admonitions",
        "images": "images",
        "code_blocks": "code blocks",
    }


@dataclass(frozen=True)
class Section:
    """Text from one heading with an explicit ID to the next; `_intro` is what precedes the first."""

    id: str
    level: int
    title: str
    line: int
    end_line: int
    fingerprint: str  # of the section as a source; empty on pages in other languages
    raw: str
    counts: BlockCounts
    links: tuple[Link, ...]
    figures: tuple[Figure, ...]
    words: tuple[str, ...]
    cased_words: frozenset[str]
    blocks: tuple[TextBlock, ...]
    # A local section (`{#id .local}` on a translated page): it has no source section and is no drift.
    local: bool = False

    def locate(self, needle: str, start: int | None = None) -> int:
        """The first line at or after `start` holding `needle` (case-insensitive), else `start`."""
        start = self.line if start is None else start
        lowered = needle.lower()
        for offset, text in enumerate(self.raw.split("\n")[start - self.line:]):
            if lowered in text.lower():
                return start + offset
        return start


@dataclass(frozen=True)
class Heading:
    level: int
    id: str | None
    title: str
    line: int
    local: bool = False  # marked `.local`, on any page (a source page's is reported, not honoured)


@dataclass(frozen=True)
class LocalEntry:
    """An entry of a translated page's `local_sections` front matter: who owns a local section, when
    it was reviewed and which group section it adds to. A value missing or not in the form
    schemas/front-matter.schema.json gives is None here (checks/local_sections.py reports it)."""

    id: str
    line: int  # of the entry in the front matter
    owner: str | None
    last_reviewed: datetime.date | None
    review_interval_months: int | None
    adds_to: str | None

    @property
    def review_fields(self) -> dict[str, Any]:
        """The entry's review date and interval under the page keys kbsync.review reads."""
        return {"last_reviewed": self.last_reviewed, "review_interval_months": self.review_interval_months}


@dataclass(frozen=True)
class MalformedEntry:
    """An entry of `l10n.<key>` that is not in the form kbsync writes, as written: `key` is
    `source_sections` (an ID with a fingerprint) or a record map (`translated`, ...)."""

    section_id: str
    value: str
    line: int
    key: str = "source_sections"


@dataclass(frozen=True)
class Record:
    """Who did something to a section's translation, and when: `translated`, `reviewed` or
    `acknowledged` (with the `reason` an override gave). Names come from a flag or from git's
    `user.name`, never invented."""

    by: str
    date: datetime.date
    reason: str | None = None


@dataclass(frozen=True)
class Provenance:
    """The `l10n` key of a translated page: source section ID -> fingerprint, in source order;
    per section, who translated, reviewed or acknowledged it (valid while the section's recorded
    fingerprint is the source's: a source change voids them); `malformed`: the entries that are
    not in the form kbsync writes, kept so that they are reported and never dropped."""

    source_sections: dict[str, str]
    malformed: tuple[MalformedEntry, ...] = ()
    translated: dict[str, Record] = field(default_factory=dict)
    reviewed: dict[str, Record] = field(default_factory=dict)
    acknowledged: dict[str, Record] = field(default_factory=dict)

    def records(self) -> dict[str, dict[str, Record]]:
        """The record maps by their front matter key, in the order kbsync writes them."""
        return {"translated": self.translated, "reviewed": self.reviewed,
                "acknowledged": self.acknowledged}


@dataclass(frozen=True)
class Problem:
    """Something wrong with a page found while reading it, by the name of its code
    (`invalid-utf8`); checks/page_reading.py declares the codes and reports the problems."""

    name: str
    line: int
    message: str


@dataclass(frozen=True)
class PageContent:
    """Everything kbsync learns from one file's bytes; independent of the file's path."""

    readable: bool
    has_front_matter: bool = False
    front_matter: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    provenance: Provenance | None = None
    headings: tuple[Heading, ...] = ()
    sections: tuple[Section, ...] = ()  # every section in page order, local ones included
    problems: tuple[Problem, ...] = ()
    local_entries: tuple[LocalEntry, ...] = ()  # the `local_sections` front matter, in its order

    def section(self, section_id: str) -> Section | None:
        """The group section `section_id` (one that pairs with the source's); never a local one."""
        return self._by_id.get(section_id)

    @functools.cached_property
    def _by_id(self) -> dict[str, Section]:
        # The first section with an ID wins, as a scan would find it; every check looks sections up.
        return {section.id: section for section in reversed(self.sections) if not section.local}

    @property
    def section_ids(self) -> tuple[str, ...]:
        """The IDs of the group sections, in page order: what pairs with the source and is synced.
        Local sections are left out: they have no source, so nothing compares or records them."""
        return tuple(section.id for section in self.sections if not section.local)

    @property
    def local_sections(self) -> tuple[Section, ...]:
        return tuple(section for section in self.sections if section.local)

    def local_entry(self, section_id: str) -> LocalEntry | None:
        return self._entries.get(section_id)

    @functools.cached_property
    def _entries(self) -> dict[str, LocalEntry]:
        return {entry.id: entry for entry in self.local_entries}


@dataclass(frozen=True)
class FormerSection:
    """A section ID the page no longer has, from its front matter: moved to another section of the
    page (`section_aliases: {old: new}`) or retired for good (`retired_sections: {old: replacement}`)."""

    id: str
    target: str  # alias: the section ID it moved to; retired: `page.md`, `page.md#section` or `#section`
    retired: bool
    line: int  # of the entry in the front matter


@dataclass(frozen=True)
class PageLink:
    """An internal link to a page of the site or to an anchor, resolved to where it leads in the docs
    folder: `../metrics/nps.md#scale` on docs/it/guidelines/x.md is (it, metrics/nps.md, scale)."""

    target: str  # as written
    line: int
    lang: str | None  # the language folder it leads into; None when it leaves every language folder
    page: str  # the page path inside that folder (the linking page's own for `#id`)
    anchor: str  # the section ID it names, unquoted; "" for none


@dataclass(frozen=True)
class PageOutline:
    """What the run checks and reader-facing listings need of a page: its title, owner, review date,
    section titles, former section IDs and internal links."""

    lang: str
    page: str
    title: str
    owner: str | None
    review_due: datetime.date | None
    sections: tuple[tuple[str, str], ...]  # (section ID, heading text), `_intro` left out
    former: tuple[FormerSection, ...] = ()  # from `section_aliases` and `retired_sections`, in that order
    links: tuple[PageLink, ...] = ()  # internal links to a page (`*.md`) or an anchor (`#id`), in page order
    heading_ids: tuple[str, ...] = ()  # IDs of headings that are not sections (level 1 with `{#id}`)

    def section_title(self, section_id: str) -> str | None:
        return self._titles.get(section_id)

    @functools.cached_property
    def _titles(self) -> dict[str, str]:
        return {section_id: title for section_id, title in reversed(self.sections)}

    @property
    def aliases(self) -> tuple[tuple[str, str], ...]:
        """(old section ID, ID it moved to), from `section_aliases`."""
        return tuple((former.id, former.target) for former in self.former if not former.retired)

    @property
    def retired(self) -> tuple[FormerSection, ...]:
        return tuple(former for former in self.former if former.retired)


@dataclass(frozen=True)
class Page:
    """A page file of one language: `page` is its path inside the language folder."""

    lang: str
    page: str
    path: str
    content: PageContent


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    code: str
    message: str
    lang: str
    section: str | None = None

    @property
    def severity(self) -> Severity:
        return code_table()[self.code].severity

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.path, self.line, self.code, self.section or "", self.message)

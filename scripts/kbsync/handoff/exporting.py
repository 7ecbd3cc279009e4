"""What a language needs translated, as units: outdated sections, sections new in the source,
untracked sections and missing pages (every section, and the page's title, description and owner).

The state of each section is kbsync.status's (`page_status`), the text the source section had
when it was translated comes from git (kbsync.history.git), the units from kbsync.handoff.memory.
Reads pages, writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kbsync.config import SiteConfig
from kbsync.errors import InputError
from kbsync.handoff.inline import renumber, tokenize
from kbsync.handoff.memory import SectionSource, section_units
from kbsync.handoff.units import FRONT_KEYS, FRONT_SECTION, Unit, UnitState, front_id, value_fingerprint
from kbsync.history.git import HistoryUnavailable, is_shallow, section_versions
from kbsync.model import Page, Section
from kbsync.pairing import display_path, page_path
from kbsync.status import SectionState, page_status

if TYPE_CHECKING:
    from kbsync.commands.recording import PageSet

# The section states a hand-off offers.
OPEN_STATES = (SectionState.OUTDATED, SectionState.NEW_IN_SOURCE, SectionState.UNTRACKED,
               SectionState.MISSING)


@dataclass(frozen=True)
class PageUnits:
    """The units of one page; `missing`: the translation does not exist yet."""

    page: str
    source_path: str
    path: str
    missing: bool
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Handoff:
    """Everything one language needs translated, page by page."""

    source_lang: str
    lang: str
    pages: tuple[PageUnits, ...]

    @property
    def units(self) -> list[Unit]:
        return [unit for page in self.pages for unit in page.units]


def language_handoff(page_set: PageSet, lang: str, pages: list[str], skip_unreadable: bool = False) -> Handoff:
    """What `lang` needs translated in `pages`. `skip_unreadable`: leave out a page that cannot be
    read (status reports it) instead of stopping with its error."""
    config = page_set.session.config
    found = []
    for page in pages:
        try:
            units = page_units(config, lang, page_set.source(page), page_set.translation(lang, page))
        except InputError:
            if not skip_unreadable:
                raise
            continue
        if units is not None and units.units:
            found.append(units)
    return Handoff(config.source_lang, lang, tuple(found))


def page_units(config: SiteConfig, lang: str, source: Page, translation: Page | None) -> PageUnits | None:
    """The units of a page that needs work in `lang`; None when it needs none."""
    page = source.page
    path = display_path(config, lang, page)
    status = page_status(lang, page, source, translation, source.path, path)
    open_sections = [item for item in status.sections if item.state in OPEN_STATES]
    if not open_sections:
        return None
    units: list[Unit] = []
    if translation is None:
        units += front_units(source)
    for item in open_sections:
        section = source.content.section(item.id)
        assert section is not None  # open states are states of source sections
        mine = translation.content.section(item.id) if translation is not None else None
        units += section_units(_section_source(config, lang, source, section, item.state, mine,
                                               item.recorded))
    return PageUnits(page, source.path, path, translation is None, tuple(units))


def _section_source(config: SiteConfig, lang: str, source: Page, section: Section, state: SectionState,
                    mine: Section | None, recorded: str | None) -> SectionSource:
    common = dict(page=source.page, source=section, source_lang=config.source_lang, lang=lang)
    if state is SectionState.UNTRACKED and mine is not None:
        return SectionSource(**common, translation=mine, old=section, trusted=False,
                             note="This section was never recorded as translated: check the "
                                  "current translation against the source.")
    if state is not SectionState.OUTDATED or mine is None:
        return SectionSource(**common)
    old, reason = old_version(config, source.page, section.id, recorded)
    if old is None:
        return SectionSource(**common, translation=mine, old=section, trusted=False,
                             note=f"The source text this section was translated from is not known "
                                  f"({reason}): the current translation is offered to be checked.")
    return SectionSource(**common, translation=mine, old=old)


def old_version(config: SiteConfig, page: str, section_id: str, recorded: str | None) -> tuple[Section | None, str]:
    """The source section as it was when its translation was recorded (`recorded`: that
    fingerprint), from git; else None and why."""
    try:
        for version in section_versions(config, page_path(config, config.source_lang, page), section_id):
            if version.section is not None and version.section.fingerprint == recorded:
                return version.section, ""
    except HistoryUnavailable as reason:
        return None, f"no git history: {reason}"
    shallow = "; the clone is shallow: git fetch --unshallow" if is_shallow(config) else ""
    return None, f"fingerprint {recorded} is not in the git history of the source{shallow}"


def front_units(source: Page) -> list[Unit]:
    """The title, description and owner of a missing page, each one unit (never `l10n` or an ID)."""
    content = source.content
    units = []
    for key in FRONT_KEYS:
        value = content.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            units.append(Unit(front_id(source.page, key), source.page, FRONT_SECTION,
                              value_fingerprint(value), content.key_lines.get(key, 1),
                              renumber(tokenize(value)), UnitState.NEW,
                              note=f"The page's `{key}` (front matter)."))
    return units

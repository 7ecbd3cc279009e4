"""What the site knows about the docs tree (read once per build), and how one page is seen.

`SiteState` holds what every language's build shares: the result of `run_checks` (the code behind
`kbsync check` and `kbsync status`), the termbase, the source history. `PageView` is one page as
rendered in one language. The modules that render banners and generated pages take these two
values; they never read files, and they decide nothing about status themselves.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from kbsync.cache import Cache
from kbsync.checks.runner import CheckRun, run_checks
from kbsync.config import SiteConfig
from kbsync.checks import language_folders, page_reading
from kbsync.codes import code_table
from kbsync.errors import ConfigError, InputError
from kbsync.history.facts import FigureChange, changed_facts
from kbsync.history.changes import PAGE_ADDED, PAGE_REMOVED, SectionChange, last_changed, source_changes
from kbsync.history.git import HistoryUnavailable
from kbsync.languages import LanguageProfile
from kbsync.reading.termbase import load_termbase
from kbsync.site.urls import SiteLanguages

# Reading problems (by their code's name) that stop the build.
UNPUBLISHABLE = page_reading.UNPUBLISHABLE | language_folders.UNPUBLISHABLE


@dataclass(frozen=True)
class SiteState:
    config: SiteConfig
    languages: SiteLanguages
    run: CheckRun
    concepts: Sequence[Mapping]  # the termbase's concepts, as its file gives them
    changes: Sequence[SectionChange] | None  # None: no history, for `history_reason`
    history_reason: str | None
    change_dates: Mapping[tuple[str, str], datetime.date]  # (page, section ID) -> newest change
    last_changed: Mapping[str, datetime.date]  # committed file path -> date of its last commit
    today: datetime.date
    # (lang, page, section ID) -> the figures its German text changed since translated (kbsync.history.facts)
    changed_facts: Mapping[tuple[str, str, str], tuple[FigureChange, ...]] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.languages.source


@dataclass(frozen=True)
class PageView:
    """A page as the site renders it in one language."""

    lang: str
    page: str  # its path inside the language folder: guidelines/service-quality.md
    url: str  # its site-relative URL
    fallback: bool  # the source page, shown because the page is missing in `lang`
    profile: LanguageProfile  # the reader's language: interface strings, date and number formats

    @property
    def ui(self) -> Mapping[str, str]:
        return self.profile.ui


def read_site_state(config: SiteConfig) -> SiteState:
    """Everything read from the docs tree and git, once per build for all languages."""
    cache = Cache(config.cache_dir)
    concepts = load_termbase(config.termbase_path, [language.locale for language in config.built_languages],
                             cache)["concepts"]
    run = run_checks(config, cache)
    _refuse_unpublishable(run)
    _check_redirects(config, run)
    try:
        changes, reason = source_changes(config, cache), None
        changed = last_changed(config)
        facts = changed_facts(config, run.status, cache)
    except HistoryUnavailable as error:
        changes, reason, changed, facts = None, str(error), {}, {}
    return SiteState(config=config, languages=SiteLanguages.of(config), run=run, concepts=concepts, changes=changes,
                     history_reason=reason, change_dates=change_dates(changes), last_changed=changed,
                     today=datetime.date.today(), changed_facts=facts)


def change_dates(changes: Sequence[SectionChange] | None) -> dict[tuple[str, str], datetime.date]:
    """(page, section ID) -> date of the section's newest change in the source."""
    dates: dict[tuple[str, str], datetime.date] = {}
    for change in changes or ():
        if change.section is not None and change.kind not in (PAGE_ADDED, PAGE_REMOVED):
            dates.setdefault((change.page, change.section), change.date)
    return dates


def _refuse_unpublishable(run: CheckRun) -> None:
    """Stop the build, before anything is rendered, on files the site would publish raw or broken,
    or could not get through: one message with each of them as `kbsync check` reports it."""
    codes = code_table()
    blocking = [finding for finding in run.findings
                if codes[finding.code].name in UNPUBLISHABLE]
    if blocking:
        lines = "".join(f"\n  {finding.path}:{finding.line}: {finding.code} {finding.message}"
                        for finding in blocking)
        many = len(blocking) != 1
        raise InputError(f"the site is not built: {len(blocking)} {'problems' if many else 'problem'} "
                         f"would publish a file raw or broken, or stop the build; {'fix them' if many else 'fix it'} "
                         f"first (`kbsync check` lists them too):{lines}")


def _check_redirects(config: SiteConfig, run: CheckRun) -> None:
    source = config.source_lang
    pages = {page for lang, page in run.outlines if lang == source}
    for old, new in config.kbsync.redirects.items():
        if new not in pages:
            raise ConfigError(f"redirects: `{old}: {new}`: docs/{source}/{new} does not exist; "
                              "expected the path of the page that replaced it, like `guidelines/new-page.md`")
        if old in pages:
            raise ConfigError(f"redirects: `{old}` still exists as a page: remove the redirect or move the page")

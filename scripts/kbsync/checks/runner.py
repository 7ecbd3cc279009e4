"""Run every check of checks/registry.py over the selected pages; return the findings and the status.

The work is split by page: one job analyses a page in every language, computes the status of
each translation and runs the pair checks, on all cores. A page's result is cached under the
hash of all it depends on (its files' bytes in every language, the Markdown settings, the
termbase, which pages exist), so a check of an unchanged tree only reads and hashes the files.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from kbsync.cache import Cache
from kbsync.checks.registry import PAIR_CHECKS, RUN_CHECKS, TREE_CHECKS
from kbsync.checks.context import CheckContext, Pair, RunContext
from kbsync.reading.docs_tree import Inventory, TreeFiles, analyse_page, read_files, scan, start_analyzer
from kbsync import __version__
from kbsync.model import INTRO_ID, Finding, Page, PageOutline
from kbsync.pairing import display_path
from kbsync.reading.published import load_published
from kbsync.review import review_due
from kbsync.parallel import Workers, run_jobs
from kbsync.config import SiteConfig
from kbsync.status import PageStatus, StatusReport, page_status, status_report
from kbsync.reading.termbase import Termbase, site_termbase

RESULTS = "results"


@dataclass(frozen=True)
class CheckRun:
    findings: tuple[Finding, ...]
    status: StatusReport
    outlines: dict[tuple[str, str], PageOutline]  # (lang, page) -> outline, for every existing page


@dataclass(frozen=True)
class PageResult:
    """The statuses and findings of one page in every language."""

    statuses: tuple[PageStatus, ...]
    findings: tuple[Finding, ...]
    outlines: tuple[PageOutline, ...]


@dataclass(frozen=True)
class PageJob:
    page: str
    key: str
    files: dict[str, bytes]  # lang -> the file's bytes


def pairs_of_page(config: SiteConfig, page: str, pages: dict[str, Page]) -> list[Pair]:
    """The page in the source language, and each translation with its source."""
    source = pages.get(config.source_lang)
    pairs = [Pair(config.source_lang, page, source.path, True, source, None)] if source else []
    for lang in config.translation_langs:
        translation = pages.get(lang)
        if source is not None or translation is not None:
            pairs.append(Pair(lang, page, display_path(config, lang, page), False, source,
                              translation))
    return pairs


def run_checks(config: SiteConfig, cache: Cache, selection: list[str] | None = None,
               today: datetime.date | None = None) -> CheckRun:
    """Every check over the selected pages; `today` decides which reviews are due."""
    today = today or datetime.date.today()
    inventory = scan(config)
    workers = termbase = None
    if not cache.exists(RESULTS):
        # Nothing is stored, so every selected page is checked: the worker processes start now
        # and get ready while this one reads the files.
        termbase = site_termbase(config)
        expected = len(selection) if selection is not None else len(inventory.all_pages())
        workers = Workers(_start, (config, inventory, termbase, today), expected)
    try:
        return _run(config, cache, selection, today, inventory, workers, termbase)
    finally:
        if workers is not None:
            workers.close()


def _run(config: SiteConfig, cache: Cache, selection: list[str] | None, today: datetime.date,
         inventory: Inventory, workers: Workers | None, termbase: Termbase | None) -> CheckRun:
    files = read_files(config, selection, inventory)
    termbase_bytes = config.termbase_path.read_bytes() if config.termbase_path.is_file() else b""
    salt = _digest(config.markdown_key, hashlib.sha256(termbase_bytes).hexdigest(),
                   _inventory_key(files.inventory), today.isoformat(), __version__)
    stored = cache.load(RESULTS)
    results: dict[str, PageResult] = {}
    jobs = []
    for job in _page_jobs(files, salt):
        key, result = stored.get(job.page, (None, None))
        if key == job.key and isinstance(result, PageResult):
            results[job.page] = result
        else:
            jobs.append(job)
    if termbase is None:
        termbase = site_termbase(config) if jobs else Termbase()
    fresh = run_jobs(_check_page, jobs, _start, (config, files.inventory, termbase, today), workers)
    if jobs:
        results.update(zip((job.page for job in jobs), fresh))
        every_page = set(files.inventory.all_pages())
        stored = {page: entry for page, entry in stored.items() if page in every_page}
        stored.update({job.page: (job.key, result) for job, result in zip(jobs, fresh)})
        cache.save(RESULTS, stored)
    statuses = [status for page in files.selection for status in results[page].statuses]
    context = CheckContext(config, files.inventory, termbase, {}, today)
    findings = [finding for check in TREE_CHECKS for finding in check(context)]
    findings += [finding for page in files.selection for finding in results[page].findings]
    outlines = {(outline.lang, outline.page): outline for page in files.selection
                for outline in results[page].outlines}
    record = load_published(config.published_path, config.relative(config.published_path))
    run = RunContext(config, outlines, {page: ids for page, ids in record.items()
                                        if selection is None or page in files.selection})
    findings += [finding for check in RUN_CHECKS for finding in check(run)]
    return CheckRun(tuple(sorted(findings, key=Finding.sort_key)), status_report(config, statuses), outlines)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _inventory_key(inventory: Inventory) -> str:
    # Links are checked against which pages exist, so every page's findings depend on it.
    return _digest(*(f"{lang}:{page}" for lang in sorted(inventory.pages)
                     for page in sorted(inventory.pages[lang])),
                   repr((inventory.missing_folders, inventory.unknown_folders)))


def _page_jobs(files: TreeFiles, salt: str) -> list[PageJob]:
    present: dict[str, dict[str, bytes]] = {page: {} for page in files.selection}
    for lang, page in files.data:
        present[page][lang] = files.data[lang, page]
    return [PageJob(page, _digest(salt, page, *(f"{lang}={files.keys[lang, page]}" for lang in sorted(langs))),
                    langs) for page, langs in present.items()]


_context: tuple[SiteConfig, Inventory, Termbase, datetime.date] | None = None


def _start(config: SiteConfig, inventory: Inventory, termbase: Termbase, today: datetime.date) -> None:
    global _context
    _context = (config, inventory, termbase, today)
    start_analyzer(config)


def _check_page(job: PageJob) -> PageResult:
    assert _context is not None
    config, inventory, termbase, today = _context
    pages = {lang: Page(lang, job.page, display_path(config, lang, job.page),
                        analyse_page((lang, data)))
             for lang, data in job.files.items()}
    source = pages.get(config.source_lang)
    statuses = tuple(
        page_status(lang, job.page, source, pages.get(lang),
                    display_path(config, config.source_lang, job.page),
                    display_path(config, lang, job.page))
        for lang in config.translation_langs if source is not None or lang in pages)
    context = CheckContext(config, inventory, termbase,
                           {(status.lang, status.page): status for status in statuses}, today)
    return PageResult(statuses, tuple(finding for pair in pairs_of_page(config, job.page, pages)
                                      for check in PAIR_CHECKS for finding in check(pair, context)),
                      tuple(_outline(page, today) for page in pages.values() if page.content.readable))


def _outline(page: Page, today: datetime.date) -> PageOutline:
    content = page.content
    front = content.front_matter
    title = front.get("title") if isinstance(front.get("title"), str) else None
    headings = [section.title for section in content.sections if section.level == 1]
    owner = front.get("owner") if isinstance(front.get("owner"), str) else None
    aliases = front.get("section_aliases")
    return PageOutline(page.lang, page.page, title or (headings[0] if headings else page.page), owner,
                       review_due(front, today),
                       tuple((section.id, section.title) for section in content.sections if section.id != INTRO_ID),
                       tuple((str(old), str(new)) for old, new in aliases.items()) if isinstance(aliases, dict) else ())

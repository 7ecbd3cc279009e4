"""Run every check of checks/registry.py over the selected pages; return the findings and the status.

The work is split by page: one job analyses a page in every language, computes the status of
each translation and runs the pair checks, on all cores. A page's result is cached under the
hash of all it depends on (its files' bytes in every language, the Markdown settings, the
termbase, which pages exist), so a check of an unchanged tree only reads and hashes the files.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass

import yaml

from kbsync.cache import Cache
from kbsync.checks.anchors import page_link
from kbsync.checks.registry import PAIR_CHECKS, RUN_CHECKS, TREE_CHECKS
from kbsync.checks.context import CheckContext, Pair, RunContext
from kbsync.reading.docs_tree import Inventory, TreeFiles, analyse_page, read_files, scan, start_analyzer
from kbsync import __version__
from kbsync.model import FORMER_KEYS, INTRO_ID, RETIRED_KEY, Finding, FormerSection, Page, PageContent, PageOutline
from kbsync.pairing import display_path
from kbsync.reading.front_matter import FRONT_MATTER_RE
from kbsync.reading.page_text import decode_page
from kbsync.reading.yaml_source import YamlSourceError, compose_mapping
from kbsync.reading.published import load_published
from kbsync.reading.schemas import load_schema
from kbsync.review import review_due
from kbsync.parallel import Workers, run_jobs
from kbsync.config import SiteConfig
from kbsync.status import PageStatus, StatusReport, page_status, status_report
from kbsync.reading.termbase import Termbase, site_termbase, termbase_outline

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
               today: datetime.date | None = None, release: bool = False) -> CheckRun:
    """Every check over the selected pages; `today` decides which reviews are due; `release` adds
    what stands between the translations and a release (checks/release.py)."""
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
        return _run(config, cache, selection, today, inventory, workers, termbase, release)
    finally:
        if workers is not None:
            workers.close()


def _run(config: SiteConfig, cache: Cache, selection: list[str] | None, today: datetime.date,
         inventory: Inventory, workers: Workers | None, termbase: Termbase | None,
         release: bool = False) -> CheckRun:
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
    report = status_report(config, statuses)
    run = RunContext(config, outlines, {page: ids for page, ids in record.items()
                                        if selection is None or page in files.selection},
                     files.inventory, termbase_outline(termbase_bytes.decode("utf-8-sig", "replace")),
                     report, release)
    findings += [finding for check in RUN_CHECKS for finding in check(run)]
    return CheckRun(tuple(sorted(findings, key=Finding.sort_key)), report, outlines)


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
                      tuple(_outline(page, today, job.files[page.lang], config.locales) for page in pages.values()
                            if page.content.readable))


def _outline(page: Page, today: datetime.date, data: bytes, locales: tuple[str, ...]) -> PageOutline:
    content = page.content
    front = content.front_matter
    title = front.get("title") if isinstance(front.get("title"), str) else None
    headings = [section.title for section in content.sections if section.level == 1]
    owner = front.get("owner") if isinstance(front.get("owner"), str) else None
    # Resolved here, once per page and cached with it, so that a run only looks them up.
    links = tuple(resolved for section in content.sections for link in section.links
                  if (resolved := page_link(link, page.lang, page.page, locales)) is not None)
    sections = tuple((section.id, section.title) for section in content.sections if section.id != INTRO_ID)
    section_ids = {section_id for section_id, _ in sections}
    heading_ids = tuple(dict.fromkeys(heading.id for heading in content.headings
                                      if heading.id and heading.id not in section_ids))
    return PageOutline(page.lang, page.page, title or (headings[0] if headings else page.page), owner,
                       review_due(front, today), sections, _former_sections(content, data), links, heading_ids)


def _former_sections(content: PageContent, data: bytes) -> tuple[FormerSection, ...]:
    """The entries of `section_aliases` and `retired_sections` (text values only; the schema check
    reports others), each with its line."""
    front = content.front_matter
    mappings = [(key, front[key]) for key in FORMER_KEYS if isinstance(front.get(key), dict) and front[key]]
    if not mappings:
        return ()
    lines = _entry_lines(data, [key for key, _ in mappings])
    return tuple(FormerSection(old, target, key == RETIRED_KEY, lines.get((key, old), content.key_lines.get(key, 1)))
                 for key, entries in mappings for old, target in entries.items()
                 if isinstance(old, str) and isinstance(target, str) and _FORMER_FORMS[key][0].fullmatch(old)
                 and _FORMER_FORMS[key][1].fullmatch(target))


def _former_forms() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Key -> (pattern of an old ID, pattern of its target), from the front matter schema."""
    properties = load_schema("front-matter.schema.json")["properties"]
    return {key: (re.compile(properties[key]["propertyNames"]["pattern"]),
                  re.compile(properties[key]["additionalProperties"]["pattern"])) for key in FORMER_KEYS}


# Only entries in the schema's form become anchors; the front matter check (KB202) reports the others.
_FORMER_FORMS = _former_forms()


def _entry_lines(data: bytes, keys: list[str]) -> dict[tuple[str, str], int]:
    """(key, entry) -> line of each entry of the front matter mappings `keys`: read again, only on the
    few pages that have them (the page's analysis keeps the lines of top-level keys only)."""
    match = FRONT_MATTER_RE.match(decode_page(data).text)
    try:
        node = compose_mapping(match.group(1), 2, "front matter") if match else None
    except YamlSourceError:
        return {}
    lines: dict[tuple[str, str], int] = {}
    for key, value in node.value if node is not None else ():
        if key.value in keys and isinstance(value, yaml.MappingNode):
            lines.update(((key.value, entry.value), 2 + entry.start_mark.line) for entry, _ in value.value)
    return lines

"""`kbsync migrate [--dry-run]`: rewrite every translation's fingerprints in the current scheme.

What each section's recorded value claimed stays true (kbsync.reading.fingerprints, schemes):

* recorded == the source section's fingerprint in the old scheme now: the section was up to
  date, and records the source's current fingerprint, so it is up to date;
* otherwise the section was outdated: git history of the source page gives the version whose
  old fingerprint was recorded, and that version's new fingerprint is recorded, so the section
  stays outdated and `kbsync diff` still shows what changed since. Where that version differs
  from today's source only in what the new scheme ignores (a `*` bullet that became `-`), the
  section is up to date now, and the command says so;
* without that version in history (no git, a shallow clone, a squashed history) the old digits
  are recorded under the new scheme's prefix: a value no source text has, so the section stays
  outdated; stderr names it, and `kbsync diff` can only name it.

Old fingerprints are computed with today's mkdocs.yml: run the command before changing the
Markdown extensions, as scheme 1 depended on them. Only the `l10n` lines change, in every
translation or in none (kbsync.writing.transaction); a page with a provenance entry kbsync cannot
read, or with a fingerprint newer than this kbsync, stops the command before anything is written.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from typing import Iterator

from kbsync.commands.recording import PageSet, require_kept
from kbsync.commands.session import Session
from kbsync.config import SiteConfig
from kbsync.errors import InputError
from kbsync.history.git import HistoryUnavailable, git
from kbsync.model import Page
from kbsync.pairing import display_path, page_path
from kbsync.reading.analysis import PROVENANCE_KEY
from kbsync.reading.docs_tree import scan
from kbsync.reading.fingerprints import SCHEME, digits_of, fingerprint, scheme_of
from kbsync.reading.front_matter import split_front_matter
from kbsync.reading.markdown_reader import MarkdownReader
from kbsync.reading.page_text import decode_page

UP_TO_DATE, NOW_UP_TO_DATE, OUTDATED, NOT_IN_HISTORY = "up to date", "now up to date", "outdated", \
    "outdated, not in history"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would change and write nothing")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    page_set = PageSet(session, scan(config).all_pages())
    reader = _Scheme1Reader(config)
    writes, reports = [], []
    totals = {UP_TO_DATE: 0, NOW_UP_TO_DATE: 0, OUTDATED: 0, NOT_IN_HISTORY: 0}
    for page in page_set.tree.selection:
        translations = [translation for lang in config.translation_langs
                        if (translation := page_set.tree.page(lang, page)) is not None
                        and _in_other_scheme(translation)]
        if not translations:
            continue
        source = page_set.tree.page(config.source_lang, page)
        if source is None and os.path.lexists(page_path(config, config.source_lang, page)):
            # Read as absent, its sections would all be judged outdated for good.
            raise InputError("is there but cannot be read as a page (a symbolic link that leads nowhere, "
                             "or not a file: `kbsync check` names it); migrate needs the source to keep "
                             "each section up to date or outdated", path=display_path(config, config.source_lang, page),
                             hint="fix it, then run `kbsync migrate` again; nothing was changed")
        versions = _SourceVersions(config, reader, page, page_set.data[config.source_lang, page]
                                   if source is not None else None)
        if source is not None:
            page_set.source(page)  # refuses a source with ambiguous sections
        for translation in translations:
            page_set.translation(translation.lang, page)  # refuses a page unsafe to edit
            migrated, outcomes = _migrate(translation, versions)
            write = page_set.provenance_write(translation, migrated)
            if write is not None:
                writes.append(write)
            for outcome in outcomes.values():
                totals[outcome] += 1
            reports.append(_report(translation, outcomes, args.dry_run))
            for section_id, outcome in outcomes.items():
                if outcome == NOT_IN_HISTORY:
                    sys.stderr.write(f"kbsync: {translation.path}: section `{section_id}` was outdated "
                                     f"and the version it was translated from is not in {versions.where}"
                                     f"{versions.reason}: recorded so that it stays outdated; "
                                     "`kbsync diff` can name it but not show what changed\n")
    if not args.dry_run:
        page_set.write(writes)  # every translation or none
    sys.stdout.write("".join(reports))
    sys.stdout.write(_summary(len(reports), totals, args.dry_run))
    return 0


def _in_other_scheme(page: Page) -> bool:
    provenance = page.content.provenance
    return provenance is not None and any(scheme_of(value) != SCHEME
                                          for value in provenance.source_sections.values())


def _migrate(translation: Page, versions: _SourceVersions) -> tuple[dict[str, str], dict[str, str]]:
    """The page's recorded values in the current scheme, and how each old one was judged."""
    provenance = translation.content.provenance
    assert provenance is not None
    newer = sorted({scheme_of(value) for value in provenance.source_sections.values()} - set(range(SCHEME + 1)))
    if newer:
        raise InputError(f"`{PROVENANCE_KEY}` holds fingerprints of scheme {newer[0]}, newer than "
                         f"this kbsync knows (scheme {SCHEME})", path=translation.path,
                         line=translation.content.key_lines.get(PROVENANCE_KEY),
                         hint="upgrade kbsync (`make install`); nothing was changed")
    require_kept(translation, set(), "fix or remove the entries it names, then run `kbsync "
                 "migrate` again")
    migrated: dict[str, str] = {}
    outcomes: dict[str, str] = {}
    for section_id, value in provenance.source_sections.items():
        if scheme_of(value) == SCHEME:
            migrated[section_id] = value
            continue
        migrated[section_id], outcomes[section_id] = versions.migrate(section_id, value)
    return migrated, outcomes


def _report(translation: Page, outcomes: dict[str, str], dry_run: bool) -> str:
    count = f"{len(outcomes)} section{'s' if len(outcomes) != 1 else ''}"
    kept = sum(outcome == UP_TO_DATE for outcome in outcomes.values())
    details = [f"{kept} up to date"]
    for outcome in (NOW_UP_TO_DATE, OUTDATED, NOT_IN_HISTORY):
        named = [f"`{section_id}`" for section_id, state in outcomes.items() if state == outcome]
        if named:
            details.append(f"{outcome}: {', '.join(named)}")
    verb = "would migrate" if dry_run else "migrated"
    return f"{translation.path}: {verb} {count} to fingerprint scheme {SCHEME} ({'; '.join(details)})\n"


def _summary(pages: int, totals: dict[str, int], dry_run: bool) -> str:
    if not pages:
        return f"every translation records fingerprint scheme {SCHEME}: nothing to migrate\n"
    verb = "would migrate" if dry_run else "migrated"
    sections = sum(totals.values())
    counts = ", ".join(f"{count} {outcome}" for outcome, count in totals.items() if count)
    written = " (dry run: nothing written)" if dry_run else ""
    return (f"{verb} {pages} page{'s' if pages != 1 else ''}, {sections} section"
            f"{'s' if sections != 1 else ''}: {counts}{written}\n")


class _Scheme1Reader:
    """Each section of a source page's bytes with its scheme 1 and its current fingerprint."""

    def __init__(self, config: SiteConfig):
        self.config = config
        self.reader = MarkdownReader(config)

    def sections(self, data: bytes) -> dict[str, tuple[str, str]]:
        """Section ID -> (scheme 1 fingerprint, current fingerprint); empty for an unreadable page."""
        decoded = decode_page(data)
        if not decoded.readable:
            return {}
        front = split_front_matter(decoded.text)
        result = self.reader.read(decoded.text[front.end:], front.body_line, self.config.source_lang,
                                  fingerprints=True, scheme=1)
        return {section.id: (section.fingerprint, fingerprint(section.raw)) for section in result.sections}


@dataclass
class _SourceVersions:
    """A source page now and, read only when an outdated section needs it, in its git history."""

    config: SiteConfig
    reader: _Scheme1Reader
    page: str
    data: bytes | None

    def __post_init__(self) -> None:
        self.current = self.reader.sections(self.data) if self.data is not None else {}
        path = page_path(self.config, self.config.source_lang, self.page)
        self.where = f"the git history of {self.config.relative(path)}"
        self.reason = ""
        self._loaded: list[dict[str, tuple[str, str]]] = []
        self._pending: Iterator[bytes] | None = None
        self._path = path

    def migrate(self, section_id: str, value: str) -> tuple[str, str]:
        """The current scheme's value for a recorded scheme 1 `value`, and how it was judged."""
        now = self.current.get(section_id)
        if now is not None and now[0] == value:
            return now[1], UP_TO_DATE
        for version in self._versions():
            then = version.get(section_id)
            if then is not None and then[0] == value:
                state = NOW_UP_TO_DATE if now is not None and then[1] == now[1] else OUTDATED
                return then[1], state
        return f"{SCHEME}:{digits_of(value)}", NOT_IN_HISTORY

    def _versions(self) -> Iterator[dict[str, tuple[str, str]]]:
        """The page's sections in each committed version, newest first; each read once."""
        yield from self._loaded
        if self._pending is None:
            self._pending = self._blobs()
        for data in self._pending:
            self._loaded.append(self.reader.sections(data))
            yield self._loaded[-1]

    def _blobs(self) -> Iterator[bytes]:
        root = self.config.root
        relative = self._path.relative_to(root).as_posix()
        try:
            git(root, "rev-parse", "--is-inside-work-tree")
            commits = git(root, "log", "--format=%H", "--", relative).decode().split()
        except HistoryUnavailable as error:
            self.reason = f" ({error})"
            return
        if not commits:
            self.reason = " (it has no commits, or the clone is shallow)"
            return
        for commit in commits:
            try:
                yield git(root, "show", f"{commit}:./{relative}")
            except HistoryUnavailable:
                continue  # the file did not exist in that commit under this name

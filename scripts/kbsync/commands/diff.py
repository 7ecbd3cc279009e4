"""`kbsync diff LANG [PAGE...]`: what changed in the source since each section was translated.

For every page of the language (or the pages given): each outdated section as a word diff of
the source section as it was when translated (found in git history by the recorded fingerprint)
against what it is now; sections new in the source in full; sections removed from the source
(still recorded in `l10n`) and renamed ones (`section_aliases: {old: new}` in the source's front
matter) with their old text from git history. `--format markdown|html --output FILE` makes a
file to send to a translator or an agency (kbsync.signoff.report). Exit 1 when something needs
translating, as `check --fail-on outdated` would; 0 when nothing does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbsync.commands.recording import PageSet, require_current_scheme
from kbsync.commands.session import Session
from kbsync.errors import UsageError
from kbsync.history.git import HistoryUnavailable, is_shallow, page_versions
from kbsync.model import ALIASES_KEY, RETIRED_KEY, Page, Section
from kbsync.pairing import display_path, page_path, require_language, resolve_page
from kbsync.reading.analysis import Analyzer
from kbsync.reading.docs_tree import scan
from kbsync.signoff.report import (CHANGED, FORMATS, NEW_SECTION, REMOVED, RENAMED, PageChanges, Report,
                                   SectionChange, render)
from kbsync.signoff.worddiff import deleted, inserted, word_diff
from kbsync.status import SectionState, page_status
from kbsync.writing.output import check_output, write_output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lang", metavar="LANG", help="the language of the translation")
    parser.add_argument("pages", nargs="*", metavar="PAGE",
                        help="a page: docs/<lang>/x.md (the translation's or the source's) or x.md (default: every page)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default; [-deleted-] {+inserted+}), markdown or html (a file to send)")
    parser.add_argument("--output", type=Path, metavar="FILE",
                        help="write the report to FILE instead of standard output")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    lang = require_language(config, args.lang)
    if lang == config.source_lang:
        raise UsageError(f"`{lang}` is the source language", hint="give the translation's language")
    if args.output is not None:
        check_output(args.output, config)  # before the work: a refusal costs nothing
    if args.pages:
        pages = list(dict.fromkeys(resolve_page(config, argument) for argument in args.pages))
    else:
        pages = sorted(scan(config).pages.get(config.source_lang, frozenset()))
    page_set = PageSet(session, pages)
    history = _History(session)
    changes = tuple(_page_changes(session, page_set, history, lang, page) for page in pages)
    report = Report(lang, _label(session, lang), config.source_lang, _label(session, config.source_lang),
                    changes, whole_language=not args.pages)
    document = render(report, args.format)
    if args.output is None:
        sys.stdout.write(document)
    else:
        write_output(args.output, document.encode("utf-8"), config)  # whole or not at all
        count = sum(len(page.sections) + page.missing for page in changes)
        sys.stderr.write(f"kbsync: wrote {args.output} ({args.format}): {count} item"
                         f"{'s' if count != 1 else ''} to translate on "
                         f"{sum(page.needs_work for page in changes)} of {len(changes)} pages\n")
    return 1 if report.needs_work else 0


def _label(session: Session, lang: str) -> str:
    return f"{session.config.language_name(lang)} ({lang})"


class _History:
    """The earlier texts of source sections, read from git once per page: one Markdown reader for
    the whole run, and each page's history walked only as far back as the oldest text wanted."""

    def __init__(self, session: Session):
        self.config = session.config
        self.analyzer: Analyzer | None = None

    def find(self, page: str, wanted: set[tuple[str, str]]) -> tuple[dict[tuple[str, str], tuple[str, Section]], str | None]:
        """(section ID, fingerprint) -> (commit, section) for each of `wanted` found in the history of
        the source page, and why git could not tell (None when it could)."""
        found: dict[tuple[str, str], tuple[str, Section]] = {}
        if not wanted:
            return found, None
        self.analyzer = self.analyzer or Analyzer(self.config)
        path = page_path(self.config, self.config.source_lang, page)
        try:
            for commit, content in page_versions(self.config, path, self.analyzer):
                for section_id, fingerprint in wanted - set(found):
                    section = content.section(section_id)
                    if section is not None and section.fingerprint == fingerprint:
                        found[section_id, fingerprint] = (commit, section)
                if len(found) == len(wanted):
                    break
        except HistoryUnavailable as reason:
            return found, str(reason)
        return found, None


def _page_changes(session: Session, page_set: PageSet, history: _History, lang: str, page: str) -> PageChanges:
    config = session.config
    source = page_set.source(page)
    translation = page_set.translation(lang, page)
    path = display_path(config, lang, page)
    if translation is None:
        return PageChanges(lang, page, path, source.path, (), missing=True)
    require_current_scheme(translation, "diff")
    status = page_status(lang, page, source, translation, source.path, translation.path)
    recorded = translation.content.provenance.source_sections if translation.content.provenance else {}
    source_ids = set(source.content.section_ids)
    removed = [item.id for item in status.sections
               if item.state is SectionState.REMOVED_IN_SOURCE and item.recorded is not None]
    removed += [section_id for section_id in recorded if section_id not in source_ids and section_id not in removed]
    aliases = _former(source, ALIASES_KEY)
    renamed = {old: aliases[old] for old in removed if aliases.get(old) in source_ids
               and (status.section(aliases[old]) is None
                    or status.section(aliases[old]).state is not SectionState.UP_TO_DATE)}
    wanted = {(item.id, item.recorded) for item in status.sections
              if item.state is SectionState.OUTDATED and item.recorded}
    wanted |= {(old, recorded[old]) for old in removed if old in recorded}
    found, no_history = history.find(page, wanted)
    shallow = " (shallow clone: git fetch --unshallow)" if wanted - set(found) and no_history is None \
        and is_shallow(config) else ""

    def earlier(section_id: str, fingerprint: str | None) -> tuple[str | None, Section | None, str | None]:
        """(commit, section, why not) of the text a translation recorded."""
        if fingerprint is None:
            return None, None, "no fingerprint was recorded for it"
        if (section_id, fingerprint) in found:
            commit, section = found[section_id, fingerprint]
            return commit, section, None
        if no_history is not None:
            return None, None, f"no git history to compare with ({no_history})"
        return None, None, (f"the synced text (fingerprint {fingerprint}) is not in the git history of "
                            f"{source.path}{shallow}")

    sections: list[SectionChange] = []
    targets = set(renamed.values())
    by_target = {new: old for old, new in renamed.items()}
    for item in status.sections:
        now = source.content.section(item.id)
        if now is None:
            continue
        where = f"{source.path}:{now.line}"
        if item.id in targets:
            old = by_target[item.id]
            commit, then, why = earlier(old, recorded.get(old))
            sections.append(SectionChange(item.id, RENAMED, where, word_diff(then.raw, now.raw) if then else None,
                                          old_id=old, since=commit, note=why))
        elif item.state is SectionState.OUTDATED:
            commit, then, why = earlier(item.id, item.recorded)
            sections.append(SectionChange(item.id, CHANGED, where, word_diff(then.raw, now.raw) if then else None,
                                          since=commit, note=why))
        elif item.state is SectionState.NEW_IN_SOURCE:
            sections.append(SectionChange(item.id, NEW_SECTION, where, inserted(now.raw)))
    retired = _former(source, RETIRED_KEY)
    for old in removed:
        if old in renamed:
            continue
        commit, then, why = earlier(old, recorded.get(old))
        note = "; ".join(part for part in (
            why, f"its content is now at {retired[old]} (retired_sections)" if old in retired else None) if part)
        sections.append(SectionChange(old, REMOVED, source.path, deleted(then.raw) if then else None,
                                      since=commit, note=note or None))
    return PageChanges(lang, page, translation.path, source.path, tuple(sections))


def _former(source: Page, key: str) -> dict[str, str]:
    """`section_aliases` or `retired_sections` of the source page: old ID -> where it went (text entries
    only; `kbsync check` reports the others, KB202)."""
    entries = source.content.front_matter.get(key)
    if not isinstance(entries, dict):
        return {}
    return {old: target for old, target in entries.items() if isinstance(old, str) and isinstance(target, str)}

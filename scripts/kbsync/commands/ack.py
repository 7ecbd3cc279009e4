"""`kbsync ack PAGE --section ID`: a source change that needs no retranslation (a typo fix).

Re-baselines the section in every language whose translation matched the source just before
the change, so no translator is alarmed. "Just before" comes from git: the last committed text
of the section that differs from the current one. A language that was already behind keeps
its outdated status.

An acknowledgement claims that the translations still say what the source says, so it shows
what it accepts (a word diff of the source section, for each language it re-baselines) and
refuses a change in meaning: a figure, a link target, a termbase term or a block of the section
that changed (kbsync.signoff.meaning). `--force --reason` overrides that, and the reason is
recorded with the name of who gave it. Without git history the change cannot be seen: each
translation is then compared with the current source (figures, links, terms, structure: the
sign-off gate) before it is re-baselined.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass

from kbsync.checks import figures, links, structure, terms
from kbsync.codes import code_table
from kbsync.commands.recording import PageSet, person, require_current_scheme, require_kept, rerecord
from kbsync.commands.session import Session
from kbsync.errors import UsageError
from kbsync.history.git import HistoryUnavailable, section_versions
from kbsync.model import Page, Record, Section
from kbsync.pairing import page_path, resolve_page
from kbsync.reading.termbase import Termbase, site_termbase
from kbsync.signoff.gate import section_problems
from kbsync.signoff.meaning import meaning_changes
from kbsync.signoff.worddiff import as_text, changed, word_diff

# What the gate checks of a translation when git cannot show the source change: the findings of
# these modules stop an acknowledgement; untranslated text (KB7xx) is no business of a source change.
MEANING_CODES = frozenset(code.code for module in (structure, links, figures, terms) for code in module.CODES)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", metavar="PAGE", help="the source page: docs/<source language>/x.md or x.md")
    parser.add_argument("--section", action="append", required=True, metavar="ID",
                        help="the section whose change needs no retranslation (repeatable)")
    parser.add_argument("--force", action="store_true",
                        help="acknowledge a change of figures, links, terms or blocks too (needs --reason)")
    parser.add_argument("--reason", metavar="TEXT", help="why the forced change needs no retranslation (recorded)")
    parser.add_argument("--by", metavar="NAME", help="who acknowledges (default: git's user.name)")
    parser.add_argument("--dry-run", action="store_true", help="show what would be acknowledged; write nothing")


@dataclass
class SectionAck:
    """One section to acknowledge: the source text now and, from git, the text just before."""

    id: str
    now: Section
    before: Section | None
    commit: str | None
    no_history: str | None  # why git cannot tell, when it cannot


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    reason = _reason(args)
    page = resolve_page(config, args.page)
    page_set = PageSet(session, [page])
    source = page_set.source(page)
    translations = [translation for translation in
                    (page_set.translation(lang, page) for lang in config.translation_langs)
                    if translation is not None and translation.content.provenance is not None]
    for translation in translations:
        require_current_scheme(translation, "ack")
    name = person(args.by, "--by", session)
    if args.force and name is None:
        raise UsageError("--force needs a name: an override of the meaning check must say who gave it",
                         hint="give --by NAME, or set git's user.name")
    acks = [_section_ack(session, source, page, section_id) for section_id in dict.fromkeys(args.section)]
    termbase = site_termbase(config)
    out, err = [], []
    refused = left_behind = 0
    updates: dict[str, dict[str, str]] = {}
    acknowledged: dict[str, list[str]] = {}
    for ack in acks:
        takers = []
        for translation in translations:
            recorded = updates.setdefault(translation.lang, dict(translation.content.provenance.source_sections))
            if recorded.get(ack.id, ack.now.fingerprint) == ack.now.fingerprint:
                continue
            if ack.before is not None and recorded[ack.id] != ack.before.fingerprint:
                left_behind += 1
                err.append(f"{translation.path}: section `{ack.id}` was already outdated before this "
                           f"change; not acknowledged (`kbsync diff {translation.lang} {page}` shows "
                           "what it lacks)\n")
                continue
            takers.append(translation)
        out.append(_shown_change(source, ack, takers))
        if ack.before is None:
            err.append(f"kbsync: {source.path}: {ack.no_history}: re-baselining `{ack.id}` in every "
                       "language that recorded it\n")
        problems = _problems(session, page_set, page, ack, takers, termbase)
        if problems and not args.force:
            refused += 1
            err.append(f"kbsync: {source.path}:{ack.now.line}: section `{ack.id}`: not acknowledged, "
                       f"the change is one of meaning: {'; '.join(problems)}\n")
            continue
        if problems:
            err.append(f"kbsync: {source.path}:{ack.now.line}: section `{ack.id}`: acknowledged by "
                       f"--force ({reason}) despite: {'; '.join(problems)}\n")
        for translation in takers:
            updates[translation.lang][ack.id] = ack.now.fingerprint
            acknowledged.setdefault(translation.lang, []).append(ack.id)
    if refused:
        err.append(f"kbsync: nothing acknowledged, nothing written: update the translations, then run "
                   f"`kbsync sync LANG {page} --section ID`; if they need no change, run `kbsync ack "
                   f"{page} --section ID --force --reason TEXT`\n")
        _print(out, err)
        return 1
    record = Record(name, datetime.date.today(), reason) if name is not None else None
    writes, done = [], []
    for translation in translations:
        ids = acknowledged.get(translation.lang)
        if not ids:
            continue
        require_kept(translation, set(), f"run `kbsync sync {translation.lang} {page} --section ID` "
                     "for each of them first, then `kbsync ack` again")
        provenance = rerecord(translation.content.provenance, updates[translation.lang],
                              acknowledged=record, touched=set(ids))
        write = page_set.provenance_write(translation, provenance)
        if write is not None:
            writes.append(write)
            verb = "would acknowledge" if args.dry_run else "acknowledged"
            done.append(f"{translation.path}: {verb} {', '.join(ids)}{_by(record)}\n")
    if not args.dry_run:
        page_set.write(writes)  # every language or none
    _print(out + done, err)
    return 1 if left_behind else 0


def _reason(args: argparse.Namespace) -> str | None:
    if args.reason is not None and not args.force:
        raise UsageError("--reason goes with --force: it records why a change of meaning needs no "
                         "retranslation", hint="add --force, or leave out --reason")
    if not args.force:
        return None
    reason = (args.reason or "").strip()
    if not reason or not reason.isprintable():
        raise UsageError("--force needs --reason TEXT (printable text on one line): it is recorded "
                         "with the acknowledgement", hint='e.g. --reason "the figure was a typo"')
    return reason


def _section_ack(session: Session, source: Page, page: str, section_id: str) -> SectionAck:
    section = source.content.section(section_id)
    if section is None:
        raise UsageError(f"section `{section_id}` is not in {source.path}",
                         hint=f"sections: {', '.join(source.content.section_ids)}")
    path = page_path(session.config, session.config.source_lang, page)
    try:
        for version in section_versions(session.config, path, section_id):
            if version.section is not None and version.section.fingerprint != section.fingerprint:
                return SectionAck(section_id, section, version.section, version.commit, None)
    except HistoryUnavailable as error:
        return SectionAck(section_id, section, None, None, f"no git history ({error})")
    return SectionAck(section_id, section, None, None, f"no earlier text of `{section_id}` in its git history")


def _shown_change(source: Page, ack: SectionAck, takers: list[Page]) -> str:
    """The change `ack` accepts, as a word diff, and the languages it re-baselines."""
    langs = ", ".join(translation.lang for translation in takers) or "none"
    if ack.before is None:
        return (f"section `{ack.id}` ({source.path}:{ack.now.line}): the change cannot be shown "
                f"without its earlier text; the figures, links, terms and blocks of each translation "
                f"are compared with the source now; languages: {langs}\n")
    pieces = word_diff(ack.before.raw, ack.now.raw)
    shown = as_text(pieces).rstrip() if changed(pieces) else "(the same words: only spacing or line breaks changed)"
    body = "".join(f"    {line}\n" if line else "\n" for line in shown.split("\n"))
    return (f"section `{ack.id}` ({source.path}:{ack.now.line}), the change since commit "
            f"{ack.commit[:12]}; languages: {langs}\n{body}")


def _problems(session: Session, page_set: PageSet, page: str, ack: SectionAck, takers: list[Page],
              termbase: Termbase) -> list[str]:
    """Why acknowledging would be wrong: the source change's meaning changes, or (without git) what
    differs between each translation and the source now."""
    if not takers:
        return []
    if ack.before is not None:
        return [str(change) for change in meaning_changes(ack.before, ack.now, page, session.config, termbase)]
    found = []
    for translation in takers:
        for item in section_problems(session, page_set, translation.lang, page, sections=[ack.id])[ack.id]:
            if item.code in MEANING_CODES:
                found.append(f"{item.path}:{item.line}: {item.code} "
                             f"({code_table()[item.code].name}) {item.message}")
    return found


def _by(record: Record | None) -> str:
    if record is None:
        return ""
    return f" (by {record.by}, {record.date.isoformat()}" + (f", reason: {record.reason})" if record.reason else ")")


def _print(out: list[str], err: list[str]) -> None:
    sys.stdout.write("".join(out))
    sys.stderr.write("".join(err))

"""`kbsync review LANG PAGE... [--section ID] [--reviewer NAME] [--dry-run]`: a second person has
checked these sections of the translation against the source; record who and when (`l10n.reviewed`).

Only what is valid can be reviewed: a section up to date with the source. A section outdated, new
in the source or untracked, and a page that does not exist, are refused: the review would be of
a text the source no longer says. Four eyes: the reviewer may not be the section's recorded
translator. A refusal names every section concerned, exits 1 and writes nothing; the record goes
into every page given or into none. The review stays valid until the source section changes
(`kbsync.commands.recording.rerecord` voids it), and `kbsync check --release` asks for it.
"""

from __future__ import annotations

import argparse
import datetime
import sys

from kbsync.commands.recording import PageSet, person, require_current_scheme, require_kept
from kbsync.commands.session import Session
from kbsync.errors import UsageError
from kbsync.model import Page, Provenance, Record
from kbsync.pairing import display_path, require_translation_language, resolve_page
from kbsync.status import PageState, SectionState, SectionStatus, page_status, same_person


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lang", metavar="LANG", help="the language of the translation")
    parser.add_argument("pages", nargs="+", metavar="PAGE",
                        help="a page: docs/<lang>/x.md (the translation's or the source's) or x.md")
    parser.add_argument("--section", action="append", metavar="ID",
                        help="record only this section (repeatable); default: every section of the page")
    parser.add_argument("--reviewer", metavar="NAME",
                        help="who reviewed (default: git's user.name); not the section's translator")
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be recorded and write nothing")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    lang = require_translation_language(config, args.lang, "review records translations")
    reviewer = person(args.reviewer, "--reviewer", session)
    if reviewer is None:
        raise UsageError("no reviewer: kbsync records a review only under a name it is given",
                         hint="give --reviewer NAME, or set git's user.name")
    record = Record(reviewer, datetime.date.today())
    pages = list(dict.fromkeys(resolve_page(config, argument) for argument in args.pages))
    page_set = PageSet(session, pages)
    writes, reports, refusals, unverified = [], [], [], []
    for page in pages:
        source = page_set.source(page)
        wanted = list(dict.fromkeys(args.section or source.content.section_ids))
        for section_id in wanted:
            if source.content.section(section_id) is None:
                raise UsageError(f"section `{section_id}` is not in {source.path}",
                                 hint=f"sections of the source: {', '.join(source.content.section_ids)}")
        translation = page_set.translation(lang, page)
        path = display_path(config, lang, page)
        if translation is None:
            refusals.append(f"{path}: does not exist, so there is nothing to review: translate it, "
                            f"then run `kbsync sync {lang} {page}`\n")
            continue
        require_current_scheme(translation, "review")
        status = page_status(lang, page, source, translation, source.path, path)
        if status.state is PageState.UNTRACKED:
            refusals.append(f"{path}:1: no provenance (`l10n` key), so no section is known to match "
                            f"the source: when it does, run `kbsync sync {lang} {page}`, then review\n")
            continue
        sections = [status.section(section_id) for section_id in wanted]
        refused = [_refusal(path, lang, page, item, reviewer) for item in sections]
        refusals += [reason for reason in refused if reason]
        if any(refused):
            continue
        require_kept(translation, set(), "correct or remove the entries named (see `l10n` in "
                     "scripts/kbsync/README.md), then review again")
        write = page_set.provenance_write(translation, _reviewed(translation, wanted, record))
        if write is not None:
            writes.append(write)
        done = "would record" if args.dry_run else "recorded"
        state = f"{done} reviewed by {reviewer} on {record.date.isoformat()}" if write is not None \
            else f"already records reviewed by {reviewer} on {record.date.isoformat()}"
        reports.append(f"{path}: {state}: {', '.join(wanted)}\n")
        anonymous = [item.id for item in sections if item.translated is None]
        if anonymous:
            unverified.append(f"kbsync: {path}: no translator recorded for {', '.join(anonymous)}: "
                              "kbsync cannot check that the reviewer is not the translator\n")
    if refusals:
        sys.stderr.write("".join(refusals) + f"kbsync: nothing was recorded ({len(refusals)} refused)\n")
        return 1
    if not args.dry_run:
        page_set.write(writes)  # every page or none
    sys.stdout.write("".join(reports))
    sys.stderr.write("".join(unverified))
    if args.dry_run:
        sys.stderr.write("kbsync: dry run: nothing was written\n")
    return 0


def _refusal(path: str, lang: str, page: str, item: SectionStatus, reviewer: str) -> str | None:
    """Why the section cannot be reviewed by `reviewer` now, with the fix; None when it can."""
    where = f"{path}:{item.line or 1}: section `{item.id}`"
    sync = f"`kbsync sync {lang} {page} --section {item.id}`"
    if item.state is SectionState.OUTDATED:
        return (f"{where} changed in the source since it was translated, so there is nothing valid to "
                f"review: `kbsync diff {lang} {page}` shows what changed; update it, run {sync}, then review\n")
    if item.state is SectionState.NEW_IN_SOURCE:
        return f"{where} is new in the source and not translated yet: translate it, run {sync}, then review\n"
    if item.state is not SectionState.UP_TO_DATE:
        return (f"{where} has no recorded fingerprint, so it is not known to match the source: when it "
                f"does, run {sync}, then review\n")
    if item.translated is not None and same_person(reviewer, item.translated.by):
        return (f"{where} was translated by {item.translated.by}: four eyes, a review is by someone "
                "else: ask another reviewer (--reviewer NAME)\n")
    return None


def _reviewed(translation: Page, section_ids: list[str], record: Record) -> Provenance:
    """The translation's provenance with `record` as the review of `section_ids`, in source order;
    everything else as it was."""
    provenance = translation.content.provenance
    reviewed = dict(provenance.reviewed)
    reviewed.update((section_id, record) for section_id in section_ids)
    order = {section_id: position for position, section_id in enumerate(provenance.source_sections)}
    reviewed = dict(sorted(reviewed.items(), key=lambda item: order.get(item[0], len(order))))
    return Provenance(dict(provenance.source_sections), translated=dict(provenance.translated),
                      reviewed=reviewed, acknowledged=dict(provenance.acknowledged))

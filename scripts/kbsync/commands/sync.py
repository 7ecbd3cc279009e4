"""`kbsync sync LANG PAGE... [--section ID]`: after translating, record the source fingerprints.

Recording a section claims that its translation says what the source says now. So each section
whose record this changes first passes the sign-off gate (kbsync.signoff.gate): a paragraph
identical to the source or in the source language, a figure, link or termbase term that differs,
a block more or less, and the page is refused, naming page, line, section and problem; nothing
is written. `--force` records it all the same (and prints what it overrode). Sections already
recorded unchanged are not judged again: `kbsync check` reports their problems.
"""

from __future__ import annotations

import argparse
import datetime
import sys

from kbsync.codes import code_table
from kbsync.commands.recording import PageSet, person, require_kept, rerecord
from kbsync.commands.session import Session
from kbsync.errors import InputError, UsageError
from kbsync.model import Finding, Page, Record
from kbsync.pairing import display_path, require_translation_language, resolve_page
from kbsync.signoff.gate import section_problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lang", metavar="LANG", help="the language of the translation")
    parser.add_argument("pages", nargs="+", metavar="PAGE",
                        help="a page: docs/<lang>/x.md (the translation's or the source's) or x.md")
    parser.add_argument("--section", action="append", metavar="ID",
                        help="record only this section (repeatable); default: every section")
    parser.add_argument("--translator", metavar="NAME",
                        help="who translated the sections recorded (default: git's user.name; none: no record)")
    parser.add_argument("--force", action="store_true",
                        help="record sections the sign-off gate refuses (untranslated text, figures, links, terms)")
    parser.add_argument("--dry-run", action="store_true", help="show what would be recorded; write nothing")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    lang = require_translation_language(config, args.lang, "sync records translations")
    pages = list(dict.fromkeys(resolve_page(config, argument) for argument in args.pages))
    page_set = PageSet(session, pages)
    name = person(args.translator, "--translator", session)
    record = Record(name, datetime.date.today()) if name is not None else None
    named = set(args.section or ())
    writes, reports, refusals, overridden = [], [], [], []
    for page in pages:
        source = page_set.source(page)
        translation = page_set.translation(lang, page)
        if translation is None:
            raise InputError(f"{display_path(config, lang, page)} does not exist",
                             hint="translate the page first, then sync it")
        recorded = _recorded(args, source, translation, page)
        before = translation.content.provenance.source_sections if translation.content.provenance else {}
        scope = [section_id for section_id in recorded if section_id in named] if named else list(recorded)
        # A name given for a section named on the command line is a new record of it, even unchanged.
        renewed = [section_id for section_id in scope if before.get(section_id) != recorded[section_id]
                   or (section_id in named and record is not None)]
        problems = section_problems(session, page_set, lang, page, sections=renewed) if renewed else {}
        found = [item for section_id in renewed for item in problems[section_id]]
        if found and not args.force:
            refusals += found
            continue
        overridden += found
        provenance = rerecord(translation.content.provenance, recorded, translated=record,
                              touched=named & set(renewed))
        write = page_set.provenance_write(translation, provenance)
        if write is not None:
            writes.append(write)
        dropped = [section_id for section_id in before if section_id not in recorded]
        reports.append(_report(translation, renewed if write is not None else [],
                               [section_id for section_id in scope if write is None or section_id not in renewed],
                               dropped if write is not None else [], record, args.dry_run))
    if refusals:
        sys.stderr.write("".join(_line(item) for item in sorted(refusals, key=Finding.sort_key)))
        sections = len({(item.path, item.section) for item in refusals})
        sys.stderr.write(f"kbsync: refused {sections} section{'s' if sections != 1 else ''}; nothing "
                         "was written: translate what is named above, then sync again (--force records "
                         "them as they are)\n")
        return 1
    if not args.dry_run:
        page_set.write(writes)  # every page or none
    if overridden:
        verb = "would record" if args.dry_run else "recorded"
        sys.stderr.write("".join(f"{verb} despite (--force): {_line(item)}"
                                 for item in sorted(overridden, key=Finding.sort_key)))
    sys.stdout.write("".join(reports))
    return 0


def _recorded(args: argparse.Namespace, source: Page, translation: Page, page: str) -> dict[str, str]:
    """The fingerprints the translation will record, in source order."""
    current = {section.id: section.fingerprint for section in source.content.sections}
    present = set(translation.content.section_ids)
    if not args.section:
        return {section_id: fingerprint for section_id, fingerprint in current.items() if section_id in present}
    require_kept(translation, set(args.section),
                 f"run `kbsync sync {translation.lang} {page}` to record every section again, or "
                 "name each of them with `--section`")
    recorded = dict(translation.content.provenance.source_sections if translation.content.provenance else {})
    for section_id in args.section:
        if section_id not in current or section_id not in present:
            where = source.path if section_id not in current else translation.path
            raise UsageError(f"section `{section_id}` is not in {where}",
                             hint=f"sections of the source: {', '.join(current)}")
        recorded[section_id] = current[section_id]
    order = {section_id: position for position, section_id in enumerate(current)}
    return dict(sorted(recorded.items(), key=lambda item: order.get(item[0], len(order))))


def _report(translation: Page, recorded: list[str], unchanged: list[str], dropped: list[str],
            record: Record | None, dry_run: bool) -> str:
    """`docs/it/x.md: recorded a, b (translated by NAME, DATE); already recorded, unchanged: c`;
    `no longer recorded: d` for an entry of a section the translation no longer has."""
    parts = []
    if recorded:
        by = f" (translated by {record.by}, {record.date.isoformat()})" if record is not None else ""
        parts.append(f"{'would record' if dry_run else 'recorded'} {', '.join(recorded)}{by}")
    if unchanged:
        parts.append(f"already recorded, unchanged: {', '.join(unchanged)}")
    if dropped:
        parts.append(f"{'would no longer record' if dry_run else 'no longer recorded'}: {', '.join(dropped)}")
    return f"{translation.path}: {'; '.join(parts) or 'no section to record'}\n"


def _line(item: Finding) -> str:
    return f"{item.path}:{item.line}: {item.code} ({code_table()[item.code].name}) {item.message}\n"

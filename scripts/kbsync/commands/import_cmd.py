"""`kbsync import FILE [--translator NAME] [--dry-run]`: take a translated XLIFF or PO file back into the pages.

Each section of the file is rebuilt from the current source section with the translated
segments and replaces exactly that section in the translation (a missing page is created whole);
everything else in the page stays byte for byte. Sections are checked like `kbsync sync` checks
them; what fails (a unit or a section) is named with unit ID, page, line and problem, and the
rest is imported. Records the imported sections' provenance (translated by NAME). All pages or
none are written; importing the same file again changes nothing. Exit 1 when something was refused.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from kbsync.commands.recording import person
from kbsync.commands.session import Session
from kbsync.handoff.importing import plan_import, read_import_file
from kbsync.model import Record


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the translated .xlf or .po file")
    parser.add_argument("--translator", metavar="NAME",
                        help="who translated it (default: git's user.name; none: no record)")
    parser.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")


def run(args: argparse.Namespace, session: Session) -> int:
    file = read_import_file(args.file)
    name = person(args.translator, "--translator", session)
    record = Record(name, datetime.date.today()) if name is not None else None
    plan = plan_import(session, file, record)
    if not args.dry_run and plan.writes and plan.page_set is not None:
        plan.page_set.write(plan.writes)  # every page or none
    would = "would " if args.dry_run else ""
    for result in plan.pages:
        parts = []
        if result.imported:
            by = f" (translated by {record.by}, {record.date.isoformat()})" if record is not None else ""
            verb = ("would create it with" if result.created else "would import") if args.dry_run else \
                ("created with" if result.created else "imported")
            parts.append(f"{verb} {', '.join(result.imported)}{by}")
        if result.unchanged:
            parts.append(f"already as imported: {', '.join(result.unchanged)}")
        sys.stdout.write(f"{result.path}: {'; '.join(parts)}\n")
    for refusal in plan.refusals:
        sys.stderr.write(f"{refusal}\n")
    if plan.refusals:
        sections = len({(refusal.page, refusal.section) for refusal in plan.refusals})
        units = len({refusal.unit for refusal in plan.refusals if refusal.unit})
        sys.stderr.write(f"kbsync: refused {sections} section{'s' if sections != 1 else ''} "
                         f"({units} unit{'s' if units != 1 else ''} named above); "
                         f"{'the rest' if plan.pages else 'nothing'} {'would be' if args.dry_run else 'was'} imported: fix what is "
                         "named, then import the file again\n")
        return 1
    if not plan.pages:
        sys.stderr.write(f"kbsync: {file.path} holds no units\n")
    return 0

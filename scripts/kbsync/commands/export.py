"""`kbsync export LANG [PAGE...] --format xliff|po [--output FILE]`: hand what needs translating to a CAT tool.

Exports only what needs work in LANG: outdated sections, sections new in the source, untracked
sections and missing pages, cut into sentences. Sentences that did not change come pre-filled
with the current translation; changed ones carry the previous translation as a fuzzy match.
Writes the file (default: stdout) and, on stderr, what it holds and the word counts for a quote.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbsync.commands.recording import PageSet
from kbsync.commands.session import Session
from kbsync.handoff.exporting import language_handoff
from kbsync.handoff.formats import WRITERS
from kbsync.handoff.units import FRONT_SECTION
from kbsync.handoff.words import count, summary
from kbsync.pairing import require_translation_language, resolve_page
from kbsync.reading.docs_tree import scan
from kbsync.writing.output import check_output, write_output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lang", metavar="LANG", help="the language to translate into")
    parser.add_argument("pages", nargs="*", metavar="PAGE",
                        help="a page: docs/<lang>/x.md (the translation's or the source's) or x.md (default: every page)")
    parser.add_argument("--format", choices=tuple(WRITERS), default="xliff",
                        help="xliff: XLIFF 1.2, for CAT tools (default); po: gettext PO, for Weblate and Poedit")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="the file to write (default: standard output)")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    lang = require_translation_language(config, args.lang, "export hands a translation its work")
    if args.output is not None:
        check_output(args.output, config)  # before the work: a refusal costs nothing
    if args.pages:
        pages = list(dict.fromkeys(resolve_page(config, argument) for argument in args.pages))
    else:
        pages = sorted(scan(config).pages.get(config.source_lang, ()))
    handoff = language_handoff(PageSet(session, pages), lang, pages)
    found = handoff.pages
    if not found:
        sys.stderr.write(f"kbsync: nothing to translate into {lang}: every section of "
                         f"{len(pages)} page{'s' if len(pages) != 1 else ''} is up to date; no file written\n")
        return 0
    data = WRITERS[args.format](handoff)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        where = "standard output"
    else:
        write_output(args.output, data, config)  # whole or not at all
        where = str(args.output)
    sections = {(unit.page, unit.section) for unit in handoff.units if unit.section != FRONT_SECTION}
    sys.stderr.write(f"kbsync: wrote {where} ({args.format}, {lang}): {len(sections)} section"
                     f"{'s' if len(sections) != 1 else ''} of {len(found)} page{'s' if len(found) != 1 else ''}; "
                     f"{summary(count(handoff.units))}\n")
    return 0

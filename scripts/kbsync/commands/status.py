"""`kbsync status`: per language the pages and sections up to date, and what is not."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from kbsync.checks.runner import run_checks
from kbsync.commands.session import Session
from kbsync import formats
from kbsync.errors import UsageError
from kbsync.handoff.words import language_words
from kbsync.pairing import require_language


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", action="append", metavar="L",
                        help="only this language (repeatable)")
    parser.add_argument("--format", choices=formats.names_for("status"), default="text")
    parser.add_argument("--words", action="store_true",
                        help="also the words to translate per language (new, changed, unchanged), for a quote")


def run(args: argparse.Namespace, session: Session) -> int:
    for lang in args.lang or ():
        require_language(session.config, lang)
    report = run_checks(session.config, session.cache).status
    if args.lang:
        report = replace(report,
                         languages=tuple(item for item in report.languages if item.lang in args.lang),
                         pages=tuple(item for item in report.pages if item.lang in args.lang))
    if args.words and args.format not in formats.names_for("words"):
        *others, last = formats.names_for("words")
        able = f"{', '.join(others)} or {last}" if others else last
        raise UsageError(f"--words adds a table to the {able} status", hint=f"use --format {able}")
    sys.stdout.write(formats.renderer("status", args.format)(report))
    if args.words:
        rows = language_words(session, [item.lang for item in report.languages])
        sys.stdout.write(formats.renderer("words", args.format)(rows))
    return 0

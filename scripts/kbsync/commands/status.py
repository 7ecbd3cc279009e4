"""`kbsync status`: per language the pages and sections up to date, and what is not."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from kbsync.checks.runner import run_checks
from kbsync.commands.session import Session
from kbsync.formats import json_output, markdown_report, text
from kbsync.pairing import require_language


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", action="append", metavar="L",
                        help="only this language (repeatable)")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")


def run(args: argparse.Namespace, session: Session) -> int:
    for lang in args.lang or ():
        require_language(session.config, lang)
    report = run_checks(session.config, session.cache).status
    if args.lang:
        report = replace(report,
                         languages=tuple(item for item in report.languages if item.lang in args.lang),
                         pages=tuple(item for item in report.pages if item.lang in args.lang))
    if args.format == "json":
        sys.stdout.write(json_output.dumps(json_output.status_document(report)))
    elif args.format == "markdown":
        sys.stdout.write(markdown_report.format_status(report))
    else:
        sys.stdout.write(text.format_status(report))
    return 0

"""`kbsync check [PATH...]`: report findings; exit 1 when one reaches the --fail-on level.

`--release` is the release gate: it also reports the sections nobody has reviewed yet
(checks/release.py), and every finding of the `outdated` level fails it, whatever `--fail-on`
says about errors and warnings: a release waits until every translation is up to date and reviewed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbsync.checks.runner import run_checks
from kbsync.codes import Severity
from kbsync.commands.session import Session
from kbsync.reading.docs_tree import scan
from kbsync.errors import UsageError
from kbsync import formats
from kbsync.pairing import require_language, split_page_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="pages or folders under docs/ (default: all of docs/)")
    parser.add_argument("--lang", action="append", metavar="L",
                        help="only this language (repeatable)")
    parser.add_argument("--format", choices=formats.names_for("findings"), default="text")
    parser.add_argument("--fail-on", choices=("error", "warning", "outdated"), default="error",
                        help="lowest level that makes the exit code 1 (default: error)")
    parser.add_argument("--release", action="store_true",
                        help="the release gate: also report sections not reviewed, and fail on every "
                        "finding of the outdated level (outdated, missing, untracked, not reviewed)")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    for lang in args.lang or ():
        require_language(config, lang)
    prefixes, selection = _selection(session, args.paths)
    result = run_checks(config, session.cache, selection, release=args.release)
    findings = [item for item in result.findings
                if (not args.lang or item.lang in args.lang)
                and (prefixes is None or any(_under(item.path, prefix) for prefix in prefixes))]
    fail_on = Severity.from_label(args.fail_on)
    failed = any(fails(item.severity, fail_on, args.release) for item in findings)
    sys.stdout.write(formats.renderer("findings", args.format)(findings, fail_on, failed,
                                                                release=args.release))
    if args.format in formats.names_for("summary"):
        sys.stderr.write(formats.renderer("summary", args.format)(findings, fail_on, release=args.release))
    return 1 if failed else 0


def fails(severity: Severity, fail_on: Severity, release: bool) -> bool:
    """Whether a finding of `severity` fails the run: at or above `fail_on`; in the release gate,
    also at the `outdated` level (a warning may be right on purpose; work not done never is)."""
    return severity >= fail_on or (release and severity is Severity.OUTDATED)


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix.rstrip("/") + "/")


def _selection(session: Session, paths: list[str]) -> tuple[list[str] | None, list[str] | None]:
    """Path prefixes to report on, and the pages to read (None: everything)."""
    if not paths:
        return None, None
    config = session.config
    inventory = scan(config)
    every_page = inventory.all_pages()
    prefixes, pages = [], set()
    for argument in paths:
        path = Path(argument).resolve()
        if not path.is_dir():
            lang, page = split_page_path(config, path)
            if page not in every_page:
                raise UsageError(f"{argument}: no such page in any language",
                                 hint="give an existing page or a folder under docs/")
            pages.add(page)
        elif path == config.docs_dir:
            pages.update(every_page)
        elif not path.is_relative_to(config.docs_dir):
            raise UsageError(f"{argument} is outside {config.relative(config.docs_dir)}/",
                             hint="give pages or folders under docs/")
        else:
            lang, *folder = path.relative_to(config.docs_dir).parts
            if lang not in inventory.unknown_folders:
                require_language(config, lang)
            inside = "/".join(folder)
            pages.update(page for page in every_page
                         if not inside or page.startswith(inside + "/"))
        prefixes.append(config.relative(path))
    return prefixes, sorted(pages)

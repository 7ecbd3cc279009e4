"""The `kbsync` command line: parse arguments, run a command, turn errors into messages.

This is the one place where exceptions become user messages and exit codes:
0 nothing reached the fail level, 1 findings, 2 usage, configuration or input error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kbsync import __version__
from kbsync.commands import ack, check, diff, export, import_cmd, migrate, publish, review, status, sync, termbase
from kbsync.commands.session import Session
from kbsync.errors import KbsyncError

COMMANDS = {
    "check": (check, "check translations against the source"),
    "status": (status, "show per language how much is up to date"),
    "sync": (sync, "record the source fingerprints after translating"),
    "ack": (ack, "accept a source change that needs no retranslation"),
    "review": (review, "record that a second person reviewed a translation (four eyes)"),
    "diff": (diff, "show how outdated sections changed in the source"),
    "publish": (publish, "record the published pages and section IDs, so links keep working"),
    "migrate": (migrate, "rewrite recorded fingerprints in the current fingerprint scheme"),
    "export": (export, "hand what a language needs translated to a CAT tool (XLIFF or PO)"),
    "import": (import_cmd, "take a translated XLIFF or PO file back into the pages"),
    "termbase": (termbase, "export the termbase as TBX for translators' CAT tools"),
}
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kbsync", description="Keep the translations of the knowledge base in step with "
        "the source, section by section.")
    parser.add_argument("--version", action="version", version=f"kbsync {__version__}")
    parser.add_argument("--config", "-f", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the cache in .cache/kbsync/")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, summary) in COMMANDS.items():
        module.add_arguments(commands.add_parser(name, help=summary, description=module.__doc__))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage message
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    module = COMMANDS[args.command][0]
    try:
        session = Session.open(args.config, use_cache=not args.no_cache)
        return module.run(args, session)
    except KbsyncError as error:
        sys.stderr.write(f"kbsync: error: {error}\n")
        return EXIT_USAGE
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"kbsync: error: {where}{error.strerror or error}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("kbsync: interrupted\n")
        return 130
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback reaches a user
        if os.environ.get("KBSYNC_DEBUG"):
            raise
        sys.stderr.write(f"kbsync: internal error ({type(error).__name__}: {error}); "
                         "run again with KBSYNC_DEBUG=1 for the traceback and report it\n")
        return EXIT_USAGE

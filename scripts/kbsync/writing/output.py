"""Write a command's `--output FILE` (export, diff, termbase): whole or not at all, never into docs/.

An output file is the user's, not the knowledge base's, but the same promises hold as for pages
(kbsync.writing.transaction, which writes it): it is checked before the command does its work, so a
refusal costs nothing; it is staged beside its place and renamed, so a reader or a failure never
leaves half a file, and no temporary file stays behind; a read-only file or folder is refused, and
the file keeps its mode. Two refusals are its own:

- inside docs/ (once every link is resolved): the site would publish it, and kbsync writes nothing
  there but the pages' own changes;
- a symbolic link: writing through it would change a file the user did not name, and replacing it
  would lose the link; the message names the file to give instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from kbsync.config import SiteConfig
from kbsync.errors import UsageError
from kbsync.writing.transaction import NOTHING_CHANGED, FileWrite, check_targets, write_files


def check_output(path: Path, config: SiteConfig, flag: str = "--output") -> None:
    """Refuse, before any work, an output file kbsync would not write (a UsageError or InputError
    naming it and the fix)."""
    shown = path.as_posix()
    real = Path(os.path.realpath(path))
    if real.is_relative_to(config.docs_dir):
        raise UsageError(f"{flag} {shown} is inside {config.docs_prefix}/, which the site publishes",
                         hint=f"write it outside the docs folder; {NOTHING_CHANGED}")
    if path.is_symlink():
        raise UsageError(f"is a symbolic link to {os.readlink(path)}; kbsync neither writes through a "
                         "link nor replaces it with a file", path=shown,
                         hint=f"name the file itself: {flag} {real.as_posix()}; {NOTHING_CHANGED}")
    folder = Path(os.path.abspath(path)).parent
    check_targets([FileWrite(path, shown, b"")], folder, folder.as_posix())


def write_output(path: Path, data: bytes, config: SiteConfig, flag: str = "--output") -> None:
    """Write `data` to `path`, whole or not at all, after the same checks as `check_output`."""
    check_output(path, config, flag)
    folder = Path(os.path.abspath(path)).parent
    write_files([FileWrite(path, path.as_posix(), data)], folder, folder.as_posix())

"""Errors the user can fix. The CLI turns them into `path:line: message` and exit code 2.

Nothing here prints or exits: `kbsync.cli` is the one place that does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class KbsyncError(Exception):
    """A usage, configuration or input error: where it is and what to do about it."""

    message: str
    path: str | None = None
    line: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class UsageError(KbsyncError):
    """The command line asks for something that cannot be done (unknown language, bad path)."""


class ConfigError(KbsyncError):
    """mkdocs.yml or the termbase is not in the expected form."""


class InputError(KbsyncError):
    """A page cannot be read or edited safely (malformed front matter, binary file, ...)."""

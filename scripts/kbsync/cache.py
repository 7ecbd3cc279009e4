"""Derived data kept under `<repo>/.cache/kbsync/` (git-ignored), keyed by content hashes.

A store is one pickle file of a mapping, read whole and written whole, atomically: one file
instead of thousands, because creating files is most of what writing a cache costs. A
missing, stale or unreadable store is simply empty. Only kbsync's own files belong here.

A store's file is named for the code that wrote it (`code_key`: kbsync's own source), so results
of other code are never read: a check added, removed or changed runs on every page at once, without
a version bump. Writing a store removes its files of other code.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")

from kbsync import __version__
from kbsync.writing.atomic import write_atomically

PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_key() -> str:
    """The digest of this kbsync's source (`source_digest`), once per process."""
    return source_digest(PACKAGE)


def source_digest(package: Path) -> str:
    """A digest of kbsync's version and of the modules and schemas in `package`, by path and bytes."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(b"\0" + path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class Cache:
    def __init__(self, directory: Path | None):
        self.directory = directory

    def _path(self, name: str) -> Path:
        assert self.directory is not None
        return self.directory / f"{name}-{code_key()}.pickle"

    def exists(self, name: str) -> bool:
        return self.directory is not None and self._path(name).is_file()

    def load(self, name: str) -> dict[str, Any]:
        if self.directory is None:
            return {}
        try:
            with self._path(name).open("rb") as stream:
                entries = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                IndexError, TypeError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def save(self, name: str, entries: dict[str, Any]) -> None:
        if self.directory is None:
            return
        path = self._path(name)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(path, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
            # The store's files of other code (or of a kbsync version that named them so): never read again.
            stale = re.compile(re.escape(name) + r"-[0-9a-f.]+\.pickle")
            for other in self.directory.iterdir():
                if other != path and stale.fullmatch(other.name):
                    other.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only checkout still checks, only without a cache


def remembered(cache: Cache | None, name: str, key: str, compute: Callable[[], T]) -> T:
    """The value stored under `key` in store `name`, or `compute()` stored as the store's only entry."""
    stored = cache.load(name) if cache else {}
    if key in stored:
        return stored[key]
    value = compute()
    if cache:
        cache.save(name, {key: value})
    return value

"""Derived data kept under `<repo>/.cache/kbsync/` (git-ignored), keyed by content hashes.

A store is one pickle file of a mapping, read whole and written whole, atomically: one file
instead of thousands, because creating files is most of what writing a cache costs. A
missing, stale or unreadable store is simply empty. Only kbsync's own files belong here.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")

from kbsync import __version__
from kbsync.writing.atomic import write_atomically


class Cache:
    def __init__(self, directory: Path | None):
        self.directory = directory

    def _path(self, name: str) -> Path:
        assert self.directory is not None
        return self.directory / f"{name}-{__version__}.pickle"

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
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self._path(name), pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
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

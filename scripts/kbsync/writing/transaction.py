"""Write users' files all or none: check every target, stage every file, then rename all into place.

The one way kbsync changes a file of the knowledge base (`sync`, `ack`, `review`, `publish`,
`migrate`, `import`) and writes an `--output` file (`export`, `diff`, `termbase`, through
kbsync.writing.output):

1. Check every target before anything is written: a regular file or absent, never a symbolic
   link nor reached through a linked folder (not even inside docs/: a linked page shares its
   bytes with another path, and a provenance meant for one page must not land in the other),
   inside docs/ once every link is resolved, writable, in a writable folder, and still holding
   the bytes kbsync read.
2. Stage: each new content goes to a temporary file beside its target, with the target's mode
   (and owner, where the process may set it), flushed to disk; each existing target gets a
   backup (a hard link, or a copy where the file system has none).
3. Rename every staged file over its target. If one rename fails, or the process is
   interrupted, the targets already replaced get their backups back (new files are removed).

Temporary files and backups are removed in every case; the only exception is a backup whose
restoration failed, which is kept and named in the message. Messages name the user's file and
the fix, never a temporary file.

Read-only means: the process may not write the file (os.access), or no one may (no write bit
in its mode). The second half matters when kbsync runs as root, which os.access lets write
anything: `chmod 0444` is a maintainer's "do not change", and a rename would ignore it, since
renaming needs only the folder's permission. Folders are judged the same way.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from kbsync.errors import InputError

NOTHING_CHANGED = "nothing was changed"


@dataclass(frozen=True)
class FileWrite:
    """New bytes for a user's file: `path` as kbsync reaches it, `shown` as the user names it
    (`docs/it/x.md`), `expected` the bytes kbsync read from it (None: not read)."""

    path: Path
    shown: str
    data: bytes
    expected: bytes | None = None


@dataclass
class _Target:
    write: FileWrite
    shown: str
    real: Path
    mode: int
    existing: os.stat_result | None
    temporary: Path | None = None
    backup: Path | None = None
    replaced: bool = field(default=False)


def check_targets(writes: Sequence[FileWrite], root: Path, root_shown: str) -> None:
    """Refuse, without writing, what `write_files` would refuse: lets a command refuse its target
    before the work that makes the bytes (write_files checks again when it writes)."""
    given_root, real_root = Path(os.path.abspath(root)), Path(os.path.realpath(root))
    for write in writes:
        _checked(write, given_root, real_root, root_shown)


def write_files(writes: Sequence[FileWrite], root: Path, root_shown: str) -> None:
    """Write every file of `writes` or none; `root` is the folder no write may leave (docs/),
    `root_shown` its name for the user. An InputError names the file and the fix."""
    given_root, real_root = Path(os.path.abspath(root)), Path(os.path.realpath(root))
    targets = [_checked(write, given_root, real_root, root_shown) for write in writes]
    seen: dict[Path, str] = {}
    for target in targets:
        if target.real in seen:
            raise InputError(f"is the same file as {seen[target.real]}; kbsync writes each file once",
                             path=target.shown, hint=NOTHING_CHANGED)
        seen[target.real] = target.shown
    try:
        for target in targets:
            _stage(target)
        _commit(targets)
    finally:
        for target in targets:
            for leftover in (target.temporary, target.backup):
                if leftover is not None:
                    leftover.unlink(missing_ok=True)
    _sync_folders(targets)


def _checked(write: FileWrite, given_root: Path, root: Path, root_shown: str) -> _Target:
    """The target of `write` once every check passed; `given_root` is docs/ as the caller names
    it, `root` the same with every link resolved."""
    path = Path(os.path.abspath(write.path))
    name = write.shown
    try:
        existing: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=name, hint=NOTHING_CHANGED) from error
    real = Path(os.path.realpath(path))
    inside = real.is_relative_to(root)
    if existing is not None and stat.S_ISLNK(existing.st_mode):
        if not inside:
            raise InputError(f"is a symbolic link to {real}, outside {root_shown}/; kbsync never "
                             "writes outside it", path=name,
                             hint=f"replace the link with the file itself; {NOTHING_CHANGED}")
        linked = f"{root_shown}/{real.relative_to(root).as_posix()}"
        raise InputError(f"is a symbolic link to {linked}; kbsync writes only regular files, "
                         "so that a change meant for one page never lands in another", path=name,
                         hint=f"replace the link with a copy of the file; {NOTHING_CHANGED}")
    if not inside:
        raise InputError(f"is reached through a symbolic link that leads out of {root_shown}/ "
                         f"(to {real}); kbsync never writes outside it", path=name,
                         hint=f"replace the linked folder with a real one; {NOTHING_CHANGED}")
    if path.is_relative_to(given_root) and real != root / path.relative_to(given_root):
        linked = f"{root_shown}/{real.relative_to(root).as_posix()}"
        raise InputError(f"is reached through a linked folder (the file is {linked}); kbsync "
                         "writes only files reached without a link, so that a change meant for "
                         "one page never lands in another", path=name,
                         hint=f"replace the linked folder with a real one; {NOTHING_CHANGED}")
    folder = real.parent
    try:
        folder_mode = os.stat(folder).st_mode
    except OSError as error:
        raise InputError(f"cannot write into its folder: {error.strerror}", path=name,
                         hint=NOTHING_CHANGED) from error
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise InputError("is not a regular file; kbsync writes only regular files", path=name,
                         hint=NOTHING_CHANGED)
    if existing is not None and _read_only(real, existing.st_mode, os.W_OK):
        raise InputError(f"is read-only (mode {stat.S_IMODE(existing.st_mode):04o})", path=name,
                         hint=f"`chmod u+w {name}` makes it writable; then run the command again, "
                         f"or leave the file alone; {NOTHING_CHANGED}")
    if _read_only(folder, folder_mode, os.W_OK | os.X_OK):
        where = name.rpartition("/")[0] or "."
        raise InputError(f"its folder {where}/ is read-only (mode {stat.S_IMODE(folder_mode):04o}); "
                         "kbsync writes the new file beside the old one and renames it, which "
                         "needs a writable folder", path=name,
                         hint=f"`chmod u+w {where}` makes it writable; then run the command again; "
                         f"{NOTHING_CHANGED}")
    if write.expected is not None:
        try:
            current = real.read_bytes()
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", path=name, hint=NOTHING_CHANGED) from error
        if current != write.expected:
            raise InputError("the file changed while kbsync was reading it", path=name,
                             hint=f"run the command again; {NOTHING_CHANGED}")
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    return _Target(write=write, shown=name, real=real, mode=mode, existing=existing)


def _read_only(path: Path, mode: int, access: int) -> bool:
    return not os.access(path, access) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _stage(target: _Target) -> None:
    folder = target.real.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.real.name}.", suffix=".tmp")
        target.temporary = Path(temporary)
        with os.fdopen(handle, "wb") as stream:
            stream.write(target.write.data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.existing is not None:
            _keep_owner(target.temporary, target.existing)  # before chmod: chown clears setuid bits
        os.chmod(target.temporary, target.mode)
        if target.existing is not None:
            target.backup = _backup(target.real, folder)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", path=target.shown,
                         hint=f"{NOTHING_CHANGED}; free space or fix the folder's permissions, "
                         "then run the command again") from error


def _keep_owner(temporary: Path, existing: os.stat_result) -> None:
    """The owner and group of the file replaced, where the process may set them (root may)."""
    if hasattr(os, "chown"):
        try:
            os.chown(temporary, existing.st_uid, existing.st_gid)
        except PermissionError:
            try:
                os.chown(temporary, -1, existing.st_gid)  # a member of the group may keep it
            except PermissionError:
                pass  # the file becomes the writer's, as with any editor that saves by renaming


def _backup(path: Path, folder: Path) -> Path:
    """A second name for the current file (a hard link), or a copy with its mode."""
    for _ in range(100):
        candidate = folder / f".{path.name}.{os.urandom(4).hex()}.orig"
        try:
            os.link(path, candidate)
            return candidate
        except FileExistsError:
            continue
        except OSError:
            break  # no hard links on this file system
    handle, copy = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".orig")
    with os.fdopen(handle, "wb") as stream:
        stream.write(path.read_bytes())
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(copy, stat.S_IMODE(os.stat(path).st_mode))
    return Path(copy)


def _commit(targets: list[_Target]) -> None:
    current: _Target | None = None
    try:
        for current in targets:
            assert current.temporary is not None
            os.replace(current.temporary, current.real)
            current.temporary = None
            current.replaced = True
    except BaseException as error:
        kept = _roll_back(targets)
        if not isinstance(error, OSError):
            raise  # an interruption: the files are as before; the caller reports it
        assert current is not None
        if kept:
            raise InputError(f"cannot write: {error.strerror}; restoring the files written before "
                             f"failed too: {'; '.join(kept)}", path=current.shown,
                             hint="put each original back by hand") from error
        raise InputError(f"cannot write: {error.strerror}", path=current.shown,
                         hint=f"{NOTHING_CHANGED}: the files written before it were restored; fix "
                         "the cause and run the command again") from error


def _roll_back(targets: list[_Target]) -> list[str]:
    """Give every replaced target its old bytes back; what could not be restored, and where it is."""
    kept = []
    for target in reversed(targets):
        if not target.replaced:
            continue
        try:
            if target.backup is not None:
                os.replace(target.backup, target.real)
                target.backup = None
            else:
                target.real.unlink()
            target.replaced = False
        except OSError as error:
            if target.backup is not None:
                kept.append(f"the original of {target.shown} is {target.backup} ({error.strerror})")
                target.backup = None  # kept for the user: the message names it
            else:
                kept.append(f"{target.shown} was new and could not be removed ({error.strerror})")
    return kept


def _sync_folders(targets: list[_Target]) -> None:
    """Make the renames durable; a file system that cannot sync a folder loses nothing by it."""
    for folder in {target.real.parent for target in targets}:
        try:
            handle = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(handle)
        except OSError:
            pass
        finally:
            os.close(handle)

"""The write transaction on real files: every file or none, nothing through a link, modes kept.

Failures in the middle of a write are injected by making one `os.replace` (the rename into
place) or one staging step fail: the only way to fail a rename on purpose on a local disk.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kbsync.errors import InputError
from kbsync.writing import transaction
from kbsync.writing.transaction import FileWrite, write_files


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """docs/ with three pages in two folders, and a file outside docs/."""
    root = tmp_path / "docs"
    for name in ("it/a.md", "fr/a.md", "en/a.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(f"old {name}\n".encode())
    (tmp_path / "outside.md").write_bytes(b"outside\n")
    return root


def change(docs: Path, name: str, data: bytes | None = None) -> FileWrite:
    return FileWrite(docs / name, f"docs/{name}", data if data is not None else f"new {name}\n".encode())


def snapshot(tmp_path: Path) -> dict[str, tuple[bytes | str, int]]:
    """Every entry below tmp_path: its bytes (or link target) and mode; temporary files show up."""
    entries = {}
    for directory, folders, names in os.walk(tmp_path):
        for name in folders + names:
            path = Path(directory, name)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                entries[str(path.relative_to(tmp_path))] = (os.readlink(path), 0)
            elif stat.S_ISREG(info.st_mode):
                entries[str(path.relative_to(tmp_path))] = (path.read_bytes(), stat.S_IMODE(info.st_mode))
            else:
                entries[str(path.relative_to(tmp_path)) + "/"] = (b"", stat.S_IMODE(info.st_mode))
    return entries


def refused(tmp_path: Path, docs: Path, writes: list[FileWrite]) -> str:
    """The message of a refused write, after checking that nothing at all changed."""
    before = snapshot(tmp_path)
    with pytest.raises(InputError) as caught:
        write_files(writes, docs, "docs")
    assert snapshot(tmp_path) == before
    message = str(caught.value)
    assert ".tmp" not in message and ".orig" not in message
    return message


def test_writes_every_file_and_keeps_each_mode(tmp_path, docs):
    os.chmod(docs / "it/a.md", 0o640)
    os.chmod(docs / "fr/a.md", 0o604)
    write_files([change(docs, "it/a.md"), change(docs, "fr/a.md"), change(docs, "en/new.md")], docs, "docs")
    after = snapshot(tmp_path)
    assert after["docs/it/a.md"] == (b"new it/a.md\n", 0o640)
    assert after["docs/fr/a.md"] == (b"new fr/a.md\n", 0o604)
    umask = os.umask(0o022)
    os.umask(umask)
    assert after["docs/en/new.md"] == (b"new en/new.md\n", 0o666 & ~umask)
    assert sorted(after) == sorted(["docs/", "outside.md", "docs/it/", "docs/fr/", "docs/en/",
                                    "docs/it/a.md", "docs/fr/a.md", "docs/en/a.md", "docs/en/new.md"])


def test_failed_rename_of_the_second_file_restores_the_first(tmp_path, docs, monkeypatch):
    os.chmod(docs / "it/a.md", 0o640)
    replace = os.replace
    calls = []

    def failing_second(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(source))
        return replace(source, target)

    monkeypatch.setattr(transaction.os, "replace", failing_second)
    message = refused(tmp_path, docs, [change(docs, "it/a.md"), change(docs, "fr/a.md"),
                                       change(docs, "en/a.md")])
    assert message == ("docs/fr/a.md: cannot write: No space left on device (nothing was changed: "
                       "the files written before it were restored; fix the cause and run the "
                       "command again)")
    assert len(calls) == 3  # it, fr (failed), then it restored from its backup


def test_failed_staging_of_the_second_file_writes_nothing(tmp_path, docs, monkeypatch):
    mkstemp = transaction.tempfile.mkstemp
    staged = []

    def full_disk_on_second(**options):
        staged.append(options["dir"])
        if len(staged) == 2:
            raise OSError(28, "No space left on device")
        return mkstemp(**options)

    monkeypatch.setattr(transaction.tempfile, "mkstemp", full_disk_on_second)
    message = refused(tmp_path, docs, [change(docs, "it/a.md"), change(docs, "fr/a.md")])
    assert message.startswith("docs/fr/a.md: cannot write: No space left on device (nothing was changed;")


def test_interruption_during_the_renames_restores_and_is_raised(tmp_path, docs, monkeypatch):
    replace = os.replace
    calls = []

    def interrupted_second(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return replace(source, target)

    monkeypatch.setattr(transaction.os, "replace", interrupted_second)
    before = snapshot(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        write_files([change(docs, "it/a.md"), change(docs, "fr/a.md")], docs, "docs")
    assert snapshot(tmp_path) == before


def test_a_failed_restoration_keeps_the_original_and_names_it(tmp_path, docs, monkeypatch):
    replace = os.replace
    calls = []

    def failing_after_first(source, target):
        calls.append(target)
        if len(calls) >= 2:
            raise OSError(5, "Input/output error")
        return replace(source, target)

    monkeypatch.setattr(transaction.os, "replace", failing_after_first)
    with pytest.raises(InputError) as caught:
        write_files([change(docs, "it/a.md"), change(docs, "fr/a.md")], docs, "docs")
    message = str(caught.value)
    kept = Path(message.split("the original of docs/it/a.md is ", 1)[1].split(" (", 1)[0])
    assert kept.parent == docs / "it" and kept.read_bytes() == b"old it/a.md\n"
    assert message.endswith("(put each original back by hand)")
    assert (docs / "fr/a.md").read_bytes() == b"old fr/a.md\n"
    leftovers = sorted(path.name for path in docs.rglob(".*"))
    assert leftovers == [kept.name]


def test_symbolic_link_inside_docs_is_refused_and_kept(tmp_path, docs):
    (docs / "en/a.md").unlink()
    (docs / "en/a.md").symlink_to("../it/a.md")
    message = refused(tmp_path, docs, [change(docs, "fr/a.md"), change(docs, "en/a.md")])
    assert message == ("docs/en/a.md: is a symbolic link to docs/it/a.md; kbsync writes only "
                       "regular files, so that a change meant for one page never lands in another "
                       "(replace the link with a copy of the file; nothing was changed)")


def test_symbolic_link_out_of_docs_is_refused(tmp_path, docs):
    (docs / "en/a.md").unlink()
    (docs / "en/a.md").symlink_to(tmp_path / "outside.md")
    message = refused(tmp_path, docs, [change(docs, "fr/a.md"), change(docs, "en/a.md")])
    assert message == (f"docs/en/a.md: is a symbolic link to {tmp_path / 'outside.md'}, outside "
                       "docs/; kbsync never writes outside it (replace the link with the file "
                       "itself; nothing was changed)")


def test_folder_linked_out_of_docs_is_refused(tmp_path, docs):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/a.md").write_bytes(b"elsewhere\n")
    (docs / "es").symlink_to(tmp_path / "elsewhere")
    message = refused(tmp_path, docs, [change(docs, "it/a.md"), change(docs, "es/a.md")])
    assert message.startswith("docs/es/a.md: is reached through a symbolic link that leads out of "
                              f"docs/ (to {tmp_path / 'elsewhere/a.md'})")


def test_folder_linked_inside_docs_is_refused(tmp_path, docs):
    (docs / "es").symlink_to("it")
    message = refused(tmp_path, docs, [change(docs, "fr/a.md"), change(docs, "es/a.md")])
    assert message == ("docs/es/a.md: is reached through a linked folder (the file is "
                       "docs/it/a.md); kbsync writes only files reached without a link, so that a "
                       "change meant for one page never lands in another (replace the linked "
                       "folder with a real one; nothing was changed)")


def test_a_linked_root_is_resolved_like_any_path(tmp_path, docs):
    (tmp_path / "docs-link").symlink_to("docs")
    link = tmp_path / "docs-link"
    write_files([FileWrite(link / "it/a.md", "docs/it/a.md", b"new\n")], link, "docs")
    assert (docs / "it/a.md").read_bytes() == b"new\n"


def test_read_only_file_is_refused_even_for_root(tmp_path, docs):
    # Tests run as root here, for whom os.access allows everything: the mode bits decide.
    os.chmod(docs / "fr/a.md", 0o444)
    message = refused(tmp_path, docs, [change(docs, "it/a.md"), change(docs, "fr/a.md")])
    assert message == ("docs/fr/a.md: is read-only (mode 0444) (`chmod u+w docs/fr/a.md` makes it "
                       "writable; then run the command again, or leave the file alone; nothing was "
                       "changed)")


def test_read_only_folder_is_refused(tmp_path, docs):
    os.chmod(docs / "fr", 0o555)
    try:
        message = refused(tmp_path, docs, [change(docs, "it/a.md"), change(docs, "fr/a.md")])
    finally:
        os.chmod(docs / "fr", 0o755)
    assert message.startswith("docs/fr/a.md: its folder docs/fr/ is read-only (mode 0555); kbsync "
                              "writes the new file beside the old one and renames it")


def test_a_file_writable_by_its_owner_only_is_written(tmp_path, docs):
    os.chmod(docs / "it/a.md", 0o200)
    write_files([change(docs, "it/a.md")], docs, "docs")
    assert snapshot(tmp_path)["docs/it/a.md"] == (b"new it/a.md\n", 0o200)


def test_what_is_not_a_regular_file_is_refused(tmp_path, docs):
    (docs / "en/folder.md").mkdir()
    message = refused(tmp_path, docs, [change(docs, "it/a.md"), change(docs, "en/folder.md")])
    assert message.startswith("docs/en/folder.md: is not a regular file")


def test_a_file_changed_since_it_was_read_is_refused(tmp_path, docs):
    stale = FileWrite(docs / "fr/a.md", "docs/fr/a.md", b"new\n", expected=b"what kbsync read\n")
    message = refused(tmp_path, docs, [change(docs, "it/a.md"), stale])
    assert message == ("docs/fr/a.md: the file changed while kbsync was reading it (run the "
                       "command again; nothing was changed)")


def test_the_same_file_twice_is_refused(tmp_path, docs):
    message = refused(tmp_path, docs, [change(docs, "it/a.md"), change(docs, "it/./a.md")])
    assert message.startswith("docs/it/./a.md: is the same file as docs/it/a.md")


FIVE = ["it/a.md", "fr/a.md", "en/a.md", "it/b.md", "fr/new.md"]  # four to replace, one new


def fail_call(monkeypatch, owner, name: str, failing_at: int) -> list:
    original, calls = getattr(owner, name), []

    def fail_once(*args, **options):
        calls.append(args)
        if len(calls) == failing_at:
            raise OSError(5, "Input/output error")
        return original(*args, **options)

    monkeypatch.setattr(owner, name, fail_once)
    return calls


@pytest.mark.parametrize("failing_at", range(1, 6))
@pytest.mark.parametrize("step", ["stage", "rename"])
def test_a_failure_at_any_file_leaves_every_file_as_it_was(tmp_path, docs, monkeypatch, step, failing_at):
    (docs / "it/b.md").write_bytes(b"old it/b.md\n")
    os.chmod(docs / "it/b.md", 0o640)
    owner, name = (transaction.tempfile, "mkstemp") if step == "stage" else (transaction.os, "replace")
    calls = fail_call(monkeypatch, owner, name, failing_at)
    message = refused(tmp_path, docs, [change(docs, name) for name in FIVE])
    assert message.startswith(f"docs/{FIVE[failing_at - 1]}: cannot write: Input/output error")
    assert len(calls) >= failing_at


def test_without_hard_links_the_backup_is_a_copy_and_still_restores(tmp_path, docs, monkeypatch):
    (docs / "it/b.md").write_bytes(b"old it/b.md\n")
    os.chmod(docs / "it/b.md", 0o640)
    monkeypatch.setattr(transaction.os, "link", lambda *args: (_ for _ in ()).throw(
        OSError(1, "Operation not permitted")))
    fail_call(monkeypatch, transaction.os, "replace", 4)
    refused(tmp_path, docs, [change(docs, name) for name in FIVE])

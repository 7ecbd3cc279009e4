"""sync, ack and publish lose nothing: the four ways testers saw them lose data, each reproduced
with real files and the real CLI, and what kbsync does now."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from kbsync.writing import transaction

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
FR = "docs/fr/guidelines/service-quality.md"
EN = "docs/en/guidelines/service-quality.md"
NPS_IT = "docs/it/metrics/nps.md"
PAGE = "guidelines/service-quality.md"
ENTRY_RE = re.compile(r'^    (\S+): "([^"]*)"$', re.M)


def entries(kb, relative):
    return dict(ENTRY_RE.findall(kb.text(relative)))


def line_of(kb, relative, needle):
    return next(number for number, line in enumerate(kb.text(relative).splitlines(), 1) if needle in line)


def tree(kb) -> dict[str, tuple[bytes | str, int]]:
    """Every file and link below the knowledge base (the cache left out), with its mode."""
    found = {}
    for path in sorted(kb.root.rglob("*")):
        relative = path.relative_to(kb.root).as_posix()
        if relative.startswith(".cache"):
            continue
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            found[relative] = (os.readlink(path), 0)
        elif stat.S_ISREG(info.st_mode):
            found[relative] = (path.read_bytes(), stat.S_IMODE(info.st_mode))
    return found


def fail_second_rename(monkeypatch):
    replace, calls = os.replace, []

    def failing(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(source))
        return replace(source, target)

    monkeypatch.setattr(transaction.os, "replace", failing)
    return calls


# 1. A malformed fingerprint: reported with its line, never dropped.

def test_sync_one_section_refuses_to_drop_a_malformed_entry(synced):
    synced.edit(IT, 'basics: "', 'basics: "not-a-fingerprint-')
    line = line_of(synced, IT, "basics:")
    before = synced.read(IT)
    result = synced.run("sync", "it", PAGE, "--section", "quality-indicators")
    assert result.code == 2
    assert result.err == (
        f"kbsync: error: {IT}:{line}: `l10n` holds entries that are not in the form kbsync writes: `basics` "
        f"(line {line}); kbsync would have to drop them (run `kbsync sync it {PAGE}` to record every "
        "section again, or name each of them with `--section`; nothing was changed)\n")
    assert synced.read(IT) == before


def test_malformed_entry_is_a_finding_on_its_line_and_the_others_still_count(synced):
    synced.edit(IT, 'basics: "', 'basics: "zz')
    line = line_of(synced, IT, "basics:")
    findings = synced.findings(IT)
    assert findings[0] == (
        f"{IT}:{line}: KB203 front matter `l10n.source_sections.basics`: `{entries(synced, IT)['basics']}` "
        f"is not a fingerprint: when the section matches the source, run `kbsync sync it {PAGE} "
        f"--section basics`, or `kbsync sync it {PAGE}` to record every section again")
    # The valid entries still say their sections are up to date: only `basics` is untracked.
    assert [finding.split(" ")[1] for finding in findings] == ["KB203", "KB804"]
    assert "`basics`" in findings[1]


def test_sync_of_the_malformed_section_keeps_every_other_entry(synced):
    good = entries(synced, IT)
    synced.edit(IT, 'basics: "', 'basics: "zz')
    result = synced.run("sync", "it", PAGE, "--section", "basics")
    assert result.code == 0, result.err
    assert entries(synced, IT) == good
    assert synced.findings(IT) == []


def test_full_sync_records_every_section_again(synced):
    good = entries(synced, IT)
    synced.edit(IT, 'basics: "', "basics: [1, 2]\n    oops: \"zz")
    assert synced.run("sync", "it", PAGE, "--section", "basics").code == 2  # `oops` would be lost
    assert synced.run("sync", "it", PAGE).code == 0
    assert entries(synced, IT) == good


def test_sync_one_section_refuses_an_l10n_key_it_cannot_read(synced):
    synced.edit(IT, "l10n:\n", "l10n:\n  note: written by hand\n")
    before = synced.read(IT)
    result = synced.run("sync", "it", PAGE, "--section", "basics")
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {IT}:7: `l10n` is not in the form kbsync writes, "
                                 "so its other entries cannot be kept")
    assert synced.read(IT) == before


def test_ack_refuses_to_drop_a_malformed_entry(synced):
    synced.edit(FR, '_intro: "', '_intro: "zz')
    synced.edit(DE, "Kleine Teams warten", "Kleine Teams warten jeweils")
    before = tree(synced)
    result = synced.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 2
    assert result.err.splitlines()[-1].startswith(
        f"kbsync: error: {FR}:{line_of(synced, FR, '_intro:')}: `l10n` holds entries that are not in "
        "the form kbsync writes: `_intro`")
    assert tree(synced) == before


# 2. A symbolic link: never replaced by a file, never followed out of docs/.

def test_sync_refuses_a_translation_linked_inside_docs(synced):
    synced.write("docs/it/shared/service-quality.md", synced.text(IT))
    (synced.root / IT).unlink()
    (synced.root / IT).symlink_to("../shared/service-quality.md")
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.edit("docs/it/shared/service-quality.md", "200 risposte", "250 risposte")  # translated: passes the gate
    before = tree(synced)
    result = synced.run("sync", "it", "metrics/nps.md", PAGE)
    assert result.code == 2
    assert result.err == (f"kbsync: error: {IT}: is a symbolic link to "
                          "docs/it/shared/service-quality.md; kbsync writes only regular files, so "
                          "that a change meant for one page never lands in another (replace the "
                          "link with a copy of the file; nothing was changed)\n")
    assert tree(synced) == before
    assert (synced.root / IT).is_symlink()
    # Read through the link like any page: only the outdated section is reported.
    findings = synced.findings("--lang", "it")
    assert [line.split(" ")[1] for line in findings if line.startswith(IT)] == ["KB801"]


@pytest.mark.parametrize("linked", [IT, DE])  # a translation, or the source itself
def test_a_page_linked_out_of_docs_is_neither_read_nor_written(synced, tmp_path, linked):
    outside = tmp_path / "private.md"
    outside.write_bytes(synced.read(linked))
    (synced.root / linked).unlink()
    (synced.root / linked).symlink_to(outside)
    before = tree(synced)
    message = (f"kbsync: error: {linked}: is a symbolic link to {outside}, outside docs/; kbsync "
               "reads no file outside docs/ (replace the link with the file itself, inside docs/)\n")
    for command in (("sync", "it", PAGE), ("check",), ("status",)):
        result = synced.run(*command)
        assert (result.code, result.err) == (2, message), command
    assert tree(synced) == before


def test_a_language_folder_linked_out_of_docs_is_not_read(synced, tmp_path):
    (synced.root / "docs/en").rename(tmp_path / "english")
    (synced.root / "docs/en").symlink_to(tmp_path / "english")
    result = synced.run("check")
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {EN}: is reached through docs/en, a symbolic "
                                 f"link to {tmp_path / 'english'}, outside docs/")


# 3. A read-only file or folder: refused before anything is written.

def test_sync_refuses_a_read_only_file_before_writing_any(kb):
    os.chmod(kb.root / IT, 0o444)
    before = tree(kb)
    result = kb.run("sync", "it", "metrics/nps.md", PAGE)
    assert result.code == 2
    assert result.err == (f"kbsync: error: {IT}: is read-only (mode 0444) (`chmod u+w {IT}` makes "
                          "it writable; then run the command again, or leave the file alone; nothing "
                          "was changed)\n")
    assert tree(kb) == before  # nps.md, first in the batch, was not written either


def test_sync_refuses_a_read_only_folder(kb):
    folder = kb.root / "docs/it/guidelines"
    os.chmod(folder, 0o555)
    try:
        before = tree(kb)
        result = kb.run("sync", "it", "metrics/nps.md", PAGE)
        after = tree(kb)
    finally:
        os.chmod(folder, 0o755)
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {IT}: its folder docs/it/guidelines/ is read-only")
    assert after == before


def test_sync_keeps_the_mode_of_the_file(kb):
    os.chmod(kb.root / IT, 0o640)
    assert kb.run("sync", "it", PAGE).code == 0
    assert stat.S_IMODE(os.stat(kb.root / IT).st_mode) == 0o640
    assert "source_sections" in kb.text(IT)


# 4. A failure in the middle: every file as before, no temporary file, the user's file named.

def test_ack_failing_on_the_second_language_leaves_every_file_as_before(synced, monkeypatch):
    synced.edit(DE, "Kleine Teams warten", "Kleine Teams warten jeweils")
    before = tree(synced)
    calls = fail_second_rename(monkeypatch)
    result = synced.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        f"kbsync: error: {FR}: cannot write: No space left on device (nothing was changed: the "
        "files written before it were restored; fix the cause and run the command again)")
    assert [Path(target).relative_to(synced.root).as_posix() for target in calls] == [IT, FR, IT]
    assert tree(synced) == before
    assert result.out == ""


def test_ack_refuses_a_read_only_language_before_writing_any(synced):
    synced.edit(DE, "Kleine Teams warten", "Kleine Teams warten jeweils")
    os.chmod(synced.root / EN, 0o444)
    before = tree(synced)
    result = synced.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 2
    assert f"kbsync: error: {EN}: is read-only (mode 0444)" in result.err
    assert tree(synced) == before
    os.chmod(synced.root / EN, 0o644)
    result = synced.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 0
    assert result.out.endswith("".join(f"{path}: acknowledged quality-indicators\n" for path in (IT, FR, EN)))


def test_sync_of_several_pages_failing_on_the_second_writes_none(kb, monkeypatch):
    before = tree(kb)
    fail_second_rename(monkeypatch)
    result = kb.run("sync", "it", PAGE, "metrics/nps.md")
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {NPS_IT}: cannot write: No space left on device")
    assert tree(kb) == before


def test_publish_refuses_a_read_only_or_linked_record(synced, tmp_path):
    record = synced.root / "docs/published.yml"
    record.write_text("pages: {}\n")
    os.chmod(record, 0o444)
    result = synced.run("publish")
    assert result.code == 2
    assert result.err.startswith("kbsync: error: docs/published.yml: is read-only (mode 0444)")
    assert record.read_text() == "pages: {}\n"
    record.unlink()
    (tmp_path / "record.yml").write_text("pages: {}\n")
    record.symlink_to(tmp_path / "record.yml")
    result = synced.run("publish")
    assert result.code == 2
    assert "docs/published.yml: is a symbolic link to" in result.err
    assert (tmp_path / "record.yml").read_text() == "pages: {}\n" and record.is_symlink()


def test_corpus_file_with_a_malformed_fingerprint(kb):
    corpus = Path(__file__).parents[1] / "corpus" / "malformed-fingerprint.md"
    kb.write(IT, corpus.read_bytes())
    result = kb.run("sync", "it", PAGE, "--section", "quality-indicators")
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {IT}:9: `l10n` holds entries that are not in "
                                 "the form kbsync writes: `basics` (line 9)")
    assert kb.read(IT) == corpus.read_bytes()
    # records the sections the page has: its intro (the gate refuses it: it lacks the intro's `80 %`)
    assert kb.run("sync", "it", PAGE).code == 1
    assert kb.run("sync", "it", PAGE, "--force").code == 0
    assert list(entries(kb, IT)) == ["_intro"]

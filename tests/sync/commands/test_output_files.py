"""`--output FILE` of export, diff and termbase (kbsync.writing.output): refused before the work where it
cannot be written whole, never through or over a symbolic link, never into docs/; written whole with
its mode kept, and no temporary file left, whatever happens."""

from __future__ import annotations

import os

import pytest
from lxml import etree

COMMANDS = {
    "export": ["export", "it", "--format", "xliff"],
    "diff": ["diff", "it", "--format", "html"],
    "termbase": ["termbase"],
}


@pytest.fixture
def base(kb):
    kb.write("docs/termbase.yml", "version: 1\nconcepts:\n  - id: nps\n"
             + "".join(f"    {lang}: {{term: Net Promoter Score}}\n" for lang in ("de", "it", "fr", "en")))
    return kb


def leftovers(root) -> list[str]:
    return sorted(str(path) for path in root.rglob("*") if path.name.endswith((".tmp", ".orig")))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_file_is_written_whole_and_keeps_its_mode(base, command):
    out = base.root / "out" / "report"
    out.parent.mkdir()
    out.write_text("old")
    os.chmod(out, 0o640)
    result = base.run(*COMMANDS[command], "--output", str(out))
    assert result.code in (0, 1), result.err  # diff: 1 = there is something to translate
    data = out.read_bytes()
    if command == "diff":
        assert data.startswith(b"<!DOCTYPE html>") and data.rstrip().endswith(b"</html>")
    else:
        etree.fromstring(data, etree.XMLParser(resolve_entities=False))  # a whole XML document
    assert out.stat().st_mode & 0o777 == 0o640
    assert leftovers(base.root) == []


def _symlink(root):
    (root / "out/elsewhere").write_text("keep")
    (root / "out/report").symlink_to(root / "out/elsewhere")
    return "out/report: is a symbolic link to", "out/elsewhere"


def _read_only(root):
    (root / "out/report").write_text("keep")
    os.chmod(root / "out/report", 0o444)
    return "out/report: is read-only (mode 0444)", "out/report"


def _read_only_folder(root):
    (root / "out/report").write_text("keep")
    os.chmod(root / "out", 0o555)
    return "out/report: its folder", "out/report"


def _a_folder(root):
    (root / "out/report").mkdir()
    return "out/report: is not a regular file", None


def _missing_folder(root):
    return "out/missing/report: cannot write into its folder: No such file or directory", None


def _inside_docs_through_a_link(root):
    (root / "out/it").symlink_to(root / "docs/it")
    return "is inside docs/, which the site publishes", None


REFUSALS = {"symlink": (_symlink, "out/report"), "read-only": (_read_only, "out/report"),
            "read-only-folder": (_read_only_folder, "out/report"), "a-folder": (_a_folder, "out/report"),
            "missing-folder": (_missing_folder, "out/missing/report"),
            "inside-docs": (_inside_docs_through_a_link, "out/it/report")}


@pytest.mark.parametrize("refusal", sorted(REFUSALS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_file_that_cannot_be_written_whole_is_refused_before_the_work(base, command, refusal):
    (base.root / "out").mkdir()
    spoil, target = REFUSALS[refusal]
    message, kept = spoil(base.root)
    before = {path: (base.root / path).read_bytes() for path in [kept] if path}
    docs = {path: path.read_bytes() for path in (base.root / "docs").rglob("*") if path.is_file()}
    try:
        result = base.run(*COMMANDS[command], "--output", str(base.root / target))
    finally:
        os.chmod(base.root / "out", 0o755)
    assert result.code == 2, result.err
    assert result.err.startswith("kbsync: error: ") and message in result.err, result.err
    assert "nothing was changed" in result.err and "Traceback" not in result.err and ".tmp" not in result.err
    assert result.out == ""
    assert {path: (base.root / path).read_bytes() for path in before} == before
    assert {path: path.read_bytes() for path in (base.root / "docs").rglob("*") if path.is_file()} == docs
    assert leftovers(base.root) == []
    if refusal == "symlink":
        assert (base.root / "out/report").is_symlink()

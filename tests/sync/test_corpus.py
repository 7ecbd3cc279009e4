"""Bad input: each file of the corpus gives a finding or a clear error, never a traceback or a
changed file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
TARGET = "docs/it/guidelines/service-quality.md"

# corpus file -> (finding code, line, does `sync` refuse the file?)
CASES = {
    "malformed-front-matter.md": ("KB107", 3, True),
    "unclosed-front-matter.md": ("KB107", 1, True),
    "duplicate-heading-id.md": ("KB109", 17, True),
    "missing-heading-id.md": ("KB108", 11, False),
    "bom.md": ("KB105", 1, False),
    "crlf.md": ("KB106", 1, False),
    "invalid-utf8.md": ("KB101", 9, True),
    "empty.md": ("KB104", 1, True),
    "binary.md": ("KB102", 3, True),
    "setext-heading.md": ("KB110", 11, False),
    "nesting-too-deep.md": ("KB113", 61, True),
    "unclosed-brackets.md": ("KB114", 11, True),
    "yaml-alias-bomb.md": ("KB107", 7, True),
    "invalid-front-matter-values.md": ("KB202", 6, False),
    "no-front-matter.md": ("KB201", 1, False),
    "malformed-fingerprint.md": ("KB203", 9, False),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_reports_bad_input_as_a_finding(kb, name):
    code, line, _ = CASES[name]
    shutil.copyfile(CORPUS / name, kb.root / TARGET)
    before = kb.read(TARGET)
    result = kb.run("check", TARGET)
    assert result.code == 1
    assert f"{TARGET}:{line}: {code} " in result.out
    assert "Traceback" not in result.out + result.err
    assert kb.read(TARGET) == before


@pytest.mark.parametrize("name", sorted(name for name, case in CASES.items() if case[2]))
def test_sync_refuses_bad_input_and_leaves_the_file_alone(kb, name):
    code, line, _ = CASES[name]
    shutil.copyfile(CORPUS / name, kb.root / TARGET)
    before = kb.read(TARGET)
    result = kb.run("sync", "it", TARGET)
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {TARGET}:{line}: ")
    assert "nothing was changed" in result.err
    assert kb.read(TARGET) == before


@pytest.mark.parametrize("name", ["bom.md", "crlf.md", "missing-heading-id.md", "setext-heading.md"])
def test_sync_edits_only_the_front_matter_of_untidy_files(kb, name):
    shutil.copyfile(CORPUS / name, kb.root / TARGET)
    before = kb.read(TARGET)
    # These pages are not translations of the test's German page: the sign-off gate would refuse them.
    assert kb.run("sync", "it", TARGET, "--force").code == 0
    after = kb.read(TARGET)
    newline = b"\r\n" if b"\r\n" in before else b"\n"
    marker = b"review_interval_months: 12" + newline
    head, tail = before.split(marker)
    assert after.startswith(head + marker + b"l10n:" + newline)
    assert after.endswith(b"---" + newline + tail.split(b"---" + newline, 1)[1])
    assert after.startswith(b"\xef\xbb\xbf") == before.startswith(b"\xef\xbb\xbf")
    assert after.count(b"\r\n") == 0 or b"\n" not in after.replace(b"\r\n", b"")


def test_invalid_values_name_each_key(kb):
    shutil.copyfile(CORPUS / "invalid-front-matter-values.md", kb.root / TARGET)
    result = kb.run("check", TARGET)
    assert f"{TARGET}:3: KB203 front matter `l10n`:" in result.out
    assert f"{TARGET}:6: KB202 front matter `last_reviewed`: '2025-02-30' is not a 'date'" in result.out
    assert f"{TARGET}:7: KB202 front matter `review_interval_months`: 48 is greater than the " \
           "maximum of 36; expected whole months from 1 to 36" in result.out


def test_sync_creates_front_matter_where_there_is_none(kb):
    shutil.copyfile(CORPUS / "no-front-matter.md", kb.root / TARGET)
    before = kb.read(TARGET)
    # These pages are not translations of the test's German page: the sign-off gate would refuse them.
    assert kb.run("sync", "it", TARGET, "--force").code == 0
    after = kb.read(TARGET)
    assert after.startswith(b"---\nl10n:\n  source_sections:\n")
    assert after.endswith(b"---\n" + before)


def test_very_large_file_is_reported_not_read(kb):
    big = ("---\ntitle: x\n---\n\n" + "Parola " * 200_000).encode()
    kb.write(TARGET, big)
    result = kb.run("check", TARGET)
    assert f"{TARGET}:1: KB103 file is 1.3 MiB" in result.out
    assert kb.run("sync", "it", TARGET).code == 2
    assert kb.read(TARGET) == big


def test_unknown_language_folder_is_reported(kb):
    kb.write("docs/es/guidelines/service-quality.md", "---\ntitle: Calidad\n---\n")
    result = kb.run("check")
    assert "docs/es:0: KB111 `es` is not a language of mkdocs.yml (de, it, fr, en)" in result.out


def test_unknown_language_on_the_command_line_is_a_usage_error(kb):
    result = kb.run("sync", "es", "guidelines/service-quality.md")
    assert result.code == 2
    assert result.err == "kbsync: error: unknown language `es` (mkdocs.yml lists de, it, fr, en)\n"
    assert kb.run("check", "--lang", "xx").code == 2
    assert kb.run("check", "docs/es/x.md").code == 2


def test_missing_language_folder_is_reported_once(kb):
    shutil.rmtree(kb.root / "docs/fr")
    result = kb.run("check", "--fail-on", "outdated")
    assert "docs/fr:0: KB112 mkdocs.yml lists `fr` but docs/fr/ does not exist" in result.out
    assert not [line for line in result.lines if line.startswith("docs/fr/")]
    status = kb.run("status")
    assert "Français (fr)  0/2 (0.0 %)" in status.out


def test_path_outside_docs_is_a_usage_error(kb):
    kb.write("notes/page.md", "# Notes\n")
    for argument in ("notes/page.md", "notes", "mkdocs.yml"):
        result = kb.run("check", argument)
        assert result.code == 2, argument
        assert "is outside docs/" in result.err
    result = kb.run("sync", "it", "../outside.md")
    assert result.code == 2
    assert "is outside docs/" in result.err

"""migrate: fingerprints of an older scheme rewritten, every section keeping what it claimed."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from kbsync.config import load_site_config
from kbsync.reading.front_matter import split_front_matter
from kbsync.reading.markdown_reader import MarkdownReader
from kbsync.reading.page_text import decode_page
from kbsync.writing.provenance import set_provenance

DE = "docs/de/guidelines/service-quality.md"
PAGE = "guidelines/service-quality.md"
PAGES = ("guidelines/service-quality.md", "metrics/nps.md")
LANGS = ("it", "fr", "en")
VALUE_RE = re.compile(r'^    (\S+): "([0-9a-f:]+)"$', re.M)


def recorded(kb, relative: str) -> dict[str, str]:
    return dict(VALUE_RE.findall(kb.text(relative)))


def scheme1(kb, page: str) -> dict[str, str]:
    """The scheme 1 fingerprint of each section of the German page now (as kbsync 1.1 recorded)."""
    config = load_site_config(kb.root / "mkdocs.yml")
    text = decode_page(kb.read(f"docs/de/{page}")).text
    front = split_front_matter(text)
    result = MarkdownReader(config).read(text[front.end:], front.body_line, "de", scheme=1)
    return {section.id: section.fingerprint for section in result.sections}


def record_scheme1(kb, langs=LANGS, pages=PAGES) -> None:
    """Each translation records what `kbsync sync` of kbsync 1.1 recorded: scheme 1 values."""
    for page in pages:
        old = scheme1(kb, page)
        for lang in langs:
            relative = f"docs/{lang}/{page}"
            values = {section_id: old[section_id] for section_id in recorded(kb, relative)}
            kb.write(relative, set_provenance(kb.read(relative), values, relative))


def snapshot(kb) -> dict[str, bytes]:
    return {path.relative_to(kb.root).as_posix(): path.read_bytes()
            for path in sorted((kb.root / "docs").rglob("*")) if path.is_file()}


@pytest.fixture
def old(synced):
    """The synced site as kbsync 1.1 left it: every translation up to date, in scheme 1."""
    record_scheme1(synced)
    return synced


def test_a_page_in_scheme_1_is_one_finding_not_a_list_of_outdated_sections(old):
    result = old.run("check", "--fail-on", "outdated")
    assert result.code == 1
    assert result.lines == [
        f"docs/{lang}/{page}:7: KB808 `l10n` was recorded with fingerprint scheme 1; kbsync now uses "
        "scheme 2, so its sections cannot be compared with the source: run `kbsync migrate` "
        "(sections up to date stay up to date, outdated ones stay outdated)"
        for lang in sorted(LANGS) for page in PAGES]
    status = json.loads(old.run("status", "--format", "json").out)
    assert {page["state"] for page in status["pages"]} == {"untracked"}
    assert {section["state"] for page in status["pages"] for section in page["sections"]} == {"untracked"}
    assert old.run("check").code == 0  # the outdated level: not a failure by default


def test_a_section_of_an_older_scheme_is_not_compared_until_migrated(old):
    """It may be a section that was outdated: a figure the German text changed is no error yet."""
    old.edit(DE, "200 Antworten", "250 Antworten")
    old.run("migrate")  # now really outdated in every language
    old.edit(DE, "250 Antworten", "300 Antworten")
    record_scheme1(old, langs=("it",), pages=(PAGE,))  # `it` back in scheme 1, as an old kbsync left it
    lines = old.findings("docs/it")
    assert [line for line in lines if "KB501" in line or "KB502" in line] == []
    assert any(" KB808 " in line for line in lines)
    assert any(" KB501 " in line for line in old.findings("docs/fr")) is False  # outdated, reported as such
    assert any(" KB801 " in line for line in old.findings("docs/fr"))


def test_diff_and_ack_send_a_page_in_an_older_scheme_to_migrate_first(old):
    before = snapshot(old)
    for argv in (["diff", "it", PAGE], ["ack", PAGE, "--section", "basics"]):
        result = old.run(*argv)
        assert result.code == 2
        assert result.err.startswith(f"kbsync: error: docs/it/{PAGE}:7: `l10n` was recorded with fingerprint "
                                     f"scheme 1; `kbsync {argv[0]}` compares scheme 2 (run `kbsync migrate` first")
    assert snapshot(old) == before


def test_migrate_keeps_up_to_date_sections_up_to_date(old):
    before = snapshot(old)
    result = old.run("migrate")
    assert result.code == 0, result.err
    assert result.lines == [
        f"docs/{lang}/{page}: migrated {count} to fingerprint scheme 2 ({count[0]} up to date)"
        for page, count in zip(PAGES, ("3 sections", "1 section")) for lang in LANGS] + [
        "migrated 6 pages, 12 sections: 12 up to date"]
    assert old.run("check", "--fail-on", "outdated").lines == []
    for lang in LANGS:
        for page in PAGES:
            values = recorded(old, f"docs/{lang}/{page}")
            assert all(re.fullmatch(r"2:[0-9a-f]{16}", value) for value in values.values())
            assert old.run("sync", lang, page).out.endswith(
                f"already recorded, unchanged: {', '.join(values)}\n")
    # Only the fingerprint lines changed.
    after = snapshot(old)
    for path, data in before.items():
        old_lines, new_lines = data.decode().split("\n"), after[path].decode().split("\n")
        assert len(old_lines) == len(new_lines)
        assert all(a == b or (VALUE_RE.match(a) and VALUE_RE.match(b)) for a, b in zip(old_lines, new_lines))
    assert old.run("migrate").lines == ["every translation records fingerprint scheme 2: nothing to migrate"]


def test_migrate_keeps_an_outdated_section_outdated_and_diff_still_shows_the_change(old):
    old.init_git()
    old.commit("translated, recorded in scheme 1")
    old.edit(DE, "200 Antworten", "250 Antworten")
    old.commit("more answers")
    codes = [line.split(" ")[1] for line in old.findings()]
    assert codes.count("KB808") == 6 and "KB801" not in codes  # one finding per page, no false KB801
    result = old.run("migrate")
    assert result.code == 0 and result.err == ""
    assert result.lines[:3] == [f"docs/{lang}/{PAGE}: migrated 3 sections to fingerprint scheme 2 "
                                "(2 up to date; outdated: `quality-indicators`)" for lang in LANGS]
    assert result.lines[-1] == "migrated 6 pages, 12 sections: 9 up to date, 3 outdated"
    findings = old.findings()
    assert [(line.split(":")[0], line.split(" ")[1]) for line in findings] == [
        (f"docs/{lang}/{PAGE}", "KB801") for lang in ("en", "fr", "it")]
    assert all("section `quality-indicators` changed" in line for line in findings)
    diff = old.run("diff", "it", PAGE)
    assert diff.code == 1
    assert "    Wir messen den Net Promoter Score jeden Monat mit mindestens [-200-]{+250+} Antworten pro " \
           "Team, siehe [NPS](../metrics/nps.md).\n" in diff.out
    # The translators catch up and sync: clean again.
    for lang, answers in zip(LANGS, ("risposte", "réponses", "answers")):
        old.edit(f"docs/{lang}/{PAGE}", f"200 {answers}", f"250 {answers}")
        old.run("sync", lang, PAGE)
    assert old.findings() == []


def test_without_history_an_outdated_section_stays_outdated_and_is_named(old):
    old.edit(DE, "200 Antworten", "250 Antworten")
    result = old.run("migrate")
    assert result.code == 0
    assert all(
        line.startswith(f"kbsync: docs/{lang}/{PAGE}: section `quality-indicators` was outdated and "
                        f"the version it was translated from is not in the git history of {DE} (")
        and line.endswith("): recorded so that it stays outdated; `kbsync diff` can name it but not "
                          "show what changed")
        for lang, line in zip(LANGS, result.err.splitlines(), strict=True))
    assert "outdated, not in history: `quality-indicators`" in result.lines[0]
    assert [line.split(" ")[1] for line in old.findings()] == ["KB801"] * 3
    assert old.run("diff", "it", PAGE).lines[1].startswith(
        f"  section `quality-indicators`: changed in {DE}:18; no git history to compare with (")


def test_a_change_the_new_scheme_ignores_leaves_the_section_up_to_date(synced):
    synced.edit(DE, "mit mindestens 200", "mit *mindestens* 200")
    for lang in LANGS:
        synced.run("sync", lang, PAGE)
    record_scheme1(synced)
    synced.init_git()
    synced.commit("recorded in scheme 1")
    synced.edit(DE, "*mindestens*", "_mindestens_")  # the same emphasis, another block tree
    synced.commit("underscores")
    assert scheme1(synced, PAGE)["quality-indicators"] != recorded(synced, f"docs/it/{PAGE}")["quality-indicators"]
    result = synced.run("migrate")
    assert result.lines[0] == (f"docs/it/{PAGE}: migrated 3 sections to fingerprint scheme 2 (2 up to "
                               "date; now up to date: `quality-indicators`)")
    assert synced.findings() == []


def test_dry_run_prints_the_same_and_writes_nothing(old):
    old.edit(DE, "200 Antworten", "250 Antworten")
    before = snapshot(old)
    result = old.run("migrate", "--dry-run")
    assert result.code == 0
    assert result.lines[0] == (f"docs/it/{PAGE}: would migrate 3 sections to fingerprint scheme 2 "
                               "(2 up to date; outdated, not in history: `quality-indicators`)")
    assert result.lines[-1] == ("would migrate 6 pages, 12 sections: 9 up to date, 3 outdated, not in "
                                "history (dry run: nothing written)")
    assert snapshot(old) == before
    assert "KB808" in {line.split(" ")[1] for line in old.findings()}


@pytest.mark.parametrize("spoil", ["link-loop", "folder"])
def test_a_source_that_cannot_be_read_stops_the_migration(old, spoil):
    """Read as absent, the source would have every section judged outdated for good (found by the fuzz:
    a source page linked to itself crashed migrate, then was read as missing)."""
    (old.root / DE).unlink()
    if spoil == "link-loop":
        (old.root / DE).symlink_to(old.root / DE)
    else:
        (old.root / DE).mkdir()
    before = snapshot(old)
    for argv in (("migrate", "--dry-run"), ("migrate",)):
        result = old.run(*argv)
        assert (result.code, result.out) == (2, ""), result.err
        assert result.err.startswith(f"kbsync: error: {DE}: is there but cannot be read as a page")
        assert result.err.endswith("(fix it, then run `kbsync migrate` again; nothing was changed)\n")
    assert snapshot(old) == before


def test_migrate_writes_every_translation_or_none(old):
    locked = old.root / "docs/fr/metrics/nps.md"
    os.chmod(locked, 0o444)
    before = snapshot(old)
    result = old.run("migrate")
    assert result.code == 2
    assert result.err.startswith("kbsync: error: docs/fr/metrics/nps.md: is read-only (mode 0444)")
    assert result.out == ""
    assert snapshot(old) == before
    assert [path.name for path in (old.root / "docs").rglob(".*")] == []  # no temporary file left
    os.chmod(locked, 0o644)
    assert old.run("migrate").code == 0


def test_a_newer_scheme_is_reported_and_never_migrated(old):
    relative = f"docs/it/{PAGE}"
    values = {section_id: f"3:{value[-16:]}" for section_id, value in recorded(old, relative).items()}
    old.write(relative, set_provenance(old.read(relative), values, relative))
    lines = old.findings(relative)
    assert lines == [f"{relative}:7: KB809 `l10n` was recorded with fingerprint scheme 3, newer than "
                     "this kbsync knows (scheme 2): upgrade kbsync (`make install`) to compare its "
                     "sections with the source"]
    assert old.run("check").code == 0 and old.run("check", "--fail-on", "warning").code == 1
    before = snapshot(old)
    result = old.run("migrate")
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"kbsync: error: {relative}:7: `l10n` holds fingerprints of scheme 3, newer "
                          "than this kbsync knows (scheme 2) (upgrade kbsync (`make install`); nothing "
                          "was changed)\n")
    assert snapshot(old) == before


def test_a_page_with_both_schemes_keeps_its_current_values(old):
    old.edit(DE, "200 Antworten", "250 Antworten")
    old.edit(f"docs/it/{PAGE}", "200 risposte", "250 risposte")
    assert old.run("sync", "it", PAGE, "--section", "quality-indicators").code == 0
    values = recorded(old, f"docs/it/{PAGE}")
    assert values["quality-indicators"].startswith("2:") and not values["basics"].startswith("2:")
    assert [line.split(" ")[1] for line in old.findings(f"docs/it/{PAGE}")] == ["KB808"]
    result = old.run("migrate")
    assert result.lines[0] == f"docs/it/{PAGE}: migrated 2 sections to fingerprint scheme 2 (2 up to date)"
    assert recorded(old, f"docs/it/{PAGE}")["quality-indicators"] == values["quality-indicators"]
    assert old.findings(f"docs/it/{PAGE}") == []


def test_an_entry_that_is_no_fingerprint_stops_the_migration(old):
    relative = f"docs/fr/{PAGE}"
    old.edit(relative, "    basics: ", "    broken: \"zz\"\n    basics: ")
    before = snapshot(old)
    result = old.run("migrate")
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {relative}:")
    assert "`broken`" in result.err and "run `kbsync migrate` again" in result.err
    assert snapshot(old) == before


def test_the_repository_records_the_current_scheme():
    """docs/it, docs/fr and docs/en were migrated with the command: nothing is left in scheme 1."""
    repo = Path(__file__).resolve().parents[3]
    for lang in LANGS:
        for path in (repo / "docs" / lang).rglob("*.md"):
            values = VALUE_RE.findall(path.read_text(encoding="utf-8"))
            assert values and all(value.startswith("2:") for _, value in values), path

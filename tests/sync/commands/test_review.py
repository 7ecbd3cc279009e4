"""`kbsync review` and the release gate (`kbsync check --release`): four eyes, on real files.

The gate fails until a second person's review is recorded for every section up to date; a review
is refused, with nothing written, for a section that has nothing valid to review or whose
translator is the reviewer.
"""

from __future__ import annotations

import datetime
import json
import re

import jsonschema
import pytest

from kbsync.model import Provenance, Record
from kbsync.reading.schemas import load_schema
from kbsync.writing.provenance import set_provenance

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
FR = "docs/fr/guidelines/service-quality.md"
PAGE = "guidelines/service-quality.md"
NPS = "metrics/nps.md"
LANGS = ("it", "fr", "en")


def today():
    """The day the commands record, read when a test runs (a run may cross midnight)."""
    return datetime.date.today().isoformat()


TRANSLATOR = Record("Luca Bianchi", datetime.date(2026, 11, 27))


@pytest.fixture(autouse=True)
def no_git_identity(tmp_path_factory, monkeypatch):
    """No global or system git configuration: git's user.name is only what a test sets."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)


def snapshot(kb) -> dict[str, bytes]:
    return {path.relative_to(kb.root).as_posix(): path.read_bytes()
            for path in sorted((kb.root / "docs").rglob("*.md"))}


def record_translator(kb, relative: str, record: Record = TRANSLATOR, reviewed: Record | None = None) -> None:
    """Give every section of the page a `translated` record (and optionally a `reviewed` one), through
    the writer kbsync itself uses: what `sync --translator` records."""
    recorded = dict(re.findall(r'^    (\S+): "(2:[0-9a-f]{16})"$', kb.text(relative), re.M))
    assert recorded, f"{relative} records no fingerprint"
    kb.write(relative, set_provenance(kb.read(relative), Provenance(
        dict(recorded), translated={section_id: record for section_id in recorded},
        reviewed={section_id: reviewed for section_id in recorded} if reviewed else {}), relative))


def review_all(kb, reviewer: str = "Anna Rossi") -> None:
    for lang in LANGS:
        result = kb.run("review", lang, PAGE, NPS, "--reviewer", reviewer)
        assert result.code == 0, result.err


def test_the_release_gate_fails_until_every_section_is_reviewed(synced):
    assert synced.run("check").code == 0  # make test: nothing pending is a failure
    result = synced.run("check", "--release")
    assert result.code == 1
    assert [line.split(" ")[1] for line in result.lines] == ["KB810"] * 12  # 4 sections in 3 languages
    assert f"{IT}:18: KB810 section `basics` is up to date but not reviewed: a second person reviews it " \
           f"against {DE}:13, then runs `kbsync review it {PAGE} --section basics --reviewer NAME`" in result.lines
    assert result.err == "kbsync: 0 errors, 0 warnings, 12 outdated (fail on error and outdated: release gate)\n"

    result = synced.run("review", "it", PAGE, "--reviewer", "Anna Rossi")
    assert (result.code, result.out) == (0, f"{IT}: recorded reviewed by Anna Rossi on {today()}: "
                                            "_intro, basics, quality-indicators\n")
    assert f"  reviewed:\n    _intro: {{by: \"Anna Rossi\", date: {today()}}}\n" in synced.text(IT)
    assert len(synced.run("check", "--release").lines) == 9
    review_all(synced)
    result = synced.run("check", "--release")
    assert (result.code, result.out) == (0, "")


def test_a_source_change_voids_the_review_and_the_gate_asks_for_a_new_one(synced):
    review_all(synced)
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 250 Antworten")
    result = synced.run("check", "--release", "--lang", "it")
    assert [line.split(" ")[:4] for line in result.lines] == [[f"{IT}:27:", "KB801", "section", "`quality-indicators`"]]
    assert synced.run("check").code == 0  # the commit gate: work to do, not a failure
    synced.edit(IT, "almeno 200 risposte", "almeno 250 risposte")
    assert synced.run("sync", "it", PAGE).code == 0
    result = synced.run("check", "--release", "--lang", "it")
    assert [line.split(" ")[:4] for line in result.lines] == [[f"{IT}:26:", "KB810", "section", "`quality-indicators`"]]
    assert "quality-indicators: {by" not in synced.text(IT)  # sync dropped the review of the old text
    assert synced.run("review", "it", PAGE, "--section", "quality-indicators", "--reviewer", "Anna Rossi").code == 0
    assert synced.run("check", "--release", "--lang", "it").code == 0


def test_review_refuses_the_translator_four_eyes(synced):
    record_translator(synced, IT)
    record_translator(synced, FR)
    before = snapshot(synced)
    # One refusal stops both pages and both languages: nothing is written.
    result = synced.run("review", "it", PAGE, NPS, "--reviewer", "luca  BIANCHI")
    assert result.code == 1
    assert result.out == ""
    assert f"{IT}:22: section `basics` was translated by Luca Bianchi: four eyes, a review is by someone " \
           "else: ask another reviewer (--reviewer NAME)\n" in result.err
    assert result.err.endswith("kbsync: nothing was recorded (3 refused)\n")
    assert snapshot(synced) == before
    result = synced.run("review", "it", PAGE, "--reviewer", "Anna Rossi")
    assert result.code == 0 and result.err == ""  # the translator is recorded, so it was checked
    assert synced.run("check", "--release", IT).out == ""


def test_a_review_by_the_translator_written_by_hand_does_not_pass_the_gate(synced):
    record_translator(synced, IT, reviewed=Record("Luca Bianchi", datetime.date(2026, 11, 28)))
    result = synced.run("check", "--release", IT)
    assert result.code == 1
    assert result.lines[1] == (f"{IT}:26: KB811 section `basics` was reviewed by its own translator, Luca "
                               f"Bianchi on 2026-11-28: a second person reviews it, then runs `kbsync review "
                               f"it {PAGE} --section basics --reviewer NAME` with their name")
    status = json.loads(synced.run("status", "--format", "json", "--lang", "it").out)
    assert status["languages"][0]["reviewed"] == 0 and status["languages"][0]["awaiting_review"] == 4


def test_review_refuses_what_has_nothing_valid_to_review(synced):
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 250 Antworten")
    synced.edit(DE, "## Die Qualitätskennzahlen", "## Neu {#new-section}\n\nEin neuer Abschnitt.\n\n"
                "## Die Qualitätskennzahlen")
    text = synced.text(IT)
    synced.write(IT, text.replace("## Gli elementi fondamentali {#basics}", "## Base {#basics-new}"))
    before = snapshot(synced)
    result = synced.run("review", "it", PAGE, NPS, "--reviewer", "Anna Rossi")
    assert result.code == 1
    refusals = result.err.splitlines()
    assert refusals[0].startswith(f"{IT}:1: section `basics` is new in the source and not translated yet")
    assert refusals[1].startswith(f"{IT}:1: section `new-section` is new in the source")
    assert refusals[2] == (f"{IT}:23: section `quality-indicators` changed in the source since it was "
                           f"translated, so there is nothing valid to review: `kbsync diff it {PAGE}` shows "
                           f"what changed; update it, run `kbsync sync it {PAGE} --section quality-indicators`,"
                           " then review")
    assert refusals[-1] == "kbsync: nothing was recorded (3 refused)"
    assert snapshot(synced) == before  # metrics/nps.md could be reviewed, but every page or none
    # The section up to date alone can be reviewed.
    result = synced.run("review", "it", PAGE, "--section", "_intro", "--reviewer", "Anna Rossi")
    assert result.code == 0 and result.out == f"{IT}: recorded reviewed by Anna Rossi on {today()}: _intro\n"


def test_review_refuses_untracked_and_missing_pages(kb):
    before = snapshot(kb)
    result = kb.run("review", "it", PAGE, "--reviewer", "Anna Rossi")
    assert result.code == 1
    assert result.err.startswith(f"{IT}:1: no provenance (`l10n` key), so no section is known to match the "
                                 f"source: when it does, run `kbsync sync it {PAGE}`, then review\n")
    assert kb.run("sync", "it", PAGE, "--section", "basics").code == 0
    result = kb.run("review", "it", PAGE, "--reviewer", "Anna Rossi")
    assert result.code == 1 and "section `_intro` has no recorded fingerprint" in result.err
    (kb.root / "docs/fr/metrics/nps.md").unlink()
    result = kb.run("review", "fr", NPS, "--reviewer", "Anna Rossi")
    assert result.code == 1 and result.err.startswith("docs/fr/metrics/nps.md: does not exist, so there is "
                                                      "nothing to review")
    assert snapshot(kb) == {path: data for path, data in before.items() if path != "docs/fr/metrics/nps.md"} | {
        IT: kb.read(IT)}


def test_dry_run_writes_nothing_and_prints_what_it_would_record(synced):
    before = snapshot(synced)
    result = synced.run("review", "fr", PAGE, "--section", "basics", "--reviewer", "Anna Rossi", "--dry-run")
    assert result.code == 0
    assert result.out == f"{FR}: would record reviewed by Anna Rossi on {today()}: basics\n"
    assert result.err.endswith("kbsync: dry run: nothing was written\n")
    assert snapshot(synced) == before


def test_the_reviewer_comes_from_the_flag_or_git_and_is_never_invented(synced):
    before = snapshot(synced)
    result = synced.run("review", "it", PAGE)
    assert result.code == 2
    assert result.err == ("kbsync: error: no reviewer: kbsync records a review only under a name it is given "
                          "(give --reviewer NAME, or set git's user.name)\n")
    assert synced.run("review", "it", PAGE, "--reviewer", "  ").code == 2
    assert snapshot(synced) == before
    synced.init_git()  # user.name "KB Test"
    result = synced.run("review", "it", PAGE)
    assert result.code == 0 and "reviewed by KB Test" in result.out
    assert '_intro: {by: "KB Test", date: ' in synced.text(IT)


def test_review_usage_errors(synced):
    result = synced.run("review", "it", PAGE, "--section", "nope", "--reviewer", "Anna Rossi")
    assert result.code == 2 and "section `nope` is not in docs/de/guidelines/service-quality.md" in result.err
    assert synced.run("review", "de", PAGE, "--reviewer", "Anna Rossi").code == 2
    assert synced.run("review", "xx", PAGE, "--reviewer", "Anna Rossi").code == 2


def test_review_changes_only_the_reviewed_records_and_keeps_them_in_source_order(synced):
    record_translator(synced, IT)
    before = synced.text(IT)
    assert synced.run("review", "it", PAGE, "--section", "quality-indicators", "--reviewer", "Anna Rossi").code == 0
    assert synced.run("review", "it", PAGE, "--section", "_intro", "--reviewer", "Marco Neri").code == 0
    after = synced.text(IT)
    added = (f"  reviewed:\n    _intro: {{by: \"Marco Neri\", date: {today()}}}\n"
             f"    quality-indicators: {{by: \"Anna Rossi\", date: {today()}}}\n")
    assert after == before.replace("\n---\n", "\n" + added + "---\n", 1)
    again = synced.run("review", "it", PAGE, "--section", "_intro", "--reviewer", "Marco Neri")
    assert again.out == f"{IT}: already records reviewed by Marco Neri on {today()}: _intro\n"
    assert synced.text(IT) == after


def test_status_counts_sections_awaiting_review_and_reviewed(synced):
    assert synced.run("review", "it", PAGE, "--section", "basics", "--reviewer", "Anna Rossi").code == 0
    record_translator(synced, FR)
    result = synced.run("status")
    assert result.lines[1].endswith("  3                1/4 (25.0 %)")
    assert result.lines[2].endswith("  4                0/4 (0.0 %)")
    document = json.loads(synced.run("status", "--format", "json").out)
    jsonschema.validate(document, load_schema("status-report.schema.json"))
    italian = document["languages"][0]
    assert (italian["awaiting_review"], italian["reviewed"], italian["sections_reviewed_percent"]) == (3, 1, 25.0)
    page = next(item for item in document["pages"] if item["path"] == IT)
    basics = next(section for section in page["sections"] if section["id"] == "basics")
    assert basics["reviewed"] == {"by": "Anna Rossi", "date": today()} and basics["awaiting_review"] is False
    french = next(item for item in document["pages"] if item["path"] == FR)
    assert french["sections"][0]["translated"] == {"by": "Luca Bianchi", "date": "2026-11-27"}
    assert french["sections"][0]["awaiting_review"] is True
    # An outdated section's records count for nothing: not reviewed, not awaiting review.
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 250 Antworten")
    assert synced.run("review", "it", PAGE, "--section", "quality-indicators", "--reviewer", "X").code == 1
    document = json.loads(synced.run("status", "--format", "json", "--lang", "fr").out)
    assert (document["languages"][0]["awaiting_review"], document["languages"][0]["reviewed"]) == (3, 0)
    page = next(item for item in document["pages"] if item["path"] == FR)
    outdated = next(section for section in page["sections"] if section["id"] == "quality-indicators")
    assert (outdated["state"], outdated["translated"], outdated["awaiting_review"]) == ("outdated", None, False)


def test_the_release_gate_covers_missing_pages_and_languages_and_says_so_in_every_format(synced):
    review_all(synced)
    (synced.root / "docs/fr/metrics/nps.md").unlink()
    assert synced.run("check").code == 0  # a missing page is a status: the site shows German
    result = synced.run("check", "--release")
    assert result.code == 1
    assert [line.split(" ")[:2] for line in result.lines] == [["docs/fr/metrics/nps.md:0:", "KB805"]]
    document = json.loads(synced.run("check", "--release", "--format", "json").out)
    jsonschema.validate(document, load_schema("check-report.schema.json"))
    assert (document["release"], document["failed"], document["fail_on"]) == (True, True, "error")
    assert json.loads(synced.run("check", "--format", "json").out)["release"] is False
    github = synced.run("check", "--release", "--format", "github").out
    assert github.startswith("::error file=docs/fr/metrics/nps.md,title=KB805::KB805 no translation")
    assert synced.run("check", "--format", "github").out.startswith("::notice ")
    for path in sorted((synced.root / "docs/en").rglob("*.md"), reverse=True):
        path.unlink()
    for folder in sorted((synced.root / "docs/en").rglob("*"), reverse=True):
        folder.rmdir()
    (synced.root / "docs/en").rmdir()
    result = synced.run("check", "--release", "--lang", "en")
    assert result.lines[0].startswith("docs/en:0: KB112 ")  # a warning, which alone would not fail
    assert result.lines[1:] == ["docs/en:0: KB812 English has no folder docs/en/, so readers get every page in "
                            "Deutsch: translate the pages there, then run `kbsync sync en PAGE` and have "
                            "them reviewed"]
    assert result.code == 1


def test_warnings_fail_the_release_gate_only_when_asked(synced):
    review_all(synced)
    synced.edit(IT, "Identifichi ogni cliente secondo le regole definite localmente.",
                "Sie identifizieren jede Kundin und jeden Kunden nach den lokalen Regeln.")
    result = synced.run("check", "--release")
    assert [line.split(" ")[1] for line in result.lines] == ["KB701"] and result.code == 0
    assert synced.run("check", "--release", "--fail-on", "warning").code == 1

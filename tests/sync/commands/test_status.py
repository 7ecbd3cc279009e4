"""Each status of a translated section and page, as `check` findings and as `status` output."""

from __future__ import annotations

import json

import jsonschema

from kbsync.reading.schemas import load_schema

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
PAGE = "guidelines/service-quality.md"


def test_synced_site_is_clean_at_every_level(synced):
    result = synced.run("check", "--fail-on", "outdated")
    assert (result.code, result.out) == (0, "")
    assert result.err == "kbsync: 0 errors, 0 warnings, 0 outdated (fail on outdated)\n"


def test_editing_one_paragraph_outdates_exactly_that_section_in_every_language(synced):
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 250 Antworten")
    result = synced.run("check", "--fail-on", "outdated")
    assert result.code == 1
    assert [line.split(" ", 2)[:2] for line in result.lines] == [
        [f"docs/{lang}/guidelines/service-quality.md:23:", "KB801"] for lang in ("en", "fr", "it")]
    assert "section `quality-indicators` changed in docs/de/guidelines/service-quality.md:18" \
        in result.out
    assert synced.run("check").code == 0  # outdated fails only with --fail-on outdated


def test_rewrapping_and_trailing_spaces_do_not_outdate(synced):
    synced.edit(DE, "mindestens 200 Antworten pro Team,", "mindestens 200   \nAntworten pro Team,  ")
    assert synced.run("check", "--fail-on", "outdated").out == ""


def test_new_section_in_source(synced):
    synced.edit(DE, "## Die Qualitätskennzahlen", "## Neu {#new-section}\n\nEin neuer Abschnitt.\n\n"
                "## Die Qualitätskennzahlen")
    result = synced.run("check", "--lang", "it", "--fail-on", "outdated")
    assert result.lines == [f"{IT}:18: KB802 section `new-section` is new in {DE}:18: translate it, "
                            "then run `kbsync sync it guidelines/service-quality.md`"]


def test_removed_in_source(synced):
    text = synced.text(DE)
    synced.write(DE, text[:text.index("## Die Grundlagen")] + text[text.index("## Die Qualitäts"):])
    result = synced.run("check", "--lang", "it", "--fail-on", "outdated")
    assert result.lines == [f"{IT}:18: KB803 section `basics` was removed from {DE}: remove it "
                            "here too, then run `kbsync sync it guidelines/service-quality.md`"]


def test_untracked_page_and_untracked_section(kb):
    result = kb.run("check", IT, "--fail-on", "outdated")
    assert result.lines == [f"{IT}:1: KB804 no provenance (`l10n` key): when the page matches the "
                            "source, run `kbsync sync it guidelines/service-quality.md`"]
    assert kb.run("sync", "it", PAGE, "--section", "basics").code == 0
    result = kb.run("check", IT, "--fail-on", "outdated")
    assert [line.split(" ")[:3] for line in result.lines] == [
        [f"{IT}:12:", "KB804", "section"], [f"{IT}:21:", "KB804", "section"]]
    assert "`_intro`" in result.lines[0] and "`quality-indicators`" in result.lines[1]


def test_missing_page(synced):
    (synced.root / "docs/fr/metrics/nps.md").unlink()
    result = synced.run("check", "--fail-on", "outdated")
    assert result.lines == ["docs/fr/metrics/nps.md:0: KB805 no translation of docs/de/metrics/nps.md; "
                            "the site shows the Deutsch page: translate it, then run "
                            "`kbsync sync fr metrics/nps.md`"]
    assert result.code == 1


def test_orphan_page(synced):
    synced.write("docs/it/metrics/old.md", synced.text("docs/it/metrics/nps.md"))
    result = synced.run("check", "docs/it/metrics/old.md", "--fail-on", "outdated")
    assert result.lines[0] == ("docs/it/metrics/old.md:1: KB806 docs/de/metrics/old.md does not "
                               "exist: delete or move this page to match the source")


def test_moved_in_source(synced):
    text = synced.text(DE)
    basics = text[text.index("## Die Grundlagen"):text.index("## Die Qualitäts")]
    synced.write(DE, text.replace(basics, "") + "\n" + basics)
    result = synced.run("check", "--lang", "it", "--fail-on", "outdated")
    assert result.lines == [f"{IT}:23: KB807 section `quality-indicators` moved in {DE}: move it here too, "
                            "then run `kbsync sync it guidelines/service-quality.md`"]
    assert synced.run("check").code == 0


def test_status_text(synced):
    synced.edit(DE, "200 Antworten", "250 Antworten")
    (synced.root / "docs/en/metrics/nps.md").unlink()
    result = synced.run("status")
    assert result.code == 0
    assert result.lines[:4] == [
        "language       pages up to date  sections up to date  outdated  new in source  untracked  missing pages"
        "  awaiting review  reviewed",
        "Italiano (it)  1/2 (50.0 %)      3/4 (75.0 %)         1         0              0          0"
        "              3                0/4 (0.0 %)",
        "Français (fr)  1/2 (50.0 %)      3/4 (75.0 %)         1         0              0          0"
        "              3                0/4 (0.0 %)",
        "English (en)   0/2 (0.0 %)       2/4 (50.0 %)         1         0              0          1"
        "              2                0/4 (0.0 %)",
    ]
    assert f"  {IT} [outdated]: quality-indicators (outdated)" in result.lines
    assert "  docs/en/metrics/nps.md [missing]" in result.lines


def test_status_json_follows_its_schema(synced):
    synced.edit(DE, "200 Antworten", "250 Antworten")
    result = synced.run("status", "--format", "json", "--lang", "it")
    document = json.loads(result.out)
    jsonschema.validate(document, load_schema("status-report.schema.json"))
    assert [language["lang"] for language in document["languages"]] == ["it"]
    page = next(page for page in document["pages"] if page["path"] == IT)
    assert page["state"] == "outdated"
    assert [(section["id"], section["state"]) for section in page["sections"]] == [
        ("_intro", "up_to_date"), ("basics", "up_to_date"), ("quality-indicators", "outdated")]
    assert document["languages"][0]["sections_up_to_date_percent"] == 75.0


def test_status_markdown(synced):
    synced.edit(DE, "200 Antworten", "250 Antworten")
    result = synced.run("status", "--format", "markdown")
    assert result.lines[2] == "| Italiano (it) | 1/2 (50.0 %) | 3/4 (75.0 %) | 1 | 0 | 0 | 0 | 3 | 0/4 (0.0 %) |"
    assert f"| `{IT}` | outdated | `quality-indicators` (outdated) |" in result.lines


def test_status_comes_from_the_checks_run_that_every_command_uses(synced):
    from kbsync.cache import Cache
    from kbsync.checks.runner import run_checks
    from kbsync.config import load_site_config
    from kbsync.status import PageState

    report = run_checks(load_site_config(synced.root / "mkdocs.yml"), Cache(None)).status
    assert {page.state for page in report.pages} == {PageState.UP_TO_DATE}
    assert [language.lang for language in report.languages] == ["it", "fr", "en"]
    document = json.loads(synced.run("status", "--format", "json", "--lang", "fr").out)
    assert {page["state"] for page in document["pages"]} == {"up_to_date"}
    assert [language["lang"] for language in document["languages"]] == ["fr"]

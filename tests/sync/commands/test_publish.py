"""Published pages and section IDs: `kbsync publish` records them; `check` fails when one disappears."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
RECORD = "docs/published.yml"


def test_publish_records_every_source_page_and_section(synced):
    result = synced.run("publish")
    assert result.code == 0
    assert result.out == f"{RECORD}: 2 pages, 2 sections published (4 new entries)\n"
    text = synced.text(RECORD)
    assert "  guidelines/service-quality.md: [basics, quality-indicators]\n" in text
    assert "  metrics/nps.md: []\n" in text  # the page has no section below its intro
    again = synced.run("publish")
    assert again.out.endswith("(0 new entries)\n")
    assert synced.text(RECORD) == text


def test_publish_never_removes_an_entry(synced):
    synced.run("publish")
    synced.edit(DE, "{#quality-indicators}", "{#indicators}")
    synced.run("publish")
    line = next(line for line in synced.text(RECORD).splitlines() if "service-quality.md" in line)
    assert line == "  guidelines/service-quality.md: [basics, quality-indicators, indicators]"


def test_removed_section_fails_without_an_alias(synced):
    synced.run("publish")
    synced.edit(DE, "{#quality-indicators}", "{#indicators}")
    result = synced.run("check", "--fail-on", "error", DE)
    assert result.code == 1
    assert (f"{DE}:1: KB902 published section `quality-indicators` no longer exists: restore the ID, or map it "
            "to the section that replaced it in the front matter: `section_aliases: {quality-indicators: new-id}`, "
            "or retire it for good with where its content went: `retired_sections: {quality-indicators: "
            "page.md#section}`" in result.lines)


def test_section_alias_keeps_the_published_id(synced):
    synced.run("publish")
    synced.edit(DE, "{#quality-indicators}", "{#indicators}")
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\nsection_aliases: {quality-indicators: indicators}\n")
    assert not any("KB902" in line for line in synced.run("check", "--fail-on", "error").lines)


def test_removed_page_fails_unless_redirected(synced):
    synced.run("publish")
    for lang in ("de", "it", "fr", "en"):
        (synced.root / f"docs/{lang}/metrics/nps.md").unlink()
    result = synced.run("check", "--fail-on", "error")
    assert result.code == 1
    assert ("docs/published.yml:0: KB901 published page `metrics/nps.md` no longer exists: restore it, or add a "
            "redirect in mkdocs.yml (plugins: kbsync: redirects: {metrics/nps.md: new/page.md})") in result.lines
    synced.edit("mkdocs.yml", "  - search\n", "  - search\n  - kbsync:\n      redirects:\n        metrics/nps.md: guidelines/service-quality.md\n")
    # The redirect serves readers' old links; the knowledge base's own links are to be updated.
    assert synced.findings("docs/de/guidelines/service-quality.md") == [
        "docs/de/guidelines/service-quality.md:20: KB405 `../metrics/nps.md` leads to docs/de/metrics/nps.md, "
        "which moved to `guidelines/service-quality.md` (redirects in mkdocs.yml): link `guidelines/service-quality.md`"]
    for lang, see in (("de", "siehe"), ("it", "vedi"), ("fr", "voir"), ("en", "see")):
        synced.edit(f"docs/{lang}/guidelines/service-quality.md", f"{see} [NPS](../metrics/nps.md)", "NPS")
    assert synced.run("check", "--fail-on", "error").code == 0


def test_malformed_record_is_a_clear_error(synced):
    synced.write(RECORD, "pages:\n  guidelines/service-quality.md: basics\n")
    result = synced.run("check")
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {RECORD}")
    assert "expected `pages:` mapping each page path to a list of section IDs" in result.err

"""`kbsync diff LANG [PAGE...]`: word-level, every page, removed and renamed sections with their
old text from git, and files for an agency (Markdown, HTML) read back with real parsers."""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
NPS_DE = "docs/de/metrics/nps.md"
NPS_IT = "docs/it/metrics/nps.md"
PAGE = "guidelines/service-quality.md"
COMMIT = r"[0-9a-f]{12}"


@pytest.fixture
def history(synced):
    """The synced site, committed, then two German pages changed and committed."""
    synced.init_git()
    synced.commit("translations synced")
    synced.edit(DE, "mit mindestens 200 Antworten pro Team", "mit mindestens 250 gültigen Antworten pro Team")
    synced.edit(NPS_DE, "reicht von -100 bis +100", "reicht immer von -100 bis +100")
    synced.commit("policy change")
    return synced


def test_diff_covers_every_page_of_the_language_word_by_word(history):
    result = history.run("diff", "it")
    assert result.code == 1
    lines = result.lines
    assert lines[0] == f"{IT}:"
    assert re.fullmatch(rf"  section `quality-indicators`: changed in {DE}:18 since it was translated "
                        rf"\(commit {COMMIT}\)", lines[1])
    assert "    Wir messen den Net Promoter Score jeden Monat mit mindestens [-200-]{+250 gültigen+} Antworten " \
           "pro Team, siehe [NPS](../metrics/nps.md)." in lines
    assert f"{NPS_IT}:" in lines
    assert "    Der NPS reicht {+immer+} von -100 bis +100 und wird als Zahl geschrieben, nicht als Prozentwert." \
        in lines
    # the sections that did not change are not shown
    assert not any("`basics`" in line for line in lines)


def test_diff_of_every_page_when_all_is_up_to_date(synced):
    result = synced.run("diff", "fr")
    assert (result.code, result.out) == (0, "docs/fr: no outdated sections\n")


def test_diff_names_a_missing_translation(history):
    (history.root / NPS_IT).unlink()
    result = history.run("diff", "it", "metrics/nps.md")
    assert (result.code, result.out) == (1, f"{NPS_IT}: not translated yet (the whole of {NPS_DE})\n")


def test_a_removed_section_is_shown_with_its_old_text(history):
    text = history.text(DE)
    start = text.index("## Die Grundlagen")
    history.write(DE, text[:start] + text[text.index("## Die Qualitätskennzahlen"):])
    history.commit("basics removed")
    result = history.run("diff", "it", PAGE)
    assert result.code == 1
    position = next(index for index, line in enumerate(result.lines) if "`basics`" in line)
    assert re.fullmatch(rf"  section `basics`: removed from {DE}; its text when translated \(commit {COMMIT}\)",
                        result.lines[position])
    assert result.lines[position + 1:position + 5] == [
        "    [-## Die Grundlagen {#basics}", "",
        "    - Sie sind in den allermeisten Fällen die erste Anlaufstelle der Kundschaft.",
        "    - Sie identifizieren jede Kundin und jeden Kunden nach den lokalen Regeln.-]"]


def test_a_retired_section_says_where_its_content_went(history):
    text = history.text(DE)
    start = text.index("## Die Grundlagen")
    text = text[:start] + text[text.index("## Die Qualitätskennzahlen"):]
    history.write(DE, text.replace("review_interval_months: 12\n",
                                   "review_interval_months: 12\nretired_sections: {basics: metrics/nps.md}\n"))
    history.commit("basics retired")
    line = next(line for line in history.run("diff", "it", PAGE).lines if "`basics`" in line)
    assert line.endswith("; its content is now at metrics/nps.md (retired_sections)")


def test_a_renamed_section_is_shown_with_its_old_text_and_id(history):
    history.edit(DE, "## Die Grundlagen {#basics}", "## Das Wichtigste {#essentials}")
    history.edit(DE, "Sie sind in den allermeisten Fällen", "Sie sind fast immer")
    history.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\nsection_aliases: {basics: essentials}\n")
    history.commit("basics renamed")
    result = history.run("diff", "it", PAGE)
    assert result.code == 1
    position = next(index for index, line in enumerate(result.lines) if "`essentials`" in line)
    assert re.fullmatch(rf"  section `basics`: renamed `essentials` in {DE}:14, and changed since it was "
                        rf"translated \(commit {COMMIT}\)", result.lines[position])
    assert result.lines[position + 1:position + 4] == [
        "    ## [-Die Grundlagen-]{+Das Wichtigste+} {#[-basics-]{+essentials+}}", "",
        "    - Sie sind [-in den allermeisten Fällen-]{+fast immer+} die erste Anlaufstelle der Kundschaft."]
    # shown once, as a rename: not also as a new section and a removed one
    assert sum("section `" in line for line in result.lines) == 2


def test_markdown_file_for_an_agency(history, tmp_path):
    output = tmp_path / "out" / "it-changes.md"
    output.parent.mkdir()
    result = history.run("diff", "it", "--format", "markdown", "--output", str(output))
    assert result.code == 1 and result.out == ""
    assert result.err == f"kbsync: wrote {output} (markdown): 2 items to translate on 2 of 2 pages\n"
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# Changes to translate into Italiano (it)\n")
    soup = BeautifulSoup(markdown.markdown(text, extensions=["fenced_code"]), "lxml")
    assert [heading.get_text() for heading in soup.find_all("h2")] == [PAGE, "metrics/nps.md"]
    assert re.fullmatch(rf"section quality-indicators: changed in {DE}:18 since it was translated "
                        rf"\(commit {COMMIT}\)", soup.find("h3").get_text())
    blocks = [block.get_text() for block in soup.find_all("code") if block.parent.name == "pre"]
    assert len(blocks) == 2
    assert "Wir messen den Net Promoter Score jeden Monat mit mindestens [-200-]{+250 gültigen+} Antworten" \
        in blocks[0]
    assert blocks[0].startswith("## Die Qualitätskennzahlen {#quality-indicators}\n")  # as written, not rendered


def test_html_file_for_an_agency_is_escaped_and_self_contained(history, tmp_path):
    history.edit(DE, "Kleine Teams warten", "Kleine Teams <em>warten</em> & <script>alert(1)</script>")
    output = tmp_path / "it-changes.html"
    result = history.run("diff", "it", "--format", "html", "--output", str(output))
    assert result.code == 1
    soup = BeautifulSoup(output.read_bytes(), "lxml")
    assert soup.find("script") is None and soup.find("link") is None and soup.find("em") is None
    assert soup.find("style") is not None and soup.html["lang"] == "en"
    assert not [tag for tag in soup.find_all(True) for name in ("src", "href") if tag.get(name)]
    assert soup.title.get_text() == "Changes to translate into Italiano (it)"
    pre = soup.find("pre")
    assert pre["lang"] == "de"
    assert [tag.get_text() for tag in pre.find_all("del")] == ["200"]
    assert [tag.get_text() for tag in pre.find_all("ins")] == ["250 gültigen", "<em>", "</em> & <script>alert(1)</script>"]
    # the text without the deletions is the German section now, character for character
    for tag in pre.find_all("del"):
        tag.decompose()
    section = history.text(DE).split("## Die Qualitätskennzahlen", 1)[1]
    assert pre.get_text().rstrip() == "## Die Qualitätskennzahlen" + section.rstrip()


def test_text_and_markdown_to_standard_output(history):
    assert history.run("diff", "it", PAGE, "--format", "markdown").out.startswith(
        "# Changes to translate into Italiano (it)\n")


def test_output_inside_docs_is_refused(history):
    result = history.run("diff", "it", "--format", "html", "--output", "docs/it/changes.html")
    assert result.code == 2
    assert "inside docs/" in result.err
    assert not (history.root / "docs/it/changes.html").exists()

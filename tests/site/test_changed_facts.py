"""An outdated section whose German text changed a figure says so, in the reader's language and format.

The sentences are checked alone first; then one real build of a copy of the knowledge base in which,
in its git history, a figure of one German section changed (CSAT's example: 80 % -> 82,5 %) and the
wording of another (no figure): the first section's note in it, fr and en gives the new and the old
figure, the banner says that facts changed, and the status page lists that section first.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kbsync.history.facts import ADDED, REMOVED, REPLACED, FigureChange
from kbsync.languages import profile
from kbsync.site.changed_facts import facts_text

FACTS_PAGE, FACTS_SECTION = "metrics/csat.md", "formula"
WORDING_PAGE, WORDING_SECTION = "guidelines/service-quality.md", "basics"
LANGS = ("it", "fr", "en")
CHANGED_ON = datetime.date(2026, 11, 21)  # the day of the commit that changed them
# The note's sentence in each language, as a reader reads it (French: a no-break space before `:` and `%`).
NOW = {
    "it": "Il testo tedesco ora indica 82,5% (prima: 80%).",
    "fr": "Le texte allemand indique désormais 82,5\u00a0% (auparavant\u00a0: 80\u00a0%).",
    "en": "The German text now says 82.5% (before: 80%).",
}


def test_replaced_added_and_removed_figures_in_each_language():
    changes = (FigureChange(REPLACED, "3", "5"), FigureChange(REPLACED, "12.5%", "10%"),
               FigureChange(ADDED, "2026-03-01", None), FigureChange(REMOVED, None, "1000.5"))
    assert facts_text(changes, profile("it")) == (
        "Il testo tedesco ora indica 3 (prima: 5) e 12,5% (prima: 10%). Nuovo nel testo tedesco: 1 marzo 2026. "
        "Non più nel testo tedesco: 1000,5.")
    assert facts_text(changes, profile("fr")) == (
        "Le texte allemand indique désormais 3 (auparavant\u00a0: 5) et 12,5\u00a0% (auparavant\u00a0: 10\u00a0%). "
        "Nouveau dans le texte allemand\u00a0: 1er mars 2026. Ne figure plus dans le texte allemand\u00a0: 1000,5.")
    assert facts_text(changes, profile("en")) == (
        "The German text now says 3 (before: 5) and 12.5% (before: 10%). New in the German text: 1 March 2026. "
        "No longer in the German text: 1000.5.")
    assert facts_text(changes, profile("de")).startswith("Der deutsche Text nennt jetzt 3 (vorher: 5) und 12,5\u00a0% ")


def test_one_kind_of_change_is_one_sentence():
    assert facts_text((FigureChange(REPLACED, "3", "5"),), profile("it")) == "Il testo tedesco ora indica 3 (prima: 5)."
    assert facts_text((FigureChange(ADDED, "7", None), FigureChange(ADDED, "9", None), FigureChange(ADDED, "30%", None)),
                      profile("en")) == "New in the German text: 7, 9, and 30%."
    assert facts_text((), profile("en")) == ""


@pytest.fixture(scope="module")
def facts_site(tmp_path_factory, mkdocs_build, kb_tools):
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("facts") / "kb")
    _edit(root / "docs/de" / FACTS_PAGE, "zum Beispiel 80 %.", "zum Beispiel 82,5 %.")
    _edit(root / "docs/de" / WORDING_PAGE, "solange die Identifizierung nicht abgeschlossen ist.",
          "solange die Identifizierung nicht abgeschlossen ist, auch nicht per E-Mail.")
    git(root, "commit", "-q", "-am", "CSAT example 82,5 %; identification wording", date=f"{CHANGED_ON}T10:00:00+00:00")
    site = root / "site"
    result = mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr[-3000:]
    return root, site


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _page(site: Path, lang: str, page: str) -> BeautifulSoup:
    prefix = site if lang == "de" else site / lang
    parts = Path(page).with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "index" else parts
    return BeautifulSoup(prefix.joinpath(*parts, "index.html").read_text(encoding="utf-8"), "html.parser")


def _notes(soup: BeautifulSoup) -> dict[str, str]:
    """Section ID -> the text of the outdated note under its heading."""
    return {note.find_previous_sibling(re.compile("h[1-6]"))["id"]: note.get_text(" ", strip=True)
            for note in soup.select("article .kb-banner--section")}


@pytest.mark.build
def test_the_note_gives_the_new_and_the_old_figure_in_the_readers_format(facts_site):
    _, site = facts_site
    for lang in LANGS:
        soup = _page(site, lang, FACTS_PAGE)
        note = soup.select_one("article .kb-banner--section")
        assert note.find_previous_sibling(re.compile("h[1-6]"))["id"] == FACTS_SECTION
        assert note.select_one(".kb-banner__facts").get_text() == NOW[lang]
        assert note.get_text(" ", strip=True) == " ".join(
            (profile(lang).ui["section_mark"], NOW[lang], profile(lang).ui["section_mark_link"]))
        assert note.find("a", hreflang="de")["href"] == f"../../../metrics/csat/#{FACTS_SECTION}"


@pytest.mark.build
def test_no_other_section_gets_a_note_and_only_that_one_names_figures(facts_site):
    root, site = facts_site
    base = root / "docs/de"
    for page in sorted(path.relative_to(base).as_posix() for path in base.rglob("*.md")):
        for lang in ("de", *LANGS):
            soup = _page(site, lang, page)
            expected = {} if lang == "de" else {FACTS_PAGE: {FACTS_SECTION}, WORDING_PAGE: {WORDING_SECTION}}.get(page, set())
            assert set(_notes(soup)) == set(expected), (lang, page)
            facts = soup.select("article .kb-banner--section .kb-banner__facts")
            assert len(facts) == (1 if lang != "de" and page == FACTS_PAGE else 0), (lang, page)
    for lang in LANGS:  # the section whose wording changed keeps the note it had
        note = _notes(_page(site, lang, WORDING_PAGE))[WORDING_SECTION]
        assert note == f"{profile(lang).ui['section_mark']} {profile(lang).ui['section_mark_link']}"


@pytest.mark.build
def test_the_banner_says_that_facts_changed(facts_site):
    _, site = facts_site
    for lang in LANGS:
        ui = profile(lang).ui
        banner = _page(site, lang, FACTS_PAGE).select_one("article .kb-banner--outdated")
        assert banner.select_one(".kb-banner__facts").get_text() == ui["facts_banner"]
        item = banner.select_one("li").get_text(" ", strip=True)
        assert item.endswith("(" + ui["facts_note"].format(change=ui["changed_on"].format(
            date=profile(lang).format_day(CHANGED_ON))) + ")"), item
        wording = _page(site, lang, WORDING_PAGE).select_one("article .kb-banner--outdated")
        assert wording.select_one(".kb-banner__facts") is None, "its figures did not change"


@pytest.mark.build
def test_the_status_page_lists_the_section_with_changed_facts_first(facts_site):
    """Marked and with its figures, before the section whose wording changed (which sorts first by page)."""
    _, site = facts_site
    now = dict(NOW, de="Der deutsche Text nennt jetzt 82,5\u00a0% (vorher: 80\u00a0%).")
    for lang in ("de", *LANGS):
        ui = profile(lang).ui
        table = _page(site, lang, "translation-status.md").select_one("h2#outdated-sections").find_next("table")
        facts_row, wording_row = rows = table.select("tbody tr")
        assert len(rows) == 2
        facts_cells, wording_cells = facts_row.find_all("td"), wording_row.find_all("td")
        assert facts_cells[1].find("a")["href"].endswith(f"/metrics/csat/#{FACTS_SECTION}")
        assert facts_cells[2].get_text(" ", strip=True) == "Italiano , Français , English"
        assert facts_cells[3].find("strong").get_text() == ui["facts_changed"]
        assert facts_cells[3].get_text(" ", strip=True).endswith(now[lang])
        assert wording_cells[1].find("a")["href"].endswith(f"/guidelines/service-quality/#{WORDING_SECTION}")
        assert wording_cells[3].get_text(" ", strip=True) == ui["changed_on"].format(
            date=profile(lang).format_day(CHANGED_ON))

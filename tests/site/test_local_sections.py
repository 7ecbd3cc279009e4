"""Local sections on the built site: the rule of one market, on its language's page only, with a
"Local rule: <market>" mark in that language under its heading; counted and listed on the status page;
found by that language's search only.

One real strict build of a copy of the knowledge base in which the Italian service-standards page and
the French speed page each get a local section (besides the knowledge base's own), and the English
people page is missing (English readers get the German page in its place: nothing local comes with it).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kbsync.cli import main
from kbsync.languages import profile

pytestmark = pytest.mark.build

# An English page not translated: German is shown in its place, without local sections.
MISSING = "guidelines/people.md"
# Pages without local sections of their own in the knowledge base, so the test's are the only ones there.
STANDARDS = "guidelines/service-standards.md"
SPEED = "guidelines/speed-and-follow-up.md"
LANGS = ("de", "it", "fr", "en")
LOCAL = {  # lang -> (page, the group section it adds to, ID, heading, text, owner)
    "it": (STANDARDS, "living-document", "local-test-complaint-deadlines", "Reclami: termini in Italia",
           "Per i servizi bancari rispondiamo entro 60 giorni; il cliente insoddisfatto può rivolgersi "
           "all'Arbitro Bancario Finanziario.", "Compliance Italia"),
    "fr": (SPEED, "callbacks", "local-test-call-listening", "Écoute des appels en France",
           "Le client est informé de l'écoute et peut s'y opposer ; le médiateur reste joignable.",
           "Conformité France"),
}
REVIEWED = "2026-11-20"
SEARCHED = {"it": "Per i servizi bancari rispondiamo entro 60 giorni", "fr": "le médiateur reste joignable"}


@pytest.fixture(scope="module")
def kb(tmp_path_factory, mkdocs_build, kb_tools) -> Path:
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("local") / "kb")
    for lang, (page, adds_to, section_id, heading, text, owner) in LOCAL.items():
        path = root / "docs" / lang / page
        lines = path.read_text(encoding="utf-8").split("\n")
        start = next(index for index, line in enumerate(lines) if line.endswith(f"{{#{adds_to}}}"))
        end = next(index for index in range(start + 1, len(lines)) if lines[index].startswith("## "))
        lines[end:end] = [f"## {heading} {{#{section_id} .local}}", "", text, ""]
        body = "\n".join(lines)
        entry = (f"local_sections:\n  {section_id}:\n    owner: {owner}\n    last_reviewed: {REVIEWED}\n"
                 f"    review_interval_months: 12\n    adds_to: {adds_to}\n")
        path.write_text(body.replace("review_interval_months: 12\n", "review_interval_months: 12\n" + entry, 1),
                        encoding="utf-8")
    (root / "docs/en" / MISSING).unlink()
    git(root, "commit", "-q", "-am", "Local sections in it and fr; no English people page",
        date="2026-11-21T10:00:00+00:00")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def _page(kb: Path, lang: str, page: str) -> BeautifulSoup:
    prefix = kb / "site" if lang == "de" else kb / "site" / lang
    parts = Path(page).with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "index" else parts
    return BeautifulSoup(prefix.joinpath(*parts, "index.html").read_text(encoding="utf-8"), "html.parser")


def _mark(lang: str) -> str:
    return profile(lang).ui["local_rule"].format(market=profile(lang).market)


def test_local_sections_are_no_drift(kb, capsys, monkeypatch):
    monkeypatch.chdir(kb)
    code = main(["check", "--fail-on", "outdated", f"docs/it/{STANDARDS}", f"docs/fr/{SPEED}"])
    assert (code, capsys.readouterr().out) == (0, "")


@pytest.mark.parametrize("lang", list(LOCAL))
def test_a_local_section_shows_its_market_under_its_heading(kb, lang):
    page, adds_to, section_id, heading, text, _ = LOCAL[lang]
    soup = _page(kb, lang, page)
    title = soup.select_one(f"article h2#{section_id}")
    assert title is not None and title.get_text(strip=True).rstrip("¶") == heading
    mark = title.find_next_sibling()
    assert "kb-banner--local" in mark["class"] and mark.get_text(strip=True) == _mark(lang)
    assert mark.find_next_sibling("p").get_text(strip=True) == text
    # Right after the group section it adds to, which the translation keeps whole.
    assert title.find_previous_sibling("h2")["id"] == adds_to
    assert _mark(lang) == {"it": "Regola locale: Italia", "fr": "Règle locale\u00a0: France"}[lang]


def test_a_local_section_is_on_its_own_language_page_only(kb):
    for lang, (page, _, section_id, _, text, _) in LOCAL.items():
        for other in LANGS:
            if other == lang:
                continue
            soup = _page(kb, other, page)
            assert soup.select_one(f"#{section_id}") is None, (lang, other)
            assert text not in soup.get_text(), (lang, other)


def test_every_local_mark_is_in_its_readers_language_under_a_local_heading(kb):
    pages = sorted(path.relative_to(kb / "docs/de").as_posix() for path in (kb / "docs/de").rglob("*.md"))
    for lang in LANGS:
        for page in pages:
            soup = _page(kb, lang, page)
            marks = soup.select("article .kb-banner--local")
            headings = soup.select("article h2.local, article h3.local, article h4.local")
            if lang == "de" or (lang == "en" and page == MISSING):  # the group text, also as a fallback
                assert (marks, headings) == ([], []), (lang, page)
                continue
            assert [mark.get_text(strip=True) for mark in marks] == [_mark(lang)] * len(headings), (lang, page)
            assert [mark.find_previous_sibling()["id"] for mark in marks] == [h["id"] for h in headings]


def test_the_status_page_counts_and_lists_local_sections(kb):
    for lang in LANGS:
        soup = _page(kb, lang, "translation-status.md")
        ui = profile(lang).ui
        counts_table = soup.select_one("h2#by-market").find_next("table")
        assert [th.get_text(strip=True) for th in counts_table.select("thead th")] == [
            ui["col_language"], ui["col_local_sections"]]
        counts = {row.find("td").get_text(strip=True): int(row.find_all("td")[1].get_text(strip=True))
                  for row in counts_table.select("tbody tr")}
        # At least the sections this test added (the knowledge base may hold others).
        assert counts["Italiano (it)"] >= 1 and counts["Français (fr)"] >= 1 and "English (en)" in counts
        listing = counts_table.find_next("table")
        rows = [[td.get_text(strip=True) for td in row.find_all("td")] for row in listing.select("tbody tr")]
        assert sum(counts.values()) == len(rows)
        for local_lang, (page, _, section_id, heading, _, owner) in LOCAL.items():
            link = listing.find("a", href=lambda href, s=section_id: href and href.endswith(f"#{s}"))
            assert link is not None and link.get_text(strip=True) == heading
            assert link["hreflang"] == local_lang and link.find_parent("span")["lang"] == local_lang
            row = [td.get_text(strip=True) for td in link.find_parent("tr").find_all("td")]
            assert row[2:] == [heading, owner, profile(lang).format_day(datetime.date(2026, 11, 20))]
            assert row[0] == {"it": "Italiano", "fr": "Français"}[local_lang]
            prefix = "" if lang == "de" else "../"
            assert link["href"] == f"../{prefix}{local_lang}/{Path(page).with_suffix('').as_posix()}/#{section_id}"


def test_search_finds_a_local_section_in_its_own_language_only(kb):
    for lang in LANGS:
        index = json.loads((kb / "site" / ("" if lang == "de" else lang) / "search/search_index.json")
                           .read_text(encoding="utf-8"))
        for local_lang, (_, _, section_id, _, text, _) in LOCAL.items():
            found = [doc for doc in index["docs"] if doc["location"].endswith(f"#{section_id}")]
            words = SEARCHED[local_lang]
            if lang == local_lang:
                assert len(found) == 1 and words in found[0]["text"], (lang, section_id)
            else:
                assert found == [], (lang, section_id)
                assert not any(words in doc["text"] for doc in index["docs"]), (lang, section_id)

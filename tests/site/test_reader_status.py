"""Readers see how current a page is: banners, section marks, status page, what changed, review notices, redirects.

One real build of a copy of the knowledge base in which, in its git history, a German section was
edited, an Italian translation was removed and a German page went past its review date.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kbsync.cli import main

pytestmark = pytest.mark.build

EDITED = "guidelines/service-quality.md"
REMOVED_IT = "metrics/ces.md"
DUE = "guidelines/people.md"
LANGS = ("it", "fr", "en")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory, mkdocs_build, kb_tools):
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("scenario") / "kb")
    german = root / "docs/de" / EDITED
    text = german.read_text(encoding="utf-8")
    old = "solange die Identifizierung nicht abgeschlossen ist."
    assert old in text
    german.write_text(text.replace(old, "solange die Identifizierung nicht abgeschlossen ist, auch nicht per E-Mail."),
                      encoding="utf-8")
    git(root, "commit", "-q", "-am", "Identification: no data by e-mail either", date="2026-11-21T10:00:00+00:00")
    (root / "docs/it" / REMOVED_IT).unlink()
    git(root, "commit", "-q", "-am", "Remove the Italian CES page", date="2026-11-21T11:00:00+00:00")
    due = root / "docs/de" / DUE
    due.write_text(re.sub(r"last_reviewed: \S+", "last_reviewed: 2024-01-15", due.read_text(encoding="utf-8")),
                   encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      redirects: {}", "      redirects:\n        old-service-quality.md: guidelines/service-quality.md"),
        encoding="utf-8")
    git(root, "commit", "-q", "-am", "People page past its review date; a moved page", date="2026-11-22T09:00:00+00:00")
    site = root / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return root, site


def _page(site: Path, lang: str, page: str) -> BeautifulSoup:
    prefix = site if lang == "de" else site / lang
    parts = Path(page).with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "index" else parts
    return BeautifulSoup(prefix.joinpath(*parts, "index.html").read_text(encoding="utf-8"), "html.parser")


def _pages(root: Path) -> list[str]:
    base = root / "docs/de"
    return sorted(path.relative_to(base).as_posix() for path in base.rglob("*.md"))


def _outdated_banner(soup):
    return soup.select("article .kb-banner--outdated")


def test_translations_name_exactly_the_edited_section_and_link_to_the_german_text(scenario):
    root, site = scenario
    for lang in LANGS:
        soup = _page(site, lang, EDITED)
        banners = _outdated_banner(soup)
        assert len(banners) == 1, lang
        items = banners[0].select("li")
        assert len(items) == 1, (lang, [item.get_text(" ", strip=True) for item in items])
        link = items[0].find("a")
        assert link["href"] == "../../../guidelines/service-quality/#basics"
        assert link.get_text(strip=True) == soup.select_one("article h2#basics").get_text(strip=True).rstrip("¶")
        assert "21" in items[0].get_text() and "2026" in items[0].get_text(), "the date of the change"
        assert banners[0]["lang"] == lang
        marks = soup.select("article .kb-banner--section")
        assert len(marks) == 1
        assert marks[0].find_previous_sibling(re.compile("h[1-6]"))["id"] == "basics"
        assert marks[0].find("a")["href"] == "../../../guidelines/service-quality/#basics"


def test_nothing_else_carries_an_outdated_banner(scenario):
    root, site = scenario
    for lang in ("de", *LANGS):
        for page in _pages(root):
            if lang != "de" and page == EDITED:
                continue
            soup = _page(site, lang, page)
            assert _outdated_banner(soup) == [], (lang, page)
            assert soup.select("article .kb-banner--section") == [], (lang, page)


def test_a_page_missing_in_a_language_says_so_and_links_the_source(scenario):
    _, site = scenario
    soup = _page(site, "it", REMOVED_IT)
    banner = soup.select_one("article .kb-banner--untranslated")
    assert banner is not None and banner["lang"] == "it"
    assert "tedesca" in banner.get_text()
    assert banner.find("a", hreflang="de")["href"] == "../../../metrics/ces/"
    for lang in ("fr", "en", "de"):
        assert _page(site, lang, REMOVED_IT).select_one("article .kb-banner--untranslated") is None


def test_status_page_counts_what_is_behind(scenario):
    root, site = scenario
    total = len(_pages(root))
    soup = _page(site, "en", "translation-status.md")
    rows = {row.find("td").get_text(strip=True): [td.get_text(" ", strip=True) for td in row.find_all("td")]
            for row in soup.select_one("h2#by-language").find_next("table").select("tbody tr")}
    assert rows["Italiano (it)"][1].startswith(f"{total - 2}/{total} ")
    assert rows["Italiano (it)"][3:] == ["1", "1"]
    for name in ("Français (fr)", "English (en)"):
        assert rows[name][1].startswith(f"{total - 1}/{total} ")
        assert rows[name][3:] == ["1", "0"]
    page_rows = {row.find("td").get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")]
                 for row in soup.select_one("h2#by-page").find_next("table").select("tbody tr")}
    assert page_rows["Service quality in every contact"][2:] == ["outdated (1 section)"] * 3
    assert page_rows["Customer Effort Score (CES)"][2:] == ["missing", "up to date", "up to date"]
    links = soup.select_one("h2#by-page").find_next("table").find_all("a", hreflang="fr")
    assert any(a["href"] == "../../fr/guidelines/service-quality/" for a in links)


def test_a_page_past_its_review_date_shows_a_notice_and_is_listed(scenario):
    root, site = scenario
    notice = _page(site, "de", DUE).select_one("article .kb-banner--review")
    assert notice is not None and "15. Januar 2025" in notice.get_text()
    assert _page(site, "it", DUE).select_one("article .kb-banner--review") is None  # its own date is current
    reviews = _page(site, "it", "translation-status.md").select_one("h2#reviews-due").find_next("table")
    cells = [[td.get_text(strip=True) for td in row.find_all("td")] for row in reviews.select("tbody tr")]
    assert cells == [["Menschen: Auswahl, Schulung, Anerkennung", "Deutsch", "15 gennaio 2025", "Personalentwicklung"]]


def test_what_changed_lists_the_edit_first(scenario):
    _, site = scenario
    soup = _page(site, "fr", "changes.md")
    first = [td.get_text(strip=True) for td in soup.select_one("h2#recent-changes").find_next("table").select("tbody tr")[0].find_all("td")]
    heading = _page(site, "fr", EDITED).select_one("article h2#basics").get_text(strip=True).rstrip("¶")
    assert first == ["21 novembre 2026", _page(site, "fr", EDITED).select_one("article h1").get_text(strip=True).rstrip("¶"),
                     heading, "modifiée"]
    footer = _page(site, "de", EDITED).select_one(".kb-page-meta").get_text(" ", strip=True)
    assert "Text zuletzt geändert: 21. November 2026" in footer
    french = _page(site, "fr", EDITED).select_one(".kb-page-meta").get_text(" ", strip=True)
    assert "Responsable\u00a0: " in french and "Dernière modification du texte\u00a0: " in french


def test_moved_page_redirects_in_every_language(scenario):
    _, site = scenario
    for lang, prefix in (("de", ""), ("it", "it/"), ("fr", "fr/"), ("en", "en/")):
        html = (site / prefix / "old-service-quality" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
        assert target == ("../" if not prefix else "../../" + prefix) + "guidelines/service-quality/"


def test_check_fails_on_the_outdated_and_missing_translations(scenario, capsys):
    root, _ = scenario
    assert main(["--config", str(root / "mkdocs.yml"), "check", "--fail-on", "outdated"]) == 1
    out = capsys.readouterr().out
    assert "docs/it/guidelines/service-quality.md:" in out and "KB801 section `basics`" in out
    assert "KB805" in out and "metrics/ces.md" in out
    assert f"docs/de/{DUE}:5: KB204 review due since 2025-01-15" in out

"""Readers see how current a page is: banners, section marks, status page, what changed, review notices, redirects.

One real build of a copy of the knowledge base in which, in its git history, a German section was
edited, an Italian translation was removed and a German page went past its review date. The
repository may itself have translations pending (a German edit is committed before it is
translated): the tests expect what the scenario changes on top of that (`before`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kbsync.cache import Cache
from kbsync.checks.runner import run_checks
from kbsync.cli import main
from kbsync.config import load_site_config
from kbsync.site.banners import BANNER_STATES
from kbsync.status import PageState, SectionState, StatusReport

pytestmark = pytest.mark.build

EDITED = "guidelines/service-quality.md"
REMOVED_IT = "metrics/ces.md"
DUE = "guidelines/people.md"
LANGS = ("it", "fr", "en")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def before() -> StatusReport:
    """The status of the repository, which the scenario's copy starts from."""
    report = run_checks(load_site_config(REPO / "mkdocs.yml"), Cache(None)).status
    for lang in LANGS:
        assert report.page(lang, EDITED).state in (PageState.UP_TO_DATE, PageState.OUTDATED), \
            f"the scenario edits {EDITED}, which needs a tracked translation in {lang}"
    return report


def _behind(report: StatusReport, lang: str, page: str) -> set[str]:
    """The sections of the page with an outdated banner: changed, new or removed in German."""
    status = report.page(lang, page)
    return {section.id for section in status.sections if section.state in BANNER_STATES} if status else set()


def _up_to_date(report: StatusReport, lang: str, page: str, section: str | None = None) -> bool:
    status = report.page(lang, page)
    if section is None:
        return status is not None and status.state is PageState.UP_TO_DATE
    return status is not None and status.section(section) is not None and \
        status.section(section).state is SectionState.UP_TO_DATE


def _outdated_or_new(report: StatusReport, lang: str, page: str) -> int:
    """What the status page counts as outdated sections of the page (its sections become missing with it)."""
    return sum(section.state in (SectionState.OUTDATED, SectionState.NEW_IN_SOURCE)
               for section in report.page(lang, page).sections)


def _reviewed(report: StatusReport, lang: str, page: str, among: set[str] | None = None) -> int:
    return sum(section.is_reviewed for section in report.page(lang, page).sections
               if among is None or section.id in among)


def _cell(report: StatusReport, lang: str, page: str, edited: set[str] = frozenset()) -> str:
    """What the English status page says of the page in `lang`, after the sections `edited` changed."""
    status = report.page(lang, page)
    if status is None or status.state is PageState.MISSING:
        return "missing"
    if status.state is PageState.UNTRACKED:
        return "not tracked"
    behind = len(_behind(report, lang, page) | edited)
    return "up to date" if behind == 0 else "outdated (1 section)" if behind == 1 else f"outdated ({behind} sections)"


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


def test_translations_name_exactly_the_edited_section_and_link_to_the_german_text(scenario, before):
    root, site = scenario
    for lang in LANGS:
        expected = _behind(before, lang, EDITED) | {"basics"}
        soup = _page(site, lang, EDITED)
        banners = _outdated_banner(soup)
        assert len(banners) == 1, lang
        items = banners[0].select("li")
        assert len(items) == len(expected), (lang, [item.get_text(" ", strip=True) for item in items])
        item = next(item for item in items if item.find("a")["href"].endswith("#basics"))
        link = item.find("a")
        assert link["href"] == "../../../guidelines/service-quality/#basics"
        assert link.get_text(strip=True) == soup.select_one("article h2#basics").get_text(strip=True).rstrip("¶")
        assert "21" in item.get_text() and "2026" in item.get_text(), "the date of the change"
        assert banners[0]["lang"] == lang
        marks = soup.select("article .kb-banner--section")
        assert len(marks) == len(expected)
        mark = next(mark for mark in marks if mark.find_previous_sibling(re.compile("h[1-6]"))["id"] == "basics")
        assert mark.find("a")["href"] == "../../../guidelines/service-quality/#basics"


def test_nothing_else_carries_an_outdated_banner(scenario, before):
    root, site = scenario
    for lang in ("de", *LANGS):
        for page in _pages(root):
            if lang != "de" and (page == EDITED or _behind(before, lang, page)):
                continue  # the edited page, and what the repository already had pending
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


def test_status_page_counts_what_is_behind(scenario, before):
    root, site = scenario
    total = len(_pages(root))
    soup = _page(site, "en", "translation-status.md")
    rows = {row.find("td").get_text(strip=True): [td.get_text(" ", strip=True) for td in row.find_all("td")]
            for row in soup.select_one("h2#by-language").find_next("table").select("tbody tr")}
    for language in before.languages:
        removed = REMOVED_IT if language.lang == "it" else None
        current = language.pages_up_to_date - _up_to_date(before, language.lang, EDITED) - (
            _up_to_date(before, language.lang, removed) if removed else 0)
        behind = language.outdated_sections + language.new_sections \
            + _up_to_date(before, language.lang, EDITED, "basics") \
            - (_outdated_or_new(before, language.lang, removed) if removed else 0)
        missing = language.missing_pages + (removed is not None and before.page("it", removed).state is not PageState.MISSING)
        assert rows[language.label][1].startswith(f"{current}/{total} "), language.lang
        assert rows[language.label][3:5] == [str(behind), str(missing)], language.lang
        # The share of sections a second person reviewed (`kbsync review`): the edit voids a review of
        # `basics`, the removed page takes its reviews with it.
        reviewed = language.reviewed - _reviewed(before, language.lang, EDITED, {"basics"}) - (
            _reviewed(before, language.lang, removed) if removed else 0)
        assert rows[language.label][5].startswith(f"{reviewed}/{language.total_sections} "), language.lang
    page_rows = {row.find("td").get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")]
                 for row in soup.select_one("h2#by-page").find_next("table").select("tbody tr")}
    assert page_rows["Service quality in every contact"][2:] == [_cell(before, lang, EDITED, {"basics"}) for lang in LANGS]
    assert page_rows["Customer Effort Score (CES)"][2:] == ["missing", *(_cell(before, lang, REMOVED_IT) for lang in ("fr", "en"))]
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

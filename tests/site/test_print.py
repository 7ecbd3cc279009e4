"""A guideline page prints as a trainer's handout: the text and its banners, no interface, every link's address."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kbsync.config import load_site_config
from kbsync.languages import profile

pytestmark = pytest.mark.browser

CANONICAL_URL = load_site_config(Path(__file__).resolve().parents[2] / "mkdocs.yml").canonical_url

GUIDELINE = Path("guidelines/service-quality.md")
INTERFACE = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "footer": ".md-footer",
    "back-to-top button": ".md-top",
}
EXTERNAL_URL = "https://www.iso.org/standard/54874.html"
# A status banner as the kbsync plugin renders it (class kb-banner), and an external link: the
# knowledge base's pages have no external link yet.
ADDITIONS = f"""() => {{
  const article = document.querySelector("article")
  article.insertAdjacentHTML("afterbegin", '<div class="kb-banner">Banner</div>')
  article.insertAdjacentHTML("beforeend", '<p><a id="external" href="{EXTERNAL_URL}">ISO 18295</a></p>')
}}"""
# A link's address on paper is the canonical one (site_url), whichever host the page was opened from.
LINKS = """() => [...document.querySelectorAll("article a[href]:not(.headerlink)")]
  .filter(link => !link.getAttribute("href").startsWith("#"))
  .map(link => ({
    href: new URL(link.getAttribute("href"), document.querySelector(".kb-print-address").textContent).href,
    after: getComputedStyle(link, "::after").content,
    underlined: getComputedStyle(link).textDecorationLine.includes("underline"),
  }))"""


def test_a_guideline_prints_as_a_handout(tab, languages, page_path, screenshots):
    for lang in languages:
        page = tab.open(page_path(lang, GUIDELINE))
        page.evaluate(ADDITIONS)
        page.emulate_media(media="print")
        printed = {name for name, selector in INTERFACE.items() if page.locator(selector).first.is_visible()}
        assert printed == set(), f"{lang['locale']}: printed {printed}"
        assert page.locator("article h1").is_visible()
        assert page.locator("article .kb-banner").is_visible()

        links = page.evaluate(LINKS)
        assert len(links) > 3
        assert [link for link in links if link["after"] != f'" ({link["href"]})"' or not link["underlined"]] == []
        assert EXTERNAL_URL in {link["href"] for link in links}
        assert all(link["href"].startswith(CANONICAL_URL) for link in links if link["href"] != EXTERNAL_URL)
        if lang.get("default"):
            page.pdf(path=screenshots / f"{lang['locale']}-guideline-print.pdf", format="A4")
        page.emulate_media(media="screen")
    assert tab.problems() == []


# The rendered lines of an element: its text's line boxes, told apart by their vertical position.
LINES = """element => {
  const range = document.createRange()
  range.selectNodeContents(element)
  const tops = [...range.getClientRects()].filter(rect => rect.width > 0).map(rect => rect.top).sort((a, b) => a - b)
  return tops.filter((top, index) => index === 0 || top - tops[index - 1] > 4).length
}"""


def test_a_printed_page_gives_its_canonical_address_print_date_and_version(tab, languages, page_path):
    for lang in languages:
        path = page_path(lang, GUIDELINE)
        page = tab.open(path)
        header = page.locator("article .kb-print-meta")
        assert not header.is_visible(), "on paper only"
        page.emulate_media(media="print")
        assert header.is_visible()
        assert header.bounding_box()["y"] < page.locator("article h1").bounding_box()["y"]
        assert header.locator(".kb-print-address").inner_text() == CANONICAL_URL + path.lstrip("/")
        ui, language = profile(lang["locale"]).ui, profile(lang["locale"])
        days = {datetime.date.today(), datetime.date.today() - datetime.timedelta(days=1)}  # printed around midnight
        assert header.locator(".kb-print-date").inner_text() in {f"{ui['print_date']} {language.format_day(day)}"
                                                                 for day in days}
        # The version is the date the text last changed, as the page's footer gives it.
        changed = page.locator(".kb-page-meta time").last
        version = header.locator(".kb-print-version time")
        assert version.get_attribute("datetime") == changed.get_attribute("datetime")
        assert header.locator(".kb-print-version").inner_text() == f"{ui['print_version']} {changed.inner_text()}"
        assert header.locator(".kb-print-preview").count() == 0, "a built page is no preview"
        page.emulate_media(media="screen")
    assert tab.problems() == []


def test_outdated_notices_print_in_one_line_each(status_tab, languages, page_path, screenshots):
    """The page's banner names the outdated section in one line; the note under the section's heading is one line."""
    for lang in languages[1:]:
        page = status_tab.open(page_path(lang, GUIDELINE))
        banner, notes = page.locator(".kb-banner--outdated"), page.locator(".kb-banner--section")
        assert notes.count() >= 1 and banner.evaluate(LINES) > 1, "on screen the banner has its list"
        page.emulate_media(media="print")
        assert banner.is_visible() and banner.evaluate(LINES) == 1, lang["locale"]
        assert banner.locator("li").first.is_visible()
        for index in range(notes.count()):
            assert notes.nth(index).is_visible() and notes.nth(index).evaluate(LINES) == 1, lang["locale"]
        if lang["locale"] == "it":
            page.pdf(path=screenshots / "it-outdated-guideline-print.pdf", format="A4")
        page.emulate_media(media="screen")
    assert status_tab.problems() == []

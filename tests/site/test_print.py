"""A guideline page prints as a trainer's handout: the text and its banners, no interface, every link's address."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

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
LINKS = """() => [...document.querySelectorAll("article a[href]:not(.headerlink)")]
  .filter(link => !link.getAttribute("href").startsWith("#"))
  .map(link => ({
    href: link.href,
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
        if lang.get("default"):
            page.pdf(path=screenshots / f"{lang['locale']}-guideline-print.pdf", format="A4")
        page.emulate_media(media="screen")
    assert tab.problems() == []

"""The language switch keeps the page and the section the reader is in."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

GUIDELINE = Path("guidelines/service-quality.md")
FIRST_SECTION, NEXT_SECTION = "quality-indicators", "at-a-glance"


def test_switching_language_keeps_page_and_section(tab, languages, page_path):
    """Round trip through every language; the section changes on the way (a click in the table of contents)."""
    route = [*languages[1:], languages[0]]
    tab.open(page_path(languages[0], GUIDELINE) + f"#{FIRST_SECTION}")
    section = FIRST_SECTION
    for lang in route:
        page = tab.switch_language(lang["locale"])
        assert page.url == tab.base_url + page_path(lang, GUIDELINE) + f"#{section}"
        assert page.evaluate("document.documentElement.lang") == lang["locale"]
        if section == FIRST_SECTION:
            page.locator(f".md-sidebar--secondary a[href='#{NEXT_SECTION}']").click()
            page.wait_for_url(f"**#{NEXT_SECTION}")
            section = NEXT_SECTION
    assert tab.problems() == []


def test_a_page_opened_without_section_switches_to_the_top_of_the_page(tab, languages, page_path):
    page = tab.open(page_path(languages[1], GUIDELINE))
    links = [link.get_attribute("href") for link in page.locator("a.md-select__link[hreflang]").all()]
    assert links == [tab.base_url + page_path(lang, GUIDELINE) for lang in languages]

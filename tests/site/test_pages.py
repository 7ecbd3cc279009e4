"""Every page in every language loads cleanly in the browser, and every kind of page is accessible."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# One page of each kind the knowledge base has (README: page kinds), by its path under docs/<locale>/.
PAGE_KINDS = {
    "start": Path("index.md"),
    "guideline": Path("guidelines/service-quality.md"),
    "metric-overview": Path("metrics/index.md"),
    "metric": Path("metrics/nps.md"),
    "glossary": Path("glossary.md"),
    "managing-content": Path("managing-content.md"),
}
SCREENSHOT_KINDS = {"start", "metric"}
MISSING_PAGE = "no-such-page/"


def test_every_page_loads_cleanly_in_its_language(tab, languages, source_pages, page_path):
    """No 404, no console error or warning, no request to another host, and the right lang, on any page."""
    offenders = {}
    for lang in languages:
        for page in source_pages:
            path = page_path(lang, page)
            html_lang = tab.open(path).evaluate("document.documentElement.lang")
            problems = tab.problems() + ([f"<html lang={html_lang}>"] if html_lang != lang["locale"] else [])
            if problems:
                offenders[path] = problems
            tab.incidents.clear()
    assert len(source_pages) > 15
    assert offenders == {}


def test_a_missing_page_gets_the_404_page_of_its_language(tab, languages, language_root):
    titles = set()
    for lang in languages:
        page = tab.open(language_root(lang) + MISSING_PAGE, status=HTTPStatus.NOT_FOUND)
        assert page.evaluate("document.documentElement.lang") == lang["locale"]
        titles.add(page.locator("article h1").inner_text())
        links = {link.get_attribute("hreflang"): link.get_attribute("href")
                 for link in page.locator("a.md-select__link[hreflang]").all()}
        # A page that does not exist has no translation: the switcher leads to each language's home.
        assert links == {other["locale"]: tab.base_url + language_root(other) for other in languages}
    assert len(titles) == len(languages), titles
    assert tab.problems() == []


@pytest.mark.parametrize("kind", [*PAGE_KINDS, "404"])
def test_each_kind_of_page_has_no_accessibility_violations(tab, languages, kind, screenshots, page_path,
                                                          language_root):
    violations = {}
    for lang in languages:
        if kind == "404":
            page = tab.open(language_root(lang) + MISSING_PAGE, status=HTTPStatus.NOT_FOUND)
        else:
            page = tab.open(page_path(lang, PAGE_KINDS[kind]))
        if found := tab.accessibility_violations():
            violations[lang["locale"]] = found
        if kind in SCREENSHOT_KINDS:
            page.screenshot(path=screenshots / f"{lang['locale']}-{kind}.png", full_page=True, animations="disabled")
    assert violations == {}
    assert tab.problems() == []


def test_dark_scheme_and_phone_layout_have_no_accessibility_violations(new_tab, site_url, languages, page_path):
    """The palette toggle's dark scheme, and the phone layout (navigation in a drawer), on a guideline page."""
    violations = {}
    for label, options in {"dark": {"color_scheme": "dark"},
                           "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True}}.items():
        tab = new_tab(site_url, **options)
        for lang in languages:
            tab.open(page_path(lang, PAGE_KINDS["guideline"]))
            if found := tab.accessibility_violations():
                violations[f"{label} {lang['locale']}"] = found
        assert tab.problems() == []
    assert violations == {}

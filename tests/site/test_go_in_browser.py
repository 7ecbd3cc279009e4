"""One link for every language: `/go/<page>/#<section>` opens the section in the reader's browser language."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from kbsync.languages import profile

pytestmark = pytest.mark.browser

GUIDELINE = Path("guidelines/service-quality.md")
SECTION = "quality-indicators"
GO_PATH = f"/go/guidelines/service-quality/#{SECTION}"
# Tells the page other browser languages than the context's locale can (Playwright sets one).
BROWSER_LANGUAGES = "Object.defineProperty(navigator, 'languages', {get: () => %s})"


def language(languages, locale):
    return next(lang for lang in languages if lang["locale"] == locale)


@pytest.mark.parametrize("browser_locale, site_locale", [
    ("fr-FR", "fr"),  # by primary subtag
    ("es-ES", "de"),  # a language the site does not have: the source
    ("it", "it"),
    ("en-US", "en"),
    ("de-AT", "de"),
])
def test_a_go_link_opens_the_section_in_the_readers_language(new_tab, site_url, languages, page_path,
                                                            browser_locale, site_locale):
    tab = new_tab(site_url, locale=browser_locale)
    page = tab.open(GO_PATH)
    assert page.url == site_url + page_path(language(languages, site_locale), GUIDELINE) + f"#{SECTION}"
    assert page.evaluate("document.documentElement.lang") == site_locale
    assert page.evaluate("location.hash") == f"#{SECTION}"
    assert page.locator(f"h2#{SECTION}").is_visible()
    assert tab.problems() == []  # no 404, no console error, nothing from another host


def test_the_first_browser_language_the_site_has_wins(new_tab, site_url, languages, page_path):
    tab = new_tab(site_url, locale="es-ES")
    tab.page.add_init_script(BROWSER_LANGUAGES % '["es-ES", "pt", "en-GB", "fr-CH"]')
    page = tab.open(GO_PATH)
    assert page.url == site_url + page_path(language(languages, "en"), GUIDELINE) + f"#{SECTION}"
    assert tab.problems() == []


def test_without_javascript_a_go_page_lists_every_language(new_tab, site_url, languages, page_path):
    tab = new_tab(site_url, java_script_enabled=False)
    tab.page.goto(site_url + GO_PATH)
    links = tab.page.locator("a[hreflang]")
    assert links.count() == len(languages)
    for index, lang in enumerate(languages):
        link = links.nth(index)
        assert link.is_visible() and link.get_attribute("lang") == lang["locale"]
        assert link.evaluate("link => link.href") == site_url + page_path(lang, GUIDELINE)
    links.nth(2).click()
    tab.page.wait_for_load_state()
    assert tab.page.url == site_url + page_path(languages[2], GUIDELINE)
    assert tab.problems() == []


def test_every_section_offers_its_link_for_all_languages_in_the_readers_language(new_tab, site_url, languages,
                                                                                page_path):
    """The link beside the permalink: named in the page's language, a plain link to copy, and it opens the
    section in the language of whoever follows it (here an English browser, from the Italian page)."""
    tab = new_tab(site_url, locale="en-GB")
    for lang in languages:
        page = tab.open(page_path(lang, GUIDELINE))
        assert tab.accessibility_violations() == []
        link = page.locator(f"h2#{SECTION} a.kb-go-link")
        link.focus()  # shown on focus, as the permalink is, with its name as tooltip
        expect(link).to_have_css("opacity", "1")
        assert link.get_attribute("aria-label") == profile(lang["locale"]).ui["go_link_title"]
        assert link.evaluate("link => link.href") == site_url + GO_PATH
    page = tab.open(page_path(language(languages, "it"), GUIDELINE))
    with page.expect_navigation(url=f"**{page_path(language(languages, 'en'), GUIDELINE)}#{SECTION}"):
        page.locator(f"h2#{SECTION} a.kb-go-link").click()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert tab.problems() == []

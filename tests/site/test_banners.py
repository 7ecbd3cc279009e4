"""The status banners of a page behind its German source, as a reader sees them: visible, accessible, printed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

GUIDELINE = Path("guidelines/service-quality.md")


def test_banners_are_visible_accessible_and_printed_in_every_language(status_tab, languages, page_path, screenshots):
    violations = {}
    for lang in languages:
        page = status_tab.open(page_path(lang, GUIDELINE))
        review = page.locator("article .kb-banner--review")
        assert review.is_visible(), lang["locale"]
        if lang.get("default"):
            assert page.locator("article .kb-banner--outdated").count() == 0
        else:
            outdated = page.locator("article .kb-banner--outdated")
            assert outdated.is_visible()
            assert outdated.locator("li").count() == 1
            mark = page.locator("article .kb-banner--section")
            assert mark.is_visible()
            assert mark.evaluate("node => node.previousElementSibling.id") == "basics"
            page.screenshot(path=screenshots / f"{lang['locale']}-outdated-banner.png", animations="disabled")
            with page.expect_navigation():
                outdated.locator("a").first.click()
            assert page.url.endswith("/guidelines/service-quality/#basics")
            assert page.evaluate("document.documentElement.lang") == "de"
            page.go_back()
        if found := status_tab.accessibility_violations():
            violations[lang["locale"]] = found
        page.emulate_media(media="print")
        assert page.locator("article .kb-banner--review").is_visible()
        page.emulate_media(media="screen")
    assert violations == {}
    assert status_tab.problems() == []

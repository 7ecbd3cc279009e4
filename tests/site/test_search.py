"""Search in the browser: each language searches its own pages, with its stemmer, and stays accessible."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# Per language, a query that finds pages only through stemming: some page it finds has no word
# starting with the query, only another form of it (the test checks that, on the built index).
STEMMING_CASES = {
    "de": "Beschwerden",   # finds "Beschwerde"
    "it": "rilevazione",   # finds "rilevato", "rileviamo"
    "fr": "réclamations",  # finds "réclamation"
    "en": "measuring",     # finds "measured", "measure"
}
# A part of German compounds that is also a word of its own: the pages that only use the compound
# must be found too. Without compound splitting, only pages with a word starting with the query's
# stem ("zufrieden", "Zufriedenheit") would be.
COMPOUND_PART, COMPOUND, PART_STEM = "Zufriedenheit", "kundenzufriedenheit", "zufried"
_TAG = re.compile(r"<[^>]+>")


def index_docs(site_dir: Path, lang: dict) -> list[dict]:
    """The documents of the language's search index."""
    root = site_dir if lang.get("default") else site_dir / lang["locale"]
    return json.loads((root / "search" / "search_index.json").read_text("utf-8"))["docs"]


def words_by_page(site_dir: Path, lang: dict, fields=("title", "text")) -> dict[str, set[str]]:
    """The words of each page as the language's search index holds them, by the page's location."""
    words = defaultdict(set)
    for doc in index_docs(site_dir, lang):
        text = " ".join(doc.get(name, "") for name in fields)
        words[doc["location"].split("#", 1)[0]].update(re.findall(r"\w+", _TAG.sub(" ", text).lower()))
    return words


def test_every_language_has_a_stemming_case(languages):
    assert set(STEMMING_CASES) == {lang["locale"] for lang in languages}


@pytest.mark.parametrize("locale", STEMMING_CASES)
def test_search_finds_the_readers_language_by_word_stem(tab, languages, language_root, built_site, locale,
                                                         screenshots):
    lang = next(lang for lang in languages if lang["locale"] == locale)
    query = STEMMING_CASES[locale]
    root = tab.base_url + language_root(lang)
    tab.open(language_root(lang))
    results = tab.search(query)
    tab.page.screenshot(path=screenshots / f"{locale}-search.png", animations="disabled")

    assert results, f"{locale}: nothing found for {query!r}"
    other_roots = [tab.base_url + language_root(other) for other in languages if other is not lang and
                   not other.get("default")]
    assert [r.href for r in results if not r.href.startswith(root) or r.href.startswith(tuple(other_roots))] == []

    page_words = words_by_page(built_site, lang, fields=("title", "text", "parts"))
    by_stem_only = [r for r in results
                    if not any(word.startswith(query.lower()) for word in page_words[_location(r.href, root)])]
    assert by_stem_only, f"{locale}: every page found for {query!r} contains it literally; choose another case"
    assert all(r.marked for r in by_stem_only), by_stem_only
    assert tab.accessibility_violations() == []
    assert tab.problems() == []


def test_german_compounds_are_found_by_their_parts(tab, languages, language_root, built_site):
    source = next(lang for lang in languages if lang.get("default"))
    page_words = words_by_page(built_site, source)
    compound_only = {location for location, words in page_words.items()
                     if COMPOUND in words and not any(word.startswith(PART_STEM) for word in words)}
    assert compound_only, f"no page uses {COMPOUND!r} without {COMPOUND_PART!r}; choose another compound"

    tab.open(language_root(source))
    results = tab.search(COMPOUND_PART)
    found = {_location(r.href, tab.base_url + language_root(source)) for r in results}
    assert compound_only <= found, f"pages with {COMPOUND!r} not found for {COMPOUND_PART!r}: {compound_only - found}"
    assert tab.problems() == []


def test_a_page_not_translated_yet_is_shown_and_found_in_german_and_marked(fallback_tab, fallback_site, fallback_case,
                                                                  languages, language_root, page_path):
    lang = next(lang for lang in languages if lang["locale"] == fallback_case.locale)
    source = next(lang for lang in languages if lang.get("default"))
    fallback_url = fallback_tab.base_url + page_path(lang, fallback_case.page)
    source_location = page_path(source, fallback_case.page).lstrip("/")
    title = next(doc["title"] for doc in index_docs(fallback_site, source) if doc["location"] == source_location)

    fallback_tab.open(language_root(lang))
    results = fallback_tab.search(title)
    marked = [r.title for r in results if r.href.split("?", 1)[0] == fallback_url]
    assert marked == [f"{title} ({source['name']})"], [(r.href, r.title) for r in results]
    assert fallback_tab.accessibility_violations() == []

    page = fallback_tab.open(page_path(lang, fallback_case.page))
    assert page.evaluate("document.documentElement.lang") == lang["locale"]
    assert page.locator(f"article [lang={source['locale']}] h1").is_visible()
    assert fallback_tab.accessibility_violations() == []
    assert fallback_tab.problems() == []


def _location(href: str, root: str) -> str:
    """The index location of a result link: its path below the language root, without query or section."""
    return href.split("?", 1)[0].split("#", 1)[0].removeprefix(root)

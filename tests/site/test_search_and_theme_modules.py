"""The kbsync-search plugin's modules on literal input: compound parts, index, sitemap, markup corrections."""

from __future__ import annotations

import pytest

from kbsync.languages import profile
from kbsync.site.compounds import CompoundSplitter, lexicon
from kbsync.site.theme_fixes import ThemeMarkupError, correct_page
from kbsync.site.search_index import SearchEntryError, SearchLanguage, language_index
from kbsync.site.sitemap import sitemap_xml

GERMAN_TEXT = ("<p>Die Zufriedenheit der Kunden zählt. Wir messen die Kundenzufriedenheit und den Monatswert,"
               " den Wert des Monats.</p><p>Vielleicht hilft das.</p>")
FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}
ITALIAN = SearchLanguage(locale="it", root="it/", source_name="Deutsch", separator=r"[\s\-]+")
GERMAN = SearchLanguage(locale="de", root="", source_name="Deutsch", separator=r"[\s\-]+")

PAGE = """<html><head>
      <link rel="alternate" href="../../guidelines/people/" hreflang="de">
      <link rel="alternate" href="./" hreflang="it">
      <link rel="alternate" type="application/rss+xml" href="feed.xml">
</head><body>
<a href="../../../fr/guidelines/people/" hreflang="fr" class="md-select__link">
<div class="md-search" data-md-component="search" role="dialog">
<input type="text" class="md-search__input" name="query" aria-label="Cerca" placeholder="Cerca">
</div>
        <nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="false">
          <label class="md-nav__title" for="__nav_2">
<nav class="md-nav md-nav--secondary" aria-label="Indice"><ul><li>
    <nav class="md-nav" aria-label="Gli indicatori">
</li></ul></nav>
<script id="__config" type="application/json">{"base": "../..", "search": "../../w/search.a7633da7.min.js", "x": "</p>"}</script>
</body></html>"""
CORRECTED_PAGE = """<html><head>
      <link rel="alternate" type="application/rss+xml" href="feed.xml">
</head><body>
<a href="../../../fr/guidelines/people/" hreflang="fr" class="md-select__link" lang="fr">
<div class="md-search" data-md-component="search" role="dialog" aria-label="Cerca">
<input type="text" class="md-search__input" name="query" aria-label="Cerca" placeholder="Cerca">
</div>
        <nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_title" aria-expanded="false">
          <label class="md-nav__title" for="__nav_2" id="__nav_2_title">
<nav class="md-nav md-nav--secondary" aria-label="Indice"><ul><li>
    <nav class="md-nav" role="none">
</li></ul></nav>
<script id="__config" type="application/json">{"base": "../../it/", "search": \
"../../w/language-search.js?worker=search.a7633da7.min.js", "x": "\\u003c/p\\u003e"}</script>
</body></html>"""


def test_compound_nouns_split_into_words_the_text_uses():
    splitter = CompoundSplitter(lexicon([GERMAN_TEXT]), profile("de").compound_linking_elements)
    # Kunde-n-zufriedenheit and Monat-s-wert; "Vielleicht" starts a paragraph, so it is no noun to split.
    assert splitter.parts(GERMAN_TEXT) == ["kunden", "zufriedenheit", "monats", "wert"]
    assert splitter.split("kundenzufriedenheit") == ("kunden", "zufriedenheit")
    assert splitter.split("zufriedenheit") == ()


def test_lexicon_knows_nouns_by_their_capital_letter_inside_a_sentence():
    known = lexicon([GERMAN_TEXT])
    assert {"zufriedenheit", "kunden", "monatswert", "wert"} <= known.nouns
    assert "vielleicht" not in known.nouns and "vielleicht" in known.words
    assert "die" not in known.words  # shorter than a part can be


def test_language_index_is_relative_to_the_language_and_marks_fallback_pages():
    entries = [
        {"location": "it/", "title": "Pagina iniziale", "text": "<p>Benvenuti</p>"},
        {"location": "it/guidelines/people/", "title": "Menschen", "text": "<p>Text</p>"},
        {"location": "it/guidelines/people/#hiring", "title": "Auswahl", "text": "<p>Text</p>"},
    ]
    assert language_index(entries, ITALIAN, ["it/guidelines/people/"], FIELDS) == {
        "config": {"lang": ["it"], "separator": r"[\s\-]+", "pipeline": ["trimmer", "stopWordFilter", "stemmer"],
                   "fields": FIELDS},
        "docs": [
            {"location": "", "title": "Pagina iniziale", "text": "<p>Benvenuti</p>"},
            {"location": "guidelines/people/", "title": "Menschen (Deutsch)", "text": "<p>Text</p>"},
            {"location": "guidelines/people/#hiring", "title": "Auswahl (Deutsch)", "text": "<p>Text</p>"},
        ],
    }


def test_german_index_carries_compound_parts_in_a_field_of_their_own():
    index = language_index([{"location": "", "title": "Start", "text": GERMAN_TEXT}], GERMAN, [], FIELDS)
    assert index["config"]["fields"]["parts"] == {"boost": 1.0}
    assert index["docs"][0]["parts"] == "kunden zufriedenheit monats wert"
    assert index["docs"][0]["text"] == GERMAN_TEXT


def test_an_entry_of_another_language_is_an_error():
    with pytest.raises(SearchEntryError, match="search entry 'fr/' lies outside the 'it' pages at /it/"):
        language_index([{"location": "fr/", "title": "Accueil", "text": ""}], ITALIAN, [], FIELDS)


def test_sitemap_lists_the_urls_escaped():
    assert sitemap_xml(["https://kb.example/it/", "https://kb.example/it/a&b/"]) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "  <url>\n    <loc>https://kb.example/it/</loc>\n  </url>\n"
        "  <url>\n    <loc>https://kb.example/it/a&amp;b/</loc>\n  </url>\n"
        "</urlset>\n"
    )


def test_page_corrections_change_exactly_materials_markup():
    assert correct_page(PAGE, language_root="it/") == CORRECTED_PAGE


def test_default_language_pages_keep_their_base():
    assert '"base": "../.."' in correct_page(PAGE, language_root="")


def test_a_page_without_materials_configuration_is_an_error():
    with pytest.raises(ThemeMarkupError, match="__config"):
        correct_page("<html></html>", language_root="it/")

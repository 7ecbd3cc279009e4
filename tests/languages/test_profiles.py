"""Language profiles: every site language has one, complete, with dates and numbers written its way."""

from __future__ import annotations

import dataclasses
import datetime
import runpy
from pathlib import Path

import pytest

from kbsync.config import load_site_config
from kbsync.errors import ConfigError
from kbsync.languages import UI_KEYS, profile
from kbsync.reading.language_id import may_be

REPO = Path(__file__).resolve().parents[2]
LOCALES = load_site_config(REPO / "mkdocs.yml").locales


@pytest.mark.parametrize("locale", LOCALES)
def test_every_site_language_has_a_complete_profile(locale):
    found = profile(locale)
    assert found.locale == locale
    assert sorted(found.ui) == sorted(UI_KEYS)
    assert all(text.strip() for text in found.ui.values())
    assert len(found.sample.headings) == 5 and len(found.sample.vocabulary.split()) >= 40


def test_a_language_without_a_profile_names_the_file_to_add():
    # `zz`: a code no language has (Spanish, the tests' new language, may one day have its profile).
    with pytest.raises(ConfigError, match=r"add scripts/kbsync/languages/zz\.py with PROFILE"):
        profile("zz")


@pytest.mark.parametrize("locale, day, expected", [
    ("de", datetime.date(2026, 11, 3), "3. November 2026"),
    ("de", datetime.date(2026, 11, 1), "1. November 2026"),
    ("it", datetime.date(2026, 3, 1), "1 marzo 2026"),
    ("fr", datetime.date(2026, 3, 1), "1er mars 2026"),
    ("fr", datetime.date(2026, 3, 2), "2 mars 2026"),
    ("en", datetime.date(2026, 12, 24), "24 December 2026"),
])
def test_dates_are_written_the_readers_way(locale, day, expected):
    assert profile(locale).format_day(day) == expected


def test_percentages_follow_the_language():
    assert [profile(locale).format_percent(94.12) for locale in ("de", "it", "fr", "en")] == [
        "94,1\u00a0%", "94,1%", "94,1\u00a0%", "94.1%"]
    assert profile("de").format_percent(100.0) == "100\u00a0%"
    assert profile("fr").format_percent(0.0) == "0\u00a0%"
    assert profile("en").format_percent(33.35) == "33.4%"


def test_french_interface_strings_put_a_no_break_space_before_colon_semicolon_and_marks():
    """As the French pages do (U+00A0), so that generated text reads like the text around it."""
    french = profile("fr")
    for key, text in french.ui.items():
        assert all(text[at - 1] == "\u00a0" for at, sign in enumerate(text) if sign in ":;?!"), key
    assert french.label_colon == "\u00a0:"
    assert [profile(locale).label_colon for locale in ("de", "it", "en")] == [":", ":", ":"]


def test_decimal_symbols_come_from_babel():
    assert [profile(locale).decimal_symbol for locale in ("de", "it", "fr", "en")] == [",", ",", ",", "."]


def test_signs_of_a_language():
    unsigned = dataclasses.replace(profile("de"), function_words=frozenset(), letters=frozenset())
    assert may_be(unsigned, "Nie jest", ["nie", "jest"])
    assert not may_be(profile("de"), "The quality of service", ["the", "quality", "of", "service"])
    assert may_be(profile("de"), "Die Qualität", ["die", "qualität"])
    assert may_be(profile("de"), "Kalibrierungsrunden regelmäßig", ["kalibrierungsrunden", "regelmäßig"])
    assert not may_be(profile("en"), "Qualità", ["qualità"])


def test_only_a_language_that_writes_compounds_as_one_word_splits_them():
    assert [locale for locale in LOCALES if profile(locale).compound_linking_elements is not None] == ["de"]
    assert profile("de").compound_linking_elements[0] == "", "the parts may join directly"


@pytest.mark.parametrize("value, expected", [
    ("12.5%", {"de": "12,5\u00a0%", "it": "12,5%", "fr": "12,5\u00a0%", "en": "12.5%"}),
    ("0.125%", {"de": "0,125\u00a0%", "it": "0,125%", "fr": "0,125\u00a0%", "en": "0.125%"}),
    ("1000.5", {"de": "1000,5", "it": "1000,5", "fr": "1000,5", "en": "1000.5"}),
    ("2026", {"de": "2026", "it": "2026", "fr": "2026", "en": "2026"}),
    ("12500", {"de": "12.500", "it": "12.500", "fr": "12\u00a0500", "en": "12,500"}),
    ("2026-03-01", {"de": "1. März 2026", "it": "1 marzo 2026", "fr": "1er mars 2026", "en": "1 March 2026"}),
    ("14:30", {"de": "14:30", "it": "14:30", "fr": "14:30", "en": "2:30\u202fPM"}),
])
def test_figures_are_written_the_readers_way(value, expected):
    """A figure's value as kbsync.reading.figures compares it, written for each reader (the changed facts
    of an outdated section): every decimal kept, four digits not grouped, French spaces as on its pages."""
    assert {locale: profile(locale).format_figure(value) for locale in expected} == expected


def test_a_figure_written_for_the_reader_reads_back_as_the_same_figure():
    from kbsync.reading.figures import extract_figures

    for locale in LOCALES:
        for value in ("3", "82.5%", "12500", "2026-11-21", "14:30", "0.5"):
            written = profile(locale).format_figure(value)
            assert [figure.value for figure in extract_figures(written, locale, 1)] == [value], (locale, written)


def test_a_new_languages_dates_with_words_between_day_month_and_year_read_back_whole(monkeypatch):
    # A new language needs nothing but its profile: Spanish writes `21 de noviembre de 2026`, and the
    # figure check reads the date whole from the profile's pattern, not as the numbers 21 and 2026.
    from kbsync.reading import figures

    spanish = runpy.run_path(str(Path(__file__).with_name("spanish_profile.py")))["PROFILE"]

    assert spanish.date_words == ("de",)
    monkeypatch.setattr(figures, "profile_or_none", lambda locale: spanish if locale == "es" else profile(locale))
    figures._locale_data.cache_clear()
    try:
        for value in ("3", "82.5%", "12500", "2026-11-21", "2026-03-01", "14:30"):
            written = spanish.format_figure(value)
            assert [figure.value for figure in figures.extract_figures(written, "es", 1)] == [value], written
    finally:
        figures._locale_data.cache_clear()

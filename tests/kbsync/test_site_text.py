"""The site's interface strings, dates and review rule: every language complete, formats right."""

from __future__ import annotations

import datetime

import pytest

from kbsync.site.page_meta import format_day, format_percent
from kbsync.review import next_review, review_due
from kbsync.ui_text import UI_TEXT, ui_text


def test_every_language_has_every_interface_string():
    keys = {locale: set(strings) for locale, strings in UI_TEXT.items()}
    assert set(keys) == {"de", "it", "fr", "en"}
    assert all(found == keys["de"] for found in keys.values()), {
        locale: sorted(keys["de"] ^ found) for locale, found in keys.items() if found != keys["de"]}
    assert all(len(UI_TEXT[locale]["months"].split()) == 12 for locale in UI_TEXT)


def test_unknown_language_names_the_file_to_extend():
    with pytest.raises(KeyError, match="scripts/kbsync/ui_text.py"):
        ui_text("es")


@pytest.mark.parametrize("locale, day, expected", [
    ("de", datetime.date(2026, 11, 3), "3. November 2026"),
    ("it", datetime.date(2026, 3, 1), "1 marzo 2026"),
    ("fr", datetime.date(2026, 3, 1), "1er mars 2026"),
    ("en", datetime.date(2026, 12, 24), "24 December 2026"),
])
def test_dates_are_written_the_readers_way(locale, day, expected):
    assert format_day(day, locale) == expected


def test_percentages_follow_the_language():
    assert [format_percent(94.12, locale) for locale in ("de", "it", "fr", "en")] == [
        "94,1\u00a0%", "94,1%", "94,1\u202f%", "94.1%"]
    assert format_percent(100.0, "de") == "100\u00a0%"


@pytest.mark.parametrize("reviewed, months, due", [
    ("2026-01-31", 1, datetime.date(2026, 2, 28)),
    ("2024-01-31", 1, datetime.date(2024, 2, 29)),
    ("2026-11-20", 12, datetime.date(2027, 11, 20)),
    ("2026-05-15", 36, datetime.date(2029, 5, 15)),
])
def test_next_review_adds_whole_months(reviewed, months, due):
    assert next_review({"last_reviewed": datetime.date.fromisoformat(reviewed), "review_interval_months": months}) == due


def test_review_is_due_on_its_date_not_before():
    meta = {"last_reviewed": "2026-01-15", "review_interval_months": 6}
    assert review_due(meta, datetime.date(2026, 7, 14)) is None
    assert review_due(meta, datetime.date(2026, 7, 15)) == datetime.date(2026, 7, 15)
    assert next_review({"last_reviewed": "not a date", "review_interval_months": 6}) is None
    assert next_review({"last_reviewed": "2026-01-15", "review_interval_months": True}) is None

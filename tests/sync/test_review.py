"""When a page is due for review: the one rule (kbsync.review) behind KB204 and the site's notice."""

from __future__ import annotations

import datetime

import pytest

from kbsync.review import next_review, review_due


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

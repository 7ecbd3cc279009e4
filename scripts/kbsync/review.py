"""When a page is due for review: the one rule, used by `kbsync check` and by the site's notice.

A page is due once `review_interval_months` whole months have passed since `last_reviewed`.
"""

from __future__ import annotations

import calendar
import datetime
from typing import Any, Mapping


def next_review(front_matter: Mapping[str, Any]) -> datetime.date | None:
    """The date the page is next due, or None when the keys are missing or malformed."""
    reviewed = _as_date(front_matter.get("last_reviewed"))
    months = front_matter.get("review_interval_months")
    if reviewed is None or not isinstance(months, int) or isinstance(months, bool) or months < 1:
        return None
    month_index = reviewed.month - 1 + months
    year, month = reviewed.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(reviewed.day, calendar.monthrange(year, month)[1]))


def review_due(front_matter: Mapping[str, Any], today: datetime.date) -> datetime.date | None:
    """The date the review fell due, if it is on or before `today`; otherwise None."""
    due = next_review(front_matter)
    return due if due is not None and due <= today else None


def _as_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None

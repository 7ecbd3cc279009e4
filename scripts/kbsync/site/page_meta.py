"""What a page's footer says about the page: its owner, when it was last reviewed, when its text last changed.

Plain data from the front matter and git, with dates and numbers written the reader's way.
"""

from __future__ import annotations

import datetime
import functools

from kbsync.ui_text import ui_text

# Month names and number formats come from ui_text rather than Babel: loading Babel's locale
# data cost about 3 % of a whole site build, for four languages' month names.


@functools.lru_cache(maxsize=4096)
def format_day(day: datetime.date, locale: str) -> str:
    """A date as the reader's language writes it in running text (`20. November 2026`)."""
    text = ui_text(locale)
    month = text["months"].split()[day.month - 1]
    return text["date_format"].format(day=text["first_day"] if day.day == 1 else day.day, month=month, year=day.year)


def format_percent(value: float, locale: str) -> str:
    """A percentage with at most one decimal, in the reader's number format (`94,1 %`)."""
    number = f"{value:.1f}".rstrip("0").rstrip(".")
    text = ui_text(locale)
    return text["percent_format"].format(number=number.replace(".", text["decimal_separator"]))


def page_meta(meta: dict, locale: str, text_changed: datetime.date | None = None) -> dict | None:
    """Owner, review date and (where git knows it) the date the page's text last changed.

    None without `owner` and `last_reviewed`.
    """
    owner, reviewed = meta.get("owner"), meta.get("last_reviewed")
    if not owner or not isinstance(reviewed, datetime.date):
        return None
    return {
        "owner": str(owner),
        "last_reviewed": format_day(reviewed, locale),
        "last_reviewed_iso": reviewed.isoformat(),
        "text_changed": format_day(text_changed, locale) if text_changed else None,
        "text_changed_iso": text_changed.isoformat() if text_changed else None,
    }

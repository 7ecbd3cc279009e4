"""What a page's footer says about the page: its owner, when it was last reviewed, when its text last changed.

Plain data from the front matter and git, with dates written the reader's way (its language profile).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kbsync.languages import LanguageProfile


@dataclass(frozen=True)
class PageMeta:
    owner: str
    last_reviewed: str  # as the reader's language writes it
    last_reviewed_iso: str
    text_changed: str | None  # None where git does not know when the text last changed
    text_changed_iso: str | None


def page_meta(meta: dict, profile: LanguageProfile, text_changed: datetime.date | None = None) -> PageMeta | None:
    """Owner, review date and (where git knows it) the date the page's text last changed.

    None without `owner` and `last_reviewed`.
    """
    owner, reviewed = meta.get("owner"), meta.get("last_reviewed")
    if not owner or not isinstance(reviewed, datetime.date):
        return None
    return PageMeta(owner=str(owner), last_reviewed=profile.format_day(reviewed),
                    last_reviewed_iso=reviewed.isoformat(),
                    text_changed=profile.format_day(text_changed) if text_changed else None,
                    text_changed_iso=text_changed.isoformat() if text_changed else None)

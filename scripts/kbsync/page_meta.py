"""What a page's footer says about the page: its owner and when it was last reviewed.

Plain data from the front matter, with the date written the way the reader's language writes it.
"""

from __future__ import annotations

import datetime

from babel.dates import format_date


def page_meta(meta: dict, locale: str) -> dict | None:
    """``{"owner": ..., "last_reviewed": ..., "last_reviewed_iso": ...}``, or None without both keys."""
    owner, reviewed = meta.get("owner"), meta.get("last_reviewed")
    if not owner or not isinstance(reviewed, datetime.date):
        return None
    return {
        "owner": str(owner),
        "last_reviewed": format_date(reviewed, format="long", locale=locale),
        "last_reviewed_iso": reviewed.isoformat(),
    }

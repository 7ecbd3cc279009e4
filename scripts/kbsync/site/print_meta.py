"""What a printed page says about itself: its canonical address, the print date, its version, and
whether it was printed from the preview.

The version is the date the page's text last changed (git, as the footer gives it). The print date
is the day it is printed: the build cannot know it, so the page's small script
(overrides/assets/javascripts/print-meta.js) writes it when the page is shown and again just
before it prints, in the reader's language, from `date_formats`: the profile's own date pattern
(Babel, as every other date of the site) with `{d}`, `{m}` and `{y}` for the script to fill in,
and the month names. Plain data for the theme (overrides/main.html) to render.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
from dataclasses import dataclass

from kbsync.languages import LanguageProfile, profile

_SAMPLE_DAY, _SAMPLE_YEAR = 23, 2099  # digits that appear nowhere else in a written date


@dataclass(frozen=True)
class PrintMeta:
    address: str | None  # the page's canonical address; None where the site has none (no site_url)
    version: str | None  # the date the text last changed, as the reader's language writes it
    version_iso: str | None
    preview: bool  # built by the preview (`make serve`), not the published site
    date_formats: str  # JSON for the print-date script (`date_formats`)


def print_meta(address: str | None, language: LanguageProfile, text_changed: datetime.date | None,
               preview: bool) -> PrintMeta:
    return PrintMeta(address=address, version=language.format_day(text_changed) if text_changed else None,
                     version_iso=text_changed.isoformat() if text_changed else None, preview=preview,
                     date_formats=date_formats(language.locale))


@functools.lru_cache(maxsize=None)
def date_formats(locale: str) -> str:
    """How `locale` writes a date, for the print-date script: `{"day": {"pattern": "{d}. {m} {y}", "months":
    ["Januar", …]}, "first": …}`, "first" (the first of a month) only where the language writes it apart.
    Rendered by Babel, as every other date of the site; what differs between the months is the month."""
    language = profile(locale)

    def written(day: int) -> dict:
        dates = [language.format_day(datetime.date(_SAMPLE_YEAR, month, day))
                 .replace(str(_SAMPLE_YEAR), "{y}").replace(str(day), "{d}", 1) for month in range(1, 13)]
        head = os.path.commonprefix(dates)
        tail = os.path.commonprefix([text[len(head):][::-1] for text in dates])[::-1]
        return {"pattern": head + "{m}" + tail, "months": [text[len(head):len(text) - len(tail)] for text in dates]}

    day = written(_SAMPLE_DAY)
    first = written(1) if language.first_day_pattern else None
    if first and first["months"] == day["months"]:
        del first["months"]  # the script takes the day's
    return json.dumps({"day": day, "first": first}, ensure_ascii=False)

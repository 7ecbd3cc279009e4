"""Review dates: a page past its review date (a warning), a review dated in the future (an error)."""

from __future__ import annotations

import datetime
from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, finding
from kbsync.codes import Code, Severity
from kbsync.model import Finding
from kbsync.review import review_due

CODES = (
    Code("KB204", Severity.WARNING, "review-due",
         "the page is past its review date (last_reviewed + review_interval_months)"),
    Code("KB205", Severity.ERROR, "review-in-future",
         "`last_reviewed` is a date in the future: a review cannot have happened yet (a typo in the date)"),
)


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    page = pair.subject
    if page is None or not page.content.readable:
        return
    line = page.content.key_lines.get("last_reviewed", 1)
    reviewed = _date(page.content.front_matter.get("last_reviewed"))
    if reviewed is not None and reviewed > context.today:
        yield finding(pair, line, "KB205", f"`last_reviewed: {reviewed.isoformat()}` is in the future "
                      f"(today is {context.today.isoformat()}): a review cannot have happened yet; set the "
                      f"date of the last review")
        return
    due = review_due(page.content.front_matter, context.today)
    if due is not None:
        yield finding(pair, line, "KB204", f"review due since {due.isoformat()}: check the page against "
                      f"current practice, then set `last_reviewed:` to the date of the review")


def _date(value: object) -> datetime.date | None:
    """An ISO date as YAML reads it (a date, or quoted text); None for anything else (KB202 reports it)."""
    if type(value) is datetime.date:
        return value
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None

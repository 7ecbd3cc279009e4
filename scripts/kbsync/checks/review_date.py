"""A page past its review date: a warning on the page whose front matter says so."""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, finding
from kbsync.codes import Code, Severity
from kbsync.model import Finding
from kbsync.review import review_due

CODES = (
    Code("KB204", Severity.WARNING, "review-due",
         "the page is past its review date (last_reviewed + review_interval_months)"),
)


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    page = pair.subject
    if page is None or not page.content.readable:
        return
    due = review_due(page.content.front_matter, context.today)
    if due is not None:
        line = page.content.key_lines.get("last_reviewed", 1)
        yield finding(pair, line, "KB204", f"review due since {due.isoformat()}: check the page against "
                      f"current practice, then set `last_reviewed:` to the date of the review")

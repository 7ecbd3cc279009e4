"""What reading a page found wrong: encoding, line endings, front matter YAML, heading IDs."""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, finding
from kbsync.model import Finding


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    page = pair.subject
    if page is None:
        return
    for problem in page.content.problems:
        yield finding(pair, problem.line, problem.code, problem.message)

"""What reading a page found wrong: encoding, line endings, front matter YAML, heading IDs.

The reading layer records each problem by the name of its code (`invalid-utf8`); this module
declares those codes and is the one place that links a name to its code. It must not read
anything itself: the problems come with the page.
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, finding
from kbsync.codes import Code, Severity
from kbsync.model import Finding, Problem

CODES = (
    Code("KB101", Severity.ERROR, "invalid-utf8", "the file is not valid UTF-8", blocks_editing=True),
    Code("KB102", Severity.ERROR, "binary-file", "the file is binary (it contains NUL bytes)",
         blocks_editing=True),
    Code("KB103", Severity.ERROR, "file-too-large", "the file is larger than kbsync reads",
         blocks_editing=True),
    Code("KB104", Severity.ERROR, "empty-file", "the file is empty", blocks_editing=True),
    Code("KB105", Severity.WARNING, "byte-order-mark", "the file starts with a UTF-8 byte order mark"),
    Code("KB106", Severity.WARNING, "crlf-line-endings", "the file has CRLF line endings"),
    Code("KB107", Severity.ERROR, "front-matter-yaml",
         "the front matter is not valid YAML or not a mapping", blocks_editing=True),
    Code("KB108", Severity.ERROR, "heading-without-id",
         "a heading from level 2 down has no explicit {#id}"),
    Code("KB109", Severity.ERROR, "duplicate-heading-id",
         "two headings share an ID, or a heading uses a reserved ID", blocks_editing=True),
    Code("KB110", Severity.ERROR, "setext-heading",
         "an underlined (setext) heading; write it as `## Title {#id}`"),
    Code("KB113", Severity.ERROR, "nesting-too-deep",
         "lists, quotes or HTML nest deeper than kbsync and the site read", blocks_editing=True),
    Code("KB114", Severity.ERROR, "unclosed-brackets",
         "a paragraph leaves more `[` open than the Markdown parser reads in reasonable time",
         blocks_editing=True),
)

#: Problems that make a page unsafe to publish: the site would show it raw or broken, or not
#: get through it (kbsync.site.state stops the build on them before anything is rendered).
UNPUBLISHABLE = frozenset(("invalid-utf8", "binary-file", "file-too-large", "front-matter-yaml",
                           "nesting-too-deep", "unclosed-brackets"))

_BY_NAME = {code.name: code for code in CODES}


def code_of(problem: Problem) -> Code:
    """The declared code of a problem the reading layer recorded by name."""
    return _BY_NAME[problem.name]


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    page = pair.subject
    if page is None:
        return
    for problem in page.content.problems:
        yield finding(pair, problem.line, code_of(problem).code, problem.message)

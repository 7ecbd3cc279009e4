"""Heading IDs in lowercase ASCII kebab-case (`quality-indicators`), on every page.

An ID with capitals, an underscore or a non-ASCII letter is read by Python-Markdown as written,
then links and the language switch miss it; an ID with a space (`{#my id}`) leaves the heading
with an empty `id` attribute, which the table of contents cannot handle. The fix is the ID in
kebab-case, the same in every language.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, finding
from kbsync.codes import Code, Severity
from kbsync.model import Finding, PageContent

CODES = (
    Code("KB306", Severity.ERROR, "heading-id-syntax",
         "a heading ID is not lowercase ASCII kebab-case (`quality-indicators`)"),
)

KEBAB_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The attribute list closing a heading line (`## Title {#an id}`), as attr_list finds it, from the
# `#` of the ID to the closing brace.
ATTRIBUTES_RE = re.compile(r"\{:?[ \t]*#([^{}\n]*)\}[ \t]*#*[ \t]*$")


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    page = pair.subject
    if page is None or not page.content.readable:
        return
    lines = _RawLines(page.content)
    for heading in page.content.headings:
        written = _written_id(lines.text(heading.line)) or heading.id
        if not written or KEBAB_RE.fullmatch(written):
            continue  # no ID at all: page_reading reports a heading without one (KB108)
        yield finding(pair, heading.line, "KB306", f"heading ID `{written}` is not lowercase ASCII "
                      f"kebab-case: write `{{#{kebab_case(written)}}}`, the same in every language")


def _written_id(line: str) -> str | None:
    """The ID as written in the heading line's `{#...}`: its first word and the bare words after it
    (`{#my id .note}` -> `my id`), which attr_list would read as attributes, not as the ID."""
    match = ATTRIBUTES_RE.match(line, max(line.rfind("{"), 0))  # the last brace: linear on any line
    words = match.group(1).split() if match else []
    if not words:
        return None
    taken = [words[0]]
    for word in words[1:]:
        if word.startswith((".", "#")) or "=" in word:
            break
        taken.append(word)
    return " ".join(taken)


def kebab_case(text: str) -> str:
    """`text` as an ID: accents dropped, lower case, runs of other characters one hyphen (`Qualità
    Basics` -> `qualita-basics`); `section` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower())) or "section"


class _RawLines:
    """Lines of the file by number, from the raw text of the sections (each split once, when asked)."""

    def __init__(self, content: PageContent):
        self.sections = content.sections
        self.starts = [section.line for section in content.sections]
        self.split: dict[int, list[str]] = {}

    def text(self, line: int) -> str:
        index = bisect.bisect_right(self.starts, line) - 1
        if index < 0:
            return ""
        if index not in self.split:
            self.split[index] = self.sections[index].raw.split("\n")
        lines = self.split[index]
        offset = line - self.starts[index]
        return lines[offset] if offset < len(lines) else ""

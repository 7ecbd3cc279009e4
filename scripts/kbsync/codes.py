"""The finding codes: one table for every check, the formatters and the README.

A check never invents a code or a severity; it names a code from `CODES`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """Levels of a finding, ordered: `--fail-on L` fails on L and everything above it."""

    OUTDATED = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> Severity:
        return cls[label.upper()]


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    name: str
    summary: str


def _table(*rows: tuple[str, Severity, str, str]) -> dict[str, Code]:
    return {row[0]: Code(*row) for row in rows}


E, W, O = Severity.ERROR, Severity.WARNING, Severity.OUTDATED

CODES: dict[str, Code] = _table(
    ("KB101", E, "invalid-utf8", "the file is not valid UTF-8"),
    ("KB102", E, "binary-file", "the file is binary (it contains NUL bytes)"),
    ("KB103", E, "file-too-large", "the file is larger than kbsync reads"),
    ("KB104", E, "empty-file", "the file is empty"),
    ("KB105", W, "byte-order-mark", "the file starts with a UTF-8 byte order mark"),
    ("KB106", W, "crlf-line-endings", "the file has CRLF line endings"),
    ("KB107", E, "front-matter-yaml", "the front matter is not valid YAML or not a mapping"),
    ("KB108", E, "heading-without-id", "a heading from level 2 down has no explicit {#id}"),
    ("KB109", E, "duplicate-heading-id", "two headings share an ID, or a heading uses a reserved ID"),
    ("KB110", E, "setext-heading", "an underlined (setext) heading; write it as `## Title {#id}`"),
    ("KB111", W, "unknown-language-folder", "a folder in docs/ looks like a language mkdocs.yml does not list"),
    ("KB112", W, "missing-language-folder", "a language of mkdocs.yml has no folder in docs/"),
    ("KB201", E, "front-matter-missing", "the page has no YAML front matter"),
    ("KB202", E, "front-matter-invalid", "a front matter key is missing or not in the expected form"),
    ("KB203", E, "provenance-invalid", "the l10n key is malformed, or sits on a source page"),
    ("KB204", W, "review-due", "the page is past its review date (last_reviewed + review_interval_months)"),
    ("KB301", E, "section-order", "the translation orders its sections differently from the source"),
    ("KB302", E, "section-level", "a section's heading level differs from the source"),
    ("KB303", E, "unknown-section", "a section ID the source never had"),
    ("KB304", E, "dropped-section", "a section synced before is missing from the translation"),
    ("KB305", E, "block-count", "a section has a different number of list items, table rows, "
     "admonitions, images or code blocks"),
    ("KB401", E, "link-missing", "a link target of the source section is missing in the translation"),
    ("KB402", E, "link-extra", "the translation links to a target the source section does not"),
    ("KB403", E, "link-wrong-language", "an internal link leads to another language's page "
     "although the page exists in the translation's language"),
    ("KB404", W, "external-link-differs", "an external link differs from the source"),
    ("KB501", E, "figure-missing", "a number, percentage or date of the source is missing"),
    ("KB502", E, "figure-extra", "a number, percentage or date the source does not have"),
    ("KB601", E, "forbidden-term", "a variant the termbase forbids"),
    ("KB602", W, "approved-term-missing", "the source uses a concept; the translation lacks its approved term"),
    ("KB701", W, "identical-to-source", "a paragraph identical to the source"),
    ("KB702", W, "source-language", "a paragraph recognised as the source language"),
    ("KB901", E, "published-page-gone", "a published page no longer exists and has no redirect"),
    ("KB902", E, "published-section-gone", "a published section ID no longer exists and has no alias"),
    ("KB801", O, "outdated", "the source section changed since the recorded fingerprint"),
    ("KB802", O, "new-in-source", "the source has a section the translation lacks"),
    ("KB803", O, "removed-in-source", "the translation has a section the source removed"),
    ("KB804", O, "untracked", "no provenance recorded for the page or section"),
    ("KB805", O, "missing-page", "the translation does not exist; the site shows the German fallback"),
    ("KB806", O, "orphan-page", "the translation has no source page"),
    ("KB807", O, "moved-in-source", "the source moved a section since the translation was synced"),
)

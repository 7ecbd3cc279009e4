"""Front matter against schemas/front-matter.schema.json; `l10n` only on translated pages.

`local_sections` is checked by checks/local_sections.py (KB31x), against the same schema."""

from __future__ import annotations

from typing import Iterator

from kbsync.reading.analysis import PROVENANCE_KEY, SOURCE_SECTIONS_KEY
from kbsync.checks.context import CheckContext, Pair, finding
from kbsync.codes import Code, Severity
from kbsync.reading.front_matter import json_ready
from kbsync.model import LOCAL_KEY, Finding, Provenance
from kbsync.reading.schemas import validate

CODES = (
    Code("KB201", Severity.ERROR, "front-matter-missing", "the page has no YAML front matter"),
    Code("KB202", Severity.ERROR, "front-matter-invalid",
         "a front matter key is missing or not in the expected form"),
    Code("KB203", Severity.ERROR, "provenance-invalid",
         "the l10n key is malformed, or sits on a source page"),
)


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    page = pair.subject
    if page is None or not page.content.readable:
        return
    content = page.content
    if not content.has_front_matter:
        yield finding(pair, 1, "KB201", "no front matter: start the page with `---`, the keys "
                      "title, description, owner, last_reviewed, review_interval_months, and `---`")
        return
    if any(problem.name == "front-matter-yaml" for problem in content.problems):
        return  # the YAML itself is broken; page_reading reports where
    front_matter = dict(content.front_matter)
    if content.provenance is not None:
        # Read already (analysis.read_provenance follows the schema and keeps each malformed
        # entry with its line); the schema's check of every fingerprint would be most of the
        # cost of validating the page, and would name the key's line, not the entry's.
        del front_matter[PROVENANCE_KEY]
        if not pair.is_source:
            yield from _malformed_entries(pair, content.provenance)
    for problem in validate("front-matter.schema.json", json_ready(front_matter)):
        key = problem.path[0] if problem.path else ""
        if key == LOCAL_KEY:
            continue
        line = content.key_lines.get(str(key), 1)
        if key == PROVENANCE_KEY:
            if not pair.is_source:
                yield finding(pair, line, "KB203", f"front matter `{problem.key_path}`: {problem.message}"
                              f"; run `kbsync sync {pair.lang} {pair.page}` to rewrite it")
            continue
        yield finding(pair, line, "KB202", f"front matter `{problem.key_path}`: {problem.message}")
    if pair.is_source and PROVENANCE_KEY in content.front_matter:
        yield finding(pair, content.key_lines[PROVENANCE_KEY], "KB203",
                      f"`{PROVENANCE_KEY}` belongs on translated pages only: remove it from the "
                      "source page")


def _malformed_entries(pair: Pair, provenance: Provenance) -> Iterator[Finding]:
    again = f"kbsync sync {pair.lang} {pair.page}"
    for entry in provenance.malformed:
        if entry.key != SOURCE_SECTIONS_KEY:
            where = f"`{PROVENANCE_KEY}.{entry.key}" + (f".{entry.section_id}`" if entry.section_id else "`")
            yield finding(pair, entry.line, "KB203",
                          f"front matter {where}: `{entry.value}` is not a record "
                          "`{by: NAME, date: YYYY-MM-DD}`: kbsync writes these; restore the entry "
                          "from git history or remove it", entry.section_id or None)
            continue
        if not entry.section_id:
            yield finding(pair, entry.line, "KB203", f"front matter `{PROVENANCE_KEY}.source_sections`: "
                          f"an entry without a section ID: run `{again}` to record every section again")
            continue
        what = f"`{entry.value}` is not a fingerprint" if entry.value else "no fingerprint"
        yield finding(pair, entry.line, "KB203",
                      f"front matter `{PROVENANCE_KEY}.source_sections.{entry.section_id}`: {what}: "
                      f"when the section matches the source, run `{again} --section "
                      f"{entry.section_id}`, or `{again}` to record every section again",
                      entry.section_id)

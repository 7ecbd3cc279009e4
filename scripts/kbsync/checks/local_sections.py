"""Local sections: rules of one market, in its language only, checked by their own rules.

A translated page may hold sections that exist only in its language and market, marked on the
heading (`## Reclami: termini in Italia {#local-complaint-deadlines .local}`) and entered in the
page's front matter under `local_sections` with their owner (the market's compliance function),
review date, review interval and the group section they add to. They have no source section, so
nothing compares them with German (kbsync.status leaves them out); this module checks what they
must be instead: an ID of their own, a place right after the group section they add to, an owner
and a review date, a review that is not overdue; and no local section on the source page, which is
the group text. The forbidden-terms check reads them like any section (checks/terms.py).

It decides nothing about drift and reports no problem of the group sections around them.
"""

from __future__ import annotations

import datetime
from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, finding
from kbsync.checks.heading_ids import KEBAB_RE
from kbsync.codes import Code, Severity
from kbsync.model import (ALIASES_KEY, INTRO_ID, LOCAL_ID_PREFIX, LOCAL_KEY, RETIRED_KEY, Finding, LocalEntry, Page,
                          PageContent, Section)
from kbsync.reading.front_matter import json_ready
from kbsync.reading.schemas import validate
from kbsync.review import next_review

CODES = (
    Code("KB310", Severity.ERROR, "local-section-id",
         "a local section's ID does not start with `local-`, or is an ID of the source page"),
    Code("KB311", Severity.ERROR, "local-section-placement",
         "a local section does not come right after the group section its `adds_to` names, or that "
         "section is not on the page"),
    Code("KB312", Severity.ERROR, "local-section-record",
         "a local section has no owner or review date (its `local_sections` entry is missing, incomplete "
         "or not in the expected form, or dated in the future)"),
    Code("KB313", Severity.WARNING, "local-review-due",
         "a local section is past its review date (its `last_reviewed` + `review_interval_months`)"),
    Code("KB314", Severity.ERROR, "local-section-on-source",
         "a `.local` heading, a `local-` section ID or `local_sections` on a source page: the source is "
         "the group text"),
    Code("KB315", Severity.ERROR, "local-entry-without-section",
         "a `local_sections` entry names no `.local` heading of the page"),
)

ENTRY_FORM = ("`{id}: {{owner: <compliance function>, last_reviewed: YYYY-MM-DD, review_interval_months: 12, "
              "adds_to: <group section ID>}}`")


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    page = pair.subject
    if page is None or not page.content.readable:
        return
    if pair.is_source:
        yield from _on_source(pair, page.content)
        return
    content = page.content
    yield from _entry_form(pair, content)
    source_ids = _source_ids(pair.source) if pair.source is not None else frozenset()
    spans, following = _spans(content.sections), _following(content.sections)
    headed = set()
    for index, section in enumerate(content.sections):
        if not section.local:
            continue
        headed.add(section.id)
        yield from _id_rules(pair, section, source_ids)
        entry = content.local_entry(section.id)
        if entry is None:
            yield finding(pair, section.line, "KB312", f"local section `{section.id}` has no owner or "
                          f"review date: add it to `{LOCAL_KEY}:` in the front matter as "
                          f"{ENTRY_FORM.format(id=section.id)}", section.id)
            continue
        yield from _review(pair, section, entry, context.today)
        yield from _placement(pair, content, index, section, entry, spans, following[index])
    for entry in content.local_entries:
        if entry.id in headed:
            continue
        if entry.id in content.section_ids:
            yield finding(pair, entry.line, "KB315", f"`{LOCAL_KEY}.{entry.id}`: the heading `{{#{entry.id}}}` "
                          f"is not marked local: write `{{#{entry.id} .local}}`", entry.id or None)
        else:
            yield finding(pair, entry.line, "KB315", f"`{LOCAL_KEY}.{entry.id}` names no section of this "
                          f"page: add the heading `{{#{entry.id} .local}}` or remove the entry", entry.id or None)


def _on_source(pair: Pair, content: PageContent) -> Iterator[Finding]:
    """The source page is the group text: what applies in one market only belongs in its translation."""
    move = "the group text applies in every market; a local rule goes into the translation of its market"
    for heading in content.headings:
        if heading.local and heading.level > 1:
            yield finding(pair, heading.line, "KB314", f"heading `{heading.id or heading.title}` is marked "
                          f"`.local` on the source page: {move}", heading.id)
        elif heading.id and heading.level > 1 and heading.id.startswith(LOCAL_ID_PREFIX):
            yield finding(pair, heading.line, "KB314", f"section ID `{heading.id}` starts with "
                          f"`{LOCAL_ID_PREFIX}`, which is kept for local sections of translations: "
                          "give the section another ID", heading.id)
    if LOCAL_KEY in content.front_matter:
        yield finding(pair, content.key_lines.get(LOCAL_KEY, 1), "KB314", f"`{LOCAL_KEY}` on the source "
                      f"page: {move}; remove the key")


def _entry_form(pair: Pair, content: PageContent) -> Iterator[Finding]:
    """`local_sections` against the front matter schema (which front_matter.py leaves to this check)."""
    if LOCAL_KEY not in content.front_matter:
        return
    for problem in validate("front-matter.schema.json", {LOCAL_KEY: json_ready(content.front_matter[LOCAL_KEY])}):
        if not problem.path or problem.path[0] != LOCAL_KEY:
            continue  # the keys this partial document lacks: front_matter.py checks the page's own
        section_id = str(problem.path[1]) if len(problem.path) > 1 else None
        entry = content.local_entry(section_id) if section_id is not None else None
        line = entry.line if entry is not None else content.key_lines.get(LOCAL_KEY, 1)
        code = "KB311" if len(problem.path) > 2 and problem.path[2] == "adds_to" else "KB312"
        yield finding(pair, line, code, f"front matter `{problem.key_path}`: {problem.message}", section_id)


def _id_rules(pair: Pair, section: Section, source_ids: frozenset[str]) -> Iterator[Finding]:
    if not KEBAB_RE.fullmatch(section.id):
        return  # heading_ids reports it (KB306), with the ID to write
    if not section.id.startswith(LOCAL_ID_PREFIX):
        yield finding(pair, section.line, "KB310", f"local section ID `{section.id}` does not start with "
                      f"`{LOCAL_ID_PREFIX}`: write `{{#{LOCAL_ID_PREFIX}{section.id} .local}}` (and the same key "
                      f"in `{LOCAL_KEY}`), so that no section of the source can ever take it", section.id)
    if section.id in source_ids:
        yield finding(pair, section.line, "KB310", f"local section ID `{section.id}` is an ID of the source "
                      f"page: give the local section an ID of its own; if this is the group section, "
                      f"remove `.local`", section.id)


def _source_ids(source: Page) -> frozenset[str]:
    """The IDs a local section must not take: the source's heading IDs and its former section IDs."""
    front = source.content.front_matter
    former = [old for key in (ALIASES_KEY, RETIRED_KEY) if isinstance(front.get(key), dict) for old in front[key]]
    return frozenset([*(heading.id for heading in source.content.headings if heading.id), *map(str, former)])


def _review(pair: Pair, section: Section, entry: LocalEntry, today: datetime.date) -> Iterator[Finding]:
    if entry.last_reviewed is not None and entry.last_reviewed > today:
        yield finding(pair, entry.line, "KB312", f"`{LOCAL_KEY}.{entry.id}.last_reviewed: "
                      f"{entry.last_reviewed.isoformat()}` is in the future (today is {today.isoformat()}): "
                      "set the date of the last review", section.id)
        return
    due = next_review(entry.review_fields)
    if due is not None and due <= today:
        yield finding(pair, entry.line, "KB313", f"local section `{section.id}`: review due since "
                      f"{due.isoformat()}: check it against the current local rule, then set "
                      f"`{LOCAL_KEY}.{entry.id}.last_reviewed:` to the date of the review", section.id)


def _placement(pair: Pair, content: PageContent, index: int, section: Section, entry: LocalEntry,
               spans: dict[int, tuple[int, int]], following: Section | None) -> Iterator[Finding]:
    """Right after the group section it adds to: after that section (and its subsections), before the
    next group section at the same level or above; and no group section below it as its subsection."""
    if entry.adds_to is None or not KEBAB_RE.fullmatch(entry.adds_to):
        return  # missing or malformed: _entry_form reports it
    target = content.section(entry.adds_to) if entry.adds_to != INTRO_ID else None
    if target is None:
        yield finding(pair, entry.line, "KB311", f"`{LOCAL_KEY}.{entry.id}.adds_to: {entry.adds_to}` is no "
                      f"section of this page: name the group section the local section adds to", section.id)
        return
    start, end = spans[id(target)]
    if not start < index < end:
        yield finding(pair, section.line, "KB311", f"local section `{section.id}` adds to `{entry.adds_to}` "
                      f"but does not follow it: move it to right after section `{entry.adds_to}` "
                      "(after its subsections, before the next section at its level)", section.id)
    elif following is not None and following.level > section.level:
        yield finding(pair, section.line, "KB311", f"local section `{section.id}` is a level-{section.level} "
                      f"heading followed by the level-{following.level} group section `{following.id}`, which "
                      f"would read as part of it: move the local section after `{following.id}`, or make its "
                      f"heading level {following.level}", section.id)


def _following(sections: tuple[Section, ...]) -> list[Section | None]:
    """For each position: the next group section after it, or None. One pass from the end."""
    found: list[Section | None] = [None] * len(sections)
    upcoming = None
    for index in range(len(sections) - 1, -1, -1):
        found[index] = upcoming
        if not sections[index].local:
            upcoming = sections[index]
    return found


def _spans(sections: tuple[Section, ...]) -> dict[int, tuple[int, int]]:
    """For each group section (by object id): its index, and the index of the next group section at
    its level or above (or the end of the page). One pass with a stack: linear in the page."""
    spans: dict[int, tuple[int, int]] = {}
    open_sections: list[tuple[int, Section]] = []  # levels increase from bottom to top
    for index, section in enumerate(sections):
        if section.local:
            continue
        while open_sections and open_sections[-1][1].level >= section.level:
            start, closed = open_sections.pop()
            spans[id(closed)] = (start, index)
        open_sections.append((index, section))
    for start, section in open_sections:
        spans[id(section)] = (start, len(sections))
    return spans

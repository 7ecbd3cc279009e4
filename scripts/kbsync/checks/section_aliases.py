"""Former section IDs in a page's front matter: `section_aliases` lead to a section of the page, and
no former ID is still in use.

A run check, because it names each entry at its own line, which the page outline keeps
(checks/runner.py). `section_aliases: {old-id: new-id}` keeps `#old-id` working for a section that
was renamed: `new-id` must be a section of the same page. `retired_sections` (checks/
retired_sections.py validates where they lead) and `section_aliases` belong on the source page:
the site reads them there for every language.
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.anchors import closest
from kbsync.checks.context import RunContext
from kbsync.codes import Code, Severity
from kbsync.model import ALIASES_KEY, RETIRED_KEY, Finding, FormerSection, PageOutline
from kbsync.pairing import display_path

CODES = (
    Code("KB206", Severity.ERROR, "alias-target-missing",
         "a `section_aliases` entry leads to a section ID the page does not have"),
    Code("KB207", Severity.ERROR, "former-id-in-use", "an ID of `section_aliases` or `retired_sections` is "
         "still a heading ID of the page, or is listed in both"),
    Code("KB208", Severity.ERROR, "former-ids-on-translation",
         "`section_aliases` or `retired_sections` on a translated page (they belong on the source page)"),
)


def check_run(context: RunContext) -> Iterator[Finding]:
    config = context.config
    source = config.source_lang
    for (lang, page), outline in context.outlines.items():
        if not outline.former:
            continue
        path = display_path(config, lang, page)
        if lang != source:
            for key, first in _first_of_each_key(outline.former):
                yield Finding(path=path, line=first.line, code="KB208", lang=lang, message=(
                    f"`{key}` belongs on the source page only; the site reads it from "
                    f"{display_path(config, source, page)} for every language: move it there"))
            continue
        yield from _source_findings(path, outline, lang)


def _source_findings(path: str, outline: PageOutline, lang: str) -> Iterator[Finding]:
    sections = [section_id for section_id, _ in outline.sections]
    present = set(sections).union(outline.heading_ids)
    retired = {former.id for former in outline.retired}
    for former in outline.former:
        key = RETIRED_KEY if former.retired else ALIASES_KEY
        if former.id in present:
            yield Finding(path=path, line=former.line, code="KB207", lang=lang, message=(
                f"`{key}`: `{former.id}` is still a heading ID of this page: remove the entry, or give "
                f"the heading its new ID"))
        elif not former.retired and former.id in retired:
            yield Finding(path=path, line=former.line, code="KB207", lang=lang, message=(
                f"`{former.id}` is in both `{ALIASES_KEY}` and `{RETIRED_KEY}`: keep it in one, "
                f"`{ALIASES_KEY}` if its section was renamed, `{RETIRED_KEY}` if it is gone"))
        if not former.retired and former.target not in present:
            close = closest(former.target, sections)
            hint = f"did you mean `{close}`?" if close else (
                f"name one of its section IDs, or retire `{former.id}` with `{RETIRED_KEY}: "
                f"{{{former.id}: page.md#section}}` if its content went elsewhere")
            yield Finding(path=path, line=former.line, code="KB206", lang=lang, message=(
                f"`{ALIASES_KEY}: {{{former.id}: {former.target}}}`: this page has no section "
                f"`{former.target}`: {hint}"))


def _first_of_each_key(former: tuple[FormerSection, ...]) -> list[tuple[str, FormerSection]]:
    first: dict[str, FormerSection] = {}
    for item in former:
        first.setdefault(RETIRED_KEY if item.retired else ALIASES_KEY, item)
    return list(first.items())

"""A concept's `group` names a heading of the glossary page.

The site puts a concept's entry (its definition in every language) under the glossary heading whose
ID is the concept's `group` (site/glossary.py). With a group the page has no heading for, the entry
would simply not be there: the definitions written for it are left out without a word. Reported at
the group's line in the termbase file, with the headings there are. Every language's glossary has
the source's heading IDs (the structure check), so the source page is the one compared.
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import RunContext
from kbsync.codes import Code, Severity
from kbsync.model import Finding

CODES = (
    Code("KB409", Severity.ERROR, "termbase-group-unknown",
         "a concept's `group` is not the ID of a heading on the glossary page, so its entry would be left out"),
)


def check_run(context: RunContext) -> Iterator[Finding]:
    config = context.config
    glossary = config.kbsync.glossary_page
    outline = context.outlines.get((config.source_lang, glossary))
    if outline is None:
        return  # the glossary page was not read in this run (or is missing: the page checks say so)
    headings = [section_id for section_id, _ in outline.sections]
    known = set(headings)
    shown = config.relative(config.termbase_path)
    for item in context.termbase.groups:
        if item.group not in known:
            yield Finding(path=shown, line=item.line, code="KB409", lang=config.source_lang,
                          message=f"concept `{item.concept}`: group `{item.group}` is not a heading of "
                                  f"{config.docs_prefix}/{config.source_lang}/{glossary}, so its glossary entry "
                                  f"would be left out; use one of {', '.join(f'`{h}`' for h in headings)}")

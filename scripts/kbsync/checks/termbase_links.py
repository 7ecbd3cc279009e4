"""Links in the termbase's definitions lead to a page that exists and a section ID it has.

A run check: the site renders each definition on the glossary page of its language, so a link is
resolved from there (`metrics/nps.md#scale`, relative to glossary.md) like a link of that page
(checks/anchors.py), and reported at its line in the termbase file, where the fix goes, rather
than on the glossary page that `mkdocs build --strict` would name.
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.anchors import PAGE_MISSING, link_problem, page_link
from kbsync.checks.context import RunContext
from kbsync.codes import Code, Severity
from kbsync.model import Finding, Link
from kbsync.reading.markdown_reader import EXTERNAL_RE

CODES = (
    Code("KB407", Severity.ERROR, "termbase-link-page-missing",
         "a link in a termbase definition leads to a page that does not exist"),
    Code("KB408", Severity.ERROR, "termbase-link-anchor-missing",
         "a link in a termbase definition names a section ID (`#id`) its target page does not have"),
)



def check_run(context: RunContext) -> Iterator[Finding]:
    config = context.config
    shown = config.relative(config.termbase_path)
    glossary = config.kbsync.glossary_page
    locales = set(config.locales)
    for item in context.termbase.links:
        if item.lang not in locales:
            continue  # not a language of the site: loading the termbase reports it
        link = page_link(Link(item.target, item.line, bool(EXTERNAL_RE.match(item.target))), item.lang, glossary,
                         config.locales)
        problem = link_problem(context, link, item.lang) if link is not None else None
        if problem is not None:
            kind, message = problem
            yield Finding(path=shown, line=item.line, code="KB407" if kind == PAGE_MISSING else "KB408", lang=item.lang,
                          message=f"concept `{item.concept}`, {item.lang} definition: {message} "
                                  f"(links are relative to {glossary})")

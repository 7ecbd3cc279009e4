"""Internal links lead to a page that exists and, with `#id`, to a heading ID that page has.

A run check over the outlines of the pages read in this run: a link is resolved like
checks/links.py resolves it (`../metrics/nps.md#scale` from docs/it/guidelines/x.md is the Italian
NPS page, or the German one where the Italian page is missing, as on the site), and its anchor is
looked up among the target page's heading IDs (on the glossary also the termbase's concept IDs).
A target page this run did not read is only checked for existence. A former ID kept by
`section_aliases` or `retired_sections` is an anchor for links from outside, not for links inside
the knowledge base: `mkdocs build --strict` checks links against the IDs of the Markdown, so such a
link is reported with the ID to link instead.
"""

from __future__ import annotations

import difflib
from typing import Iterator
from urllib.parse import unquote

from kbsync.checks.context import RunContext
from kbsync.checks.links import resolve
from kbsync.codes import Code, Severity
from kbsync.model import Finding, Link, PageOutline
from kbsync.pairing import display_path

CODES = (
    Code("KB405", Severity.ERROR, "link-page-missing", "an internal link leads to a page that does not exist"),
    Code("KB406", Severity.ERROR, "link-anchor-missing",
         "an internal link names a section ID (`#id`) its target page does not have"),
)

PAGE_MISSING, ANCHOR_MISSING = "page-missing", "anchor-missing"


def check_run(context: RunContext) -> Iterator[Finding]:
    config = context.config
    for (lang, page), outline in sorted(context.outlines.items()):
        path = display_path(config, lang, page)
        for link in outline.links:
            problem = link_problem(context, link, lang, page)
            if problem is not None:
                kind, message = problem
                yield Finding(path=path, line=link.line, code="KB405" if kind == PAGE_MISSING else "KB406",
                              lang=lang, message=message)


def leads_to_page(target: str) -> bool:
    """Whether an internal link target names a page of the site (`x.md`, `x.md#id`) or an anchor of
    its own page (`#id`); links to other files (`img.png`) and folders are not this check's."""
    path = target.partition("#")[0]
    return path.endswith(".md") if path else len(target) > 1


def link_problem(context: RunContext, link: Link, lang: str, page: str) -> tuple[str, str] | None:
    """(PAGE_MISSING or ANCHOR_MISSING, message) when `link`, on `page` in `lang`, leads nowhere; None
    when it is fine or cannot be checked in this run. Shared with the termbase's links
    (checks/termbase_links.py), which report the same problems under codes of their own."""
    config = context.config
    if link.target.startswith("/"):
        return None  # an absolute link: the site leaves it as written (MkDocs' `absolute_links`)
    target = resolve(link, lang, page, config.locales)
    target_page, _, anchor = target.neutral.partition("#")
    target_page = target_page or page  # `#id`: this page
    if target.lang is None and not link.target.startswith("#"):
        return PAGE_MISSING, (f"`{link.target}` leads to {config.docs_prefix}/{target_page}, outside the "
                              "language folders: link a page of the same language folder")
    target_lang = target.lang or lang
    if not context.page_exists(target_lang, target_page):
        moved = config.kbsync.redirects.get(target_page)
        if moved is not None:
            return PAGE_MISSING, (f"`{link.target}` leads to {display_path(config, target_lang, target_page)}, "
                                  f"which moved to `{moved}` (redirects in mkdocs.yml): link `{moved}`")
        elsewhere = "" if target_lang == config.source_lang else \
            f" (nor in {config.docs_prefix}/{config.source_lang}/)"
        return PAGE_MISSING, (f"`{link.target}` leads to {display_path(config, target_lang, target_page)}, "
                              f"which does not exist{elsewhere}: link an existing page")
    if not anchor:
        return None
    outline = context.shown_outline(target_lang, target_page)
    anchor = unquote(anchor)
    if outline is None or anchor in context.anchors(outline):
        return None
    return ANCHOR_MISSING, f"`{link.target}`: {anchor_hint(context, outline, anchor)}"


def anchor_hint(context: RunContext, outline: PageOutline, anchor: str) -> str:
    """Why `#anchor` is not on the page of `outline`, and what to link instead."""
    source = context.shown_outline(context.config.source_lang, outline.page) or outline
    where = display_path(context.config, outline.lang, outline.page)
    former = next((item for item in source.former if item.id == anchor), None)
    if former is not None and former.retired:
        return (f"section `{anchor}` of {where} was retired (retired_sections: its content is now in "
                f"`{former.target}`): link `{former.target}`")
    if former is not None:
        return (f"`{anchor}` is a former ID of section `{former.target}` of {where} (section_aliases): "
                f"link `#{former.target}`")
    close = difflib.get_close_matches(anchor, sorted(context.anchors(outline)), n=1)
    hint = f"did you mean `#{close[0]}`?" if close else "link one of its heading IDs"
    return f"{where} has no heading with the ID `{anchor}`: {hint}"

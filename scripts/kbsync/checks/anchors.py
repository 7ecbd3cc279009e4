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
from typing import Collection, Iterator
from urllib.parse import unquote

from kbsync.checks.context import RunContext
from kbsync.checks.links import resolve
from kbsync.codes import Code, Severity
from kbsync.model import Finding, Link, PageLink, PageOutline
from kbsync.pairing import display_path

CODES = (
    Code("KB405", Severity.ERROR, "link-page-missing", "an internal link leads to a page that does not exist"),
    Code("KB406", Severity.ERROR, "link-anchor-missing",
         "an internal link names a section ID (`#id`) its target page does not have"),
)

PAGE_MISSING, ANCHOR_MISSING = "page-missing", "anchor-missing"


def check_run(context: RunContext) -> Iterator[Finding]:
    config = context.config
    for (lang, page), outline in context.outlines.items():
        for link in outline.links:
            problem = link_problem(context, link, lang)
            if problem is not None:
                kind, message = problem
                yield Finding(path=display_path(config, lang, page), line=link.line, lang=lang, message=message,
                              code="KB405" if kind == PAGE_MISSING else "KB406")


def leads_to_page(target: str) -> bool:
    """Whether an internal link target names a page of the site (`x.md`, `x.md#id`) or an anchor of
    its own page (`#id`); links to other files (`img.png`) and folders are not this check's."""
    path = target.partition("#")[0]
    return path.endswith(".md") if path else len(target) > 1


def page_link(link: Link, lang: str, page: str, locales: tuple[str, ...]) -> PageLink | None:
    """Where `link`, on `page` in `lang`, leads; None when it is not an internal link to a page or an
    anchor, or is absolute (the site leaves `/x.md` as written: MkDocs' `absolute_links`)."""
    if link.external or link.target.startswith("/") or not leads_to_page(link.target):
        return None
    target = resolve(link, lang, page, locales)
    target_page, _, anchor = target.neutral.partition("#")
    if link.target.startswith("#"):
        return PageLink(link.target, link.line, lang, page, unquote(anchor))
    return PageLink(link.target, link.line, target.lang, target_page, unquote(anchor))


def link_problem(context: RunContext, link: PageLink, lang: str) -> tuple[str, str] | None:
    """(PAGE_MISSING or ANCHOR_MISSING, message) when `link`, on a page in `lang`, leads nowhere; None
    when it is fine or cannot be checked in this run. Shared with the termbase's links
    (checks/termbase_links.py), which report the same problems under codes of their own."""
    config = context.config
    if link.lang is None:
        return PAGE_MISSING, (f"`{link.target}` leads to {config.docs_prefix}/{link.page}, outside the "
                              "language folders: link a page of the same language folder")
    if not context.page_exists(link.lang, link.page):
        shown = display_path(config, link.lang, link.page)
        moved = config.kbsync.redirects.get(link.page)
        if moved is not None:
            return PAGE_MISSING, (f"`{link.target}` leads to {shown}, which moved to `{moved}` (redirects in "
                                  f"mkdocs.yml): link `{moved}`")
        elsewhere = "" if link.lang == config.source_lang else f" (nor in {config.docs_prefix}/{config.source_lang}/)"
        return PAGE_MISSING, f"`{link.target}` leads to {shown}, which does not exist{elsewhere}: link an existing page"
    if not link.anchor:
        return None
    outline = context.shown_outline(link.lang, link.page)
    if outline is None or link.anchor in context.anchors(outline):
        return None
    return ANCHOR_MISSING, f"`{link.target}`: {anchor_hint(context, outline, link.anchor)}"


def anchor_hint(context: RunContext, outline: PageOutline, anchor: str) -> str:
    """Why `#anchor` is not on the page of `outline`, and what to link instead."""
    source = context.shown_outline(context.config.source_lang, outline.page) or outline
    where = display_path(context.config, outline.lang, outline.page)
    former = context.former(source).get(anchor)
    if former is not None and former.retired:
        return (f"section `{anchor}` of {where} was retired (retired_sections: its content is now in "
                f"`{former.target}`): link `{former.target}`")
    if former is not None:
        return (f"`{anchor}` is a former ID of section `{former.target}` of {where} (section_aliases): "
                f"link `#{former.target}`")
    close = closest(anchor, context.anchors(outline))
    hint = f"did you mean `#{close}`?" if close else "link one of its heading IDs"
    return f"{where} has no heading with the ID `{anchor}`: {hint}"


# A page with more IDs than this gets no "did you mean": each suggestion compares with every ID, so
# suggestions for every broken link of such a page would take time in the product of the two.
SUGGESTION_CANDIDATES = 200


def closest(word: str, candidates: Collection[str]) -> str | None:
    """The candidate most like `word` (difflib), if one is alike enough and there are few candidates."""
    if len(candidates) > SUGGESTION_CANDIDATES:
        return None
    close = difflib.get_close_matches(word, sorted(candidates), n=1)
    return close[0] if close else None

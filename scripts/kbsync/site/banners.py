"""The banners above a page, the notes under its outdated sections and the marks under its local
sections, as typed values.

A banner is a `Banner`; the theme (overrides/main.html) only renders its fields. Each kind of
banner is one function in `BANNERS`, `(state, view) -> Banner | None`: a new banner is a function
here, one line in `BANNERS`, and its strings in each language profile. Whether a section is up to
date comes from `kbsync.status` through the check run, never from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Callable

from kbsync.model import FormerSection
from kbsync.site.changed_facts import page_has_changed_facts, section_facts
from kbsync.site.state import PageView, SiteState
from kbsync.site.urls import relative_url
from kbsync.status import PageState, SectionState

#: Section states a translated page's banner names, in the order they are listed.
BANNER_STATES = (SectionState.OUTDATED, SectionState.NEW_IN_SOURCE, SectionState.REMOVED_IN_SOURCE)


@dataclass(frozen=True)
class BannerLink:
    href: str
    label: str
    lang: str  # the language of the page it leads to


@dataclass(frozen=True)
class BannerSection:
    """A section a banner names: its title, what happened to it, where to read the source."""

    title: str
    note: str
    href: str | None  # the same section in the source language; None when the source removed it
    anchor: str | None  # the section on this page; None when the page lacks it


@dataclass(frozen=True)
class Banner:
    kind: str  # names the banner's style: kb-banner--<kind>
    admonition: str  # Material's admonition type that gives it its colour and icon
    title: str
    text: str
    sections: tuple[BannerSection, ...] = ()
    links: tuple[BannerLink, ...] = ()
    facts: str | None = None  # that the German text now gives other figures (kbsync.site.changed_facts)


def untranslated(state: SiteState, view: PageView) -> Banner | None:
    """A source page shown because the page is missing in the reader's language."""
    if not view.fallback:
        return None
    ui = view.ui
    return Banner("untranslated", "info", ui["untranslated_title"], ui["untranslated_body"],
                  links=(BannerLink(_source_url(state, view), ui["untranslated_link"], state.source),))


def outdated(state: SiteState, view: PageView) -> Banner | None:
    """A translation whose source sections changed, appeared or went since it was translated."""
    if view.fallback or view.lang == state.source:
        return None
    status = state.run.status.page(view.lang, view.page)
    if status is None or status.state is PageState.MISSING:
        return None
    items = tuple(_banner_section(state, view, section.id, banner_state)
                  for banner_state in BANNER_STATES for section in status.sections if section.state is banner_state)
    if not items:
        return None
    facts = view.ui["facts_banner"] if page_has_changed_facts(state, view, [item.id for item in status.sections]) else None
    return Banner("outdated", "warning", view.ui["outdated_title"], view.ui["outdated_intro"], sections=items,
                  facts=facts)


def review_due(state: SiteState, view: PageView) -> Banner | None:
    """A page past its review date (kbsync.review, the rule `kbsync check` reports as KB204)."""
    outline = state.run.outlines.get((state.source if view.fallback else view.lang, view.page))
    if outline is None or outline.review_due is None or outline.review_due > state.today:
        return None
    ui = view.ui
    return Banner("review", "warning", ui["review_title"], ui["review_body"].format(
        date=view.profile.format_day(outline.review_due), owner=outline.owner or "—"))


BANNERS: tuple[Callable[[SiteState, PageView], Banner | None], ...] = (untranslated, outdated, review_due)


def page_banners(state: SiteState, view: PageView) -> list[Banner]:
    """The banners of the page, in the order they are shown."""
    return [banner for make in BANNERS if (banner := make(state, view)) is not None]


def outdated_sections(state: SiteState, lang: str, page: str) -> list[str]:
    """IDs of the sections of the translated page whose heading gets an outdated mark."""
    status = state.run.status.page(lang, page)
    if status is None or status.state is PageState.MISSING:
        return []
    return [section.id for section in status.sections
            if section.state in (SectionState.OUTDATED, SectionState.REMOVED_IN_SOURCE)]


def mark_outdated_sections(html: str, state: SiteState, view: PageView) -> str:
    """A note under the heading of each outdated section of a translated page, linking to the source."""
    if view.fallback or view.lang == state.source:
        return html
    source_url = _source_url(state, view)
    return after_headings(html, {section_id: section_mark(f"{source_url}#{section_id}", view, state.source,
                                                          section_facts(state, view, section_id))
                                 for section_id in outdated_sections(state, view.lang, view.page)})


def alias_anchors(html: str, state: SiteState, view: PageView) -> str:
    """Former section IDs of the source page kept as anchors in every language: an alias (`section_aliases`)
    before the section that replaced it, a retired section (`retired_sections`) as a note at the end of the
    page that says, in the reader's language, where its content went."""
    outline = state.run.outlines.get((state.source, view.page))
    if outline is None:
        return html
    anchors: dict[str, str] = {}
    for old, new in outline.aliases:
        anchors[new] = anchors.get(new, "") + f'<span id="{escape(old)}"></span>'
    html = _before_headings(html, anchors)
    titles: dict[str, dict[str, str]] = {}  # page -> its section titles, read once per page named
    return html + "".join(retired_note(state, view, former, titles) for former in outline.retired)


def retired_note(state: SiteState, view: PageView, former: FormerSection, titles: dict[str, dict[str, str]]) -> str:
    """The note kept at `#<retired ID>`: a sentence and a link to where the section's content is now."""
    page, _, section = former.target.partition("#")
    page = page or view.page
    href = "" if page == view.page and section else relative_url(state.languages.page_url(view.lang, page), view.url)
    href += f"#{section}" if section else ""
    return (f'\n<p class="kb-banner kb-banner--retired" id="{escape(former.id)}">{escape(view.ui["retired_section"])} '
            f'<a href="{escape(href)}">{escape(_place(state, view, page, section, titles))}</a></p>')


def _place(state: SiteState, view: PageView, page: str, section: str, titles: dict[str, dict[str, str]]) -> str:
    """A page and section as the reader's language names them: `Page title – Section title`."""
    outline = state.run.outlines.get((view.lang, page)) or state.run.outlines.get((state.source, page))
    if outline is None:
        return f"{page}#{section}" if section else page
    if page not in titles:
        titles[page] = dict(outline.sections)
    section_title = titles[page].get(section) if section else None
    if section_title is None:
        return outline.title
    return section_title if page == view.page else f"{outline.title} – {section_title}"


# A heading as Python-Markdown writes it: `<h2 id="scale">`, then its text, then `</h2>`; attr_list
# writes a class first (`<h2 class="local" id="local-x">`).
_HEADING_START = re.compile(r'<h([1-6])(?=[\s>])[^>]*?\sid="([^"]*)"[^>]*>')


def after_headings(html: str, fragments: dict[str, str]) -> str:
    """Each fragment inserted right after the first heading with its ID, in one pass over `html`."""
    return _insert_at_headings(html, fragments, after=True)


def _before_headings(html: str, fragments: dict[str, str]) -> str:
    return _insert_at_headings(html, fragments, after=False)


def _insert_at_headings(html: str, fragments: dict[str, str], after: bool) -> str:
    """One pass over the headings (not a search of the whole page per section: linear in the page)."""
    if not fragments:
        return html
    waiting = dict(fragments)
    parts, done = [], 0
    for match in _HEADING_START.finditer(html):
        fragment = waiting.pop(match.group(2), None)
        if fragment is None:
            continue
        if after:
            end = html.find(f"</h{match.group(1)}>", match.end())
            if end < 0:
                continue
            at = end + len("</hN>")
        else:
            at = match.start()
        parts += [html[done:at], fragment]
        done = at
        if not waiting:
            break
    return "".join(parts) + html[done:]


def local_sections(state: SiteState, lang: str, page: str) -> list[str]:
    """IDs of the local sections of a translated page (a rule of its language's market only)."""
    status = state.run.status.page(lang, page)
    return [local.id for local in status.local] if status is not None else []


def mark_local_sections(html: str, state: SiteState, view: PageView) -> str:
    """"Local rule: <market>" under the heading of each local section, in the reader's language (a local
    section exists on its own language's page only, so the reader's market is the section's)."""
    if view.fallback or view.lang == state.source:
        return html
    mark = local_mark(view)
    return after_headings(html, dict.fromkeys(local_sections(state, view.lang, view.page), mark))


def local_mark(view: PageView) -> str:
    """The HTML mark placed under a local section's heading: text, not colour alone, and printed."""
    return (f'<p class="kb-banner kb-banner--local">'
            f'<strong>{escape(view.ui["local_rule"].format(market=view.profile.market))}</strong></p>')


def section_mark(source_section_url: str, view: PageView, source_lang: str, facts: str | None = None) -> str:
    """The HTML note placed under an outdated section's heading; `facts`: the figures its German text changed."""
    ui = view.ui
    facts_html = f'<span class="kb-banner__facts">{escape(facts)}</span> ' if facts else ""
    return (f'<p class="kb-banner kb-banner--section">{escape(ui["section_mark"])} {facts_html}'
            f'<a href="{escape(source_section_url)}" hreflang="{source_lang}">{escape(ui["section_mark_link"])}</a></p>')


def _source_url(state: SiteState, view: PageView) -> str:
    return relative_url(state.languages.page_url(state.source, view.page), view.url)


def _banner_section(state: SiteState, view: PageView, section_id: str, banner_state: SectionState) -> BannerSection:
    outline = state.run.outlines.get((view.lang, view.page))
    title = outline.section_title(section_id) if outline else None
    if title is None:
        source_outline = state.run.outlines.get((state.source, view.page))
        title = source_outline.section_title(section_id) if source_outline else section_id
    ui = view.ui
    if banner_state is SectionState.OUTDATED:
        when = state.change_dates.get((view.page, section_id))
        note = ui["changed_on"].format(date=view.profile.format_day(when)) if when else ui["changed"]
        if (view.lang, view.page, section_id) in state.changed_facts:
            note = ui["facts_note"].format(change=note)
    else:
        note = ui["new_in_source" if banner_state is SectionState.NEW_IN_SOURCE else "removed_in_source"]
    removed = banner_state is SectionState.REMOVED_IN_SOURCE
    return BannerSection(title=title, note=note, href=None if removed else f"{_source_url(state, view)}#{section_id}",
                         anchor=None if banner_state is SectionState.NEW_IN_SOURCE else f"#{section_id}")

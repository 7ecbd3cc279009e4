"""What the site tells readers about translation status, reviews and changes: plain data and Markdown.

Pure functions over what `run_checks` and `source_changes` computed; the MkDocs plugin calls them
and the templates only render the result. Nothing here decides whether a section is up to date:
that is `kbsync.status`, the same code `kbsync check` and `kbsync status` use.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass
from html import escape
from typing import Callable, Mapping, Sequence

from kbsync.checks.runner import CheckRun
from kbsync.model import PageOutline
from kbsync.history.changes import PAGE_ADDED, PAGE_REMOVED, SectionChange
from kbsync.status import PageState, SectionState

#: Section states a translated page's banner names, in the order they are listed.
BANNER_STATES = (SectionState.OUTDATED, SectionState.NEW_IN_SOURCE, SectionState.REMOVED_IN_SOURCE)
RECENT_CHANGES = 50

DateFormat = Callable[[datetime.date], str]


@dataclass(frozen=True)
class SiteLanguages:
    """The site's languages in order, with the URL prefix of each (`""` for the default language)."""

    source: str
    prefixes: Mapping[str, str]  # locale -> "" or "it/"
    names: Mapping[str, str]

    def page_url(self, lang: str, page: str) -> str:
        """Site-relative URL of `page` (a path inside a language folder) in `lang`, as MkDocs writes it."""
        stem = page[:-3] if page.endswith(".md") else page
        directory, name = posixpath.split(stem)
        path = directory if name in ("index", "README") else stem
        return self.prefixes[lang] + (path + "/" if path else "")


def relative_url(target: str, from_url: str) -> str:
    """`target` (site-relative) as a link from the page at site-relative `from_url`."""
    depth = len([part for part in from_url.split("/") if part])
    return ("../" * depth) + target if (depth or target) else "./"


def page_banners(run: CheckRun, languages: SiteLanguages, lang: str, page: str, fallback: bool,
                 from_url: str, ui: Mapping[str, str], date: DateFormat,
                 change_dates: Mapping[tuple[str, str], datetime.date], today: datetime.date) -> list[dict]:
    """The banners of `page` as read in `lang`: untranslated, outdated sections, review due."""
    banners = []
    source_url = relative_url(languages.page_url(languages.source, page), from_url)
    if fallback:
        banners.append({"kind": "untranslated", "title": ui["untranslated_title"], "text": ui["untranslated_body"],
                        "links": [{"href": source_url, "label": ui["untranslated_link"], "lang": languages.source}]})
    elif lang != languages.source:
        status = run.status.page(lang, page)
        if status is not None and status.state is not PageState.MISSING:
            items = []
            for state in BANNER_STATES:
                for section in status.sections:
                    if section.state is state:
                        items.append(_banner_item(run, languages, lang, page, section.id, state, source_url,
                                                  ui, date, change_dates))
            if items:
                banners.append({"kind": "outdated", "title": ui["outdated_title"], "text": ui["outdated_intro"],
                                "sections": items})
    outline = run.outlines.get((languages.source if fallback else lang, page))
    if outline is not None and outline.review_due is not None and outline.review_due <= today:
        banners.append({"kind": "review", "title": ui["review_title"],
                        "text": ui["review_body"].format(date=date(outline.review_due), owner=outline.owner or "—")})
    return banners


def outdated_sections(run: CheckRun, lang: str, page: str) -> list[str]:
    """IDs of the sections of the translated page whose heading gets an outdated mark."""
    status = run.status.page(lang, page)
    if status is None or status.state is PageState.MISSING:
        return []
    return [section.id for section in status.sections
            if section.state in (SectionState.OUTDATED, SectionState.REMOVED_IN_SOURCE)]


def alias_anchors(html: str, run: CheckRun, source_lang: str, page: str) -> str:
    """Old section IDs (front matter `section_aliases` of the source page) kept as anchors before their new sections."""
    outline = run.outlines.get((source_lang, page))
    for old, new in outline.aliases if outline else ():
        html = _before_heading(html, new, f'<span id="{escape(old)}"></span>')
    return html


def after_heading(html: str, section_id: str, fragment: str) -> str:
    """`fragment` inserted right after the heading with ID `section_id` (unchanged if there is none)."""
    return re.sub(rf'(<h([1-6]) id="{re.escape(section_id)}"[^>]*>.*?</h\2>)', lambda match: match.group(1) + fragment,
                  html, count=1, flags=re.S)


def _before_heading(html: str, section_id: str, fragment: str) -> str:
    return re.sub(rf'(<h[1-6] id="{re.escape(section_id)}"[^>]*>)', lambda match: fragment + match.group(1),
                  html, count=1)


def section_mark(source_section_url: str, ui: Mapping[str, str], source_lang: str) -> str:
    """The HTML note placed under an outdated section's heading."""
    return (f'<p class="kb-banner kb-banner--section">{escape(ui["section_mark"])} '
            f'<a href="{escape(source_section_url)}" hreflang="{source_lang}">{escape(ui["section_mark_link"])}</a></p>')


def status_sections(run: CheckRun, languages: SiteLanguages, lang: str, from_url: str,
                    ui: Mapping[str, str], date: DateFormat, percent: Callable[[float], str],
                    today: datetime.date) -> dict[str, str]:
    """Markdown for the status page's sections `by-language`, `by-page` and `reviews-due`."""
    rows = [[ui["col_language"], ui["col_pages_current"], ui["col_sections_current"], ui["col_outdated"],
             ui["col_missing"]]]
    for item in run.status.languages:
        rows.append([
            f"{item.name} ({item.lang})",
            f"{item.pages[PageState.UP_TO_DATE.value]}/{item.total_pages} ({percent(item.pages_up_to_date_percent)})",
            f"{item.sections[SectionState.UP_TO_DATE.value]}/{item.total_sections} "
            f"({percent(item.sections_up_to_date_percent)})",
            str(item.sections[SectionState.OUTDATED.value] + item.sections[SectionState.NEW_IN_SOURCE.value]),
            str(item.pages[PageState.MISSING.value]),
        ])
    by_language = _table(rows)

    translations = [item.lang for item in run.status.languages]
    pages = sorted({status.page for status in run.status.pages if status.state is not PageState.ORPHAN})
    rows = [[ui["col_page"], languages.names[languages.source], *(languages.names[code] for code in translations)]]
    for page in pages:
        title = _title(run, lang, page, languages.source)
        cells = [_link(languages, languages.source, page, from_url, ui["cell_source"])]
        for code in translations:
            status = run.status.page(code, page)
            cells.append(_status_cell(status, languages, code, page, from_url, ui))
        rows.append([_link(languages, lang, page, from_url, title), *cells])
    by_page = _table(rows)

    due = sorted(((outline.review_due, outline) for outline in run.outlines.values()
                  if outline.review_due is not None and outline.review_due <= today),
                 key=lambda item: (item[0], item[1].page, item[1].lang))
    if due:
        rows = [[ui["col_page"], ui["col_language"], ui["col_due_since"], ui["col_owner"]]]
        rows += [[_link(languages, outline.lang, outline.page, from_url, outline.title),
                  languages.names[outline.lang], date(when), _cell(outline.owner or "—")] for when, outline in due]
        reviews = _table(rows)
    else:
        reviews = ui["reviews_none"]
    return {"by-language": by_language, "by-page": by_page, "reviews-due": reviews}


def changes_section(changes: Sequence[SectionChange] | None, reason: str | None, run: CheckRun,
                    languages: SiteLanguages, lang: str, from_url: str, ui: Mapping[str, str],
                    date: DateFormat, generated: Mapping[str, set[str]]) -> str:
    """Markdown for the what-changed page: the newest source changes, or why there is no history.

    `generated` names, per page, section IDs the site generates (glossary entries), whose removal
    from the page's source is no change of the text readers see.
    """
    if changes is None:
        return ui["no_history"].format(reason=reason or "—")
    rows = [[ui["col_date"], ui["col_page"], ui["col_section"], ui["col_change"]]]
    shown = [change for change in changes
             if not (change.kind == "removed" and change.section in generated.get(change.page, set()))]
    for change in shown[:RECENT_CHANGES]:
        exists = (languages.source, change.page) in run.outlines
        title = _title(run, lang, change.page, languages.source) if exists else change.page
        page_cell = _link(languages, lang, change.page, from_url, title) if exists else _cell(title)
        if change.section is None:
            section_cell = ui["whole_page"]
        else:
            outline = run.outlines.get((lang, change.page)) or run.outlines.get((languages.source, change.page))
            section_title = outline.section_title(change.section) if outline else None
            section_cell = (_link(languages, lang, change.page, from_url, section_title, change.section)
                            if section_title and change.kind != "removed" else _cell(section_title or change.section))
        rows.append([date(change.date), page_cell, section_cell, ui[f"kind_{change.kind}"]])
    return _table(rows)


def change_dates(changes: Sequence[SectionChange] | None) -> dict[tuple[str, str], datetime.date]:
    """(page, section ID) -> date of the section's newest change in the source."""
    dates: dict[tuple[str, str], datetime.date] = {}
    for change in changes or ():
        if change.section is not None and change.kind not in (PAGE_ADDED, PAGE_REMOVED):
            dates.setdefault((change.page, change.section), change.date)
    return dates


def _banner_item(run, languages, lang, page, section_id, state, source_url, ui, date, change_dates) -> dict:
    outline = run.outlines.get((lang, page))
    title = (outline.section_title(section_id) if outline else None)
    if title is None:
        source_outline = run.outlines.get((languages.source, page))
        title = source_outline.section_title(section_id) if source_outline else section_id
    if state is SectionState.OUTDATED:
        when = change_dates.get((page, section_id))
        note = ui["changed_on"].format(date=date(when)) if when else ui["changed"]
    else:
        note = ui["new_in_source" if state is SectionState.NEW_IN_SOURCE else "removed_in_source"]
    removed = state is SectionState.REMOVED_IN_SOURCE
    return {"title": title, "note": note, "href": None if removed else f"{source_url}#{section_id}",
            "anchor": None if state is SectionState.NEW_IN_SOURCE else f"#{section_id}"}


def _status_cell(status, languages: SiteLanguages, code: str, page: str, from_url: str, ui) -> str:
    if status is None or status.state is PageState.MISSING:
        return _cell(ui["cell_missing"])
    if status.state is PageState.UNTRACKED:
        label = ui["cell_untracked"]
    else:
        behind = sum(1 for section in status.sections if section.state in BANNER_STATES)
        label = ui["cell_current"] if behind == 0 else (
            ui["cell_outdated_one"] if behind == 1 else ui["cell_outdated"].format(count=behind))
    return _link(languages, code, page, from_url, label)


def _title(run: CheckRun, lang: str, page: str, source: str) -> str:
    outline = run.outlines.get((lang, page)) or run.outlines.get((source, page))
    return outline.title if outline else page


def _link(languages: SiteLanguages, lang: str, page: str, from_url: str, label: str, section: str | None = None) -> str:
    href = relative_url(languages.page_url(lang, page), from_url) + (f"#{section}" if section else "")
    return f'<a href="{escape(href)}" hreflang="{lang}">{escape(label)}</a>'


def _cell(text: str) -> str:
    return escape(text).replace("|", "&#124;")


def _table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * len(rows[0])]
    lines += ["| " + " | ".join(cell.replace("|", "&#124;") if "<a " not in cell else cell for cell in row) + " |"
              for row in rows[1:]]
    return "\n".join(lines)

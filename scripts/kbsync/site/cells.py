"""Cells of the tables on generated pages (status, what changed): links to a page in a language, plain text.

Each cell is Markdown-table-safe HTML; `kbsync.formats.tables` lays the rows out.
"""

from __future__ import annotations

from html import escape

from kbsync.formats.tables import entity_pipes_outside_links, markdown_table
from kbsync.site.state import SiteState
from kbsync.site.urls import relative_url


def link(state: SiteState, lang: str, page: str, from_url: str, label: str, section: str | None = None) -> str:
    """A link from the page at `from_url` to `page` (and `#section`) in `lang`."""
    href = relative_url(state.languages.page_url(lang, page), from_url) + (f"#{section}" if section else "")
    return f'<a href="{escape(href)}" hreflang="{lang}">{escape(label)}</a>'


def text(value: str) -> str:
    return escape(value).replace("|", "&#124;")


def page_title(state: SiteState, lang: str, page: str) -> str:
    """The page's title in `lang`, else in the source language, else its path."""
    outline = state.run.outlines.get((lang, page)) or state.run.outlines.get((state.source, page))
    return outline.title if outline else page


def table(rows: list[list[str]]) -> str:
    """A Markdown table of cells made here (the first row is the header): links are left whole."""
    return markdown_table(rows[0], rows[1:], escape=entity_pipes_outside_links)

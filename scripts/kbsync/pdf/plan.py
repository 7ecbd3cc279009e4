"""Which handouts there are: for each built language, one PDF per page and one of the whole knowledge base.

Plain data for the renderer: each handout's chapters (the built pages it holds, in the order of the
site's navigation), their canonical addresses, their `/go/` links (the QR codes) and the date their
text last changed (git, as the page's footer says it). Reads nothing but the list of built files.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from kbsync.config import SiteConfig
from kbsync.errors import InputError
from kbsync.pdf.paths import knowledge_base_pdf, page_pdf
from kbsync.site.urls import SiteLanguages, go_link

HOME = "index.md"


@dataclass(frozen=True)
class Chapter:
    """A built page as a handout holds it."""

    page: str  # its path inside the language folder: metrics/nps.md
    url: str  # its site-relative URL: it/metrics/nps/
    built: Path  # the built page: site/it/metrics/nps/index.html
    address: str  # its canonical address: https://kb.example.internal/it/metrics/nps/
    go: str  # its language-neutral link: https://kb.example.internal/go/metrics/nps/
    text_changed: datetime.date | None  # None where git does not know


@dataclass(frozen=True)
class Handout:
    lang: str
    url: str  # the PDF's site-relative URL, also its path inside the site folder
    chapters: tuple[Chapter, ...]
    book: bool  # the whole knowledge base: a cover, contents, one chapter per page
    address: str  # what its cover and QR code lead to: the page, or the language's home page
    go: str

    def chapter_ids(self) -> dict[str, str] | None:
        """The whole knowledge base's chapter IDs by the site-relative URL of their page; None for a page."""
        return {chapter.url: f"chapter-{index}" for index, chapter in enumerate(self.chapters)} if self.book else None

    @property
    def text_changed(self) -> datetime.date | None:
        """When the text of the newest of its chapters last changed."""
        return max((chapter.text_changed for chapter in self.chapters if chapter.text_changed), default=None)


def plan_handouts(config: SiteConfig, site_dir: Path, pages: Mapping[str, Iterable[str]], nav: Any,
                  text_changed: Mapping[str, datetime.date]) -> list[Handout]:
    """Every handout of the built site in `site_dir`, the whole knowledge bases first (the longest to render).

    `pages`: the pages in each language folder (`kbsync.reading.docs_tree.scan`); every language
    has the source's pages too (the site shows the source where a translation is missing). `nav`:
    mkdocs.yml's `nav`, which orders the chapters. `text_changed`: git's date of each page file's
    last change (`kbsync.history.changes.last_changed`). A page that was not built is an InputError.
    """
    languages = SiteLanguages.of(config)
    home_link = go_link(config, HOME)  # first: without the site's address, its message says what to set
    order = nav_pages(nav)
    books, singles = [], []
    for language in config.built_languages:
        lang = language.locale
        own = frozenset(pages.get(lang, ()))
        present = own | frozenset(pages.get(config.source_lang, ()))
        chapters = tuple(_chapter(config, languages, site_dir, lang, page, own, text_changed)
                         for page in _in_order(present, order))
        books.append(Handout(lang=lang, url=knowledge_base_pdf(languages, lang), chapters=chapters, book=True,
                             address=canonical_address(config, languages.page_url(lang, HOME)), go=home_link))
        singles += (Handout(lang=lang, url=page_pdf(languages, lang, chapter.page), chapters=(chapter,), book=False,
                            address=chapter.address, go=chapter.go) for chapter in chapters)
    return books + singles


def canonical_address(config: SiteConfig, url: str) -> str:
    """The address readers open for a site-relative URL, at the site's canonical address (`site_url`)."""
    return f"{config.canonical_url}{url}"


def nav_pages(nav: Any) -> list[str]:
    """The page paths of mkdocs.yml's `nav` in order (a link to another site is no page)."""
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            if item.endswith(".md") and "://" not in item:
                found.append(item)
        elif isinstance(item, Mapping):
            for value in item.values():
                walk(value)
        elif isinstance(item, Sequence):
            for value in item:
                walk(value)

    walk(nav or [])
    return found


def _in_order(pages: frozenset[str], order: list[str]) -> list[str]:
    """`pages` in the navigation's order; pages it does not list come after, by path."""
    listed = list(dict.fromkeys(page for page in order if page in pages))
    return listed + sorted(pages.difference(listed))


def _chapter(config: SiteConfig, languages: SiteLanguages, site_dir: Path, lang: str, page: str,
             own: frozenset[str], text_changed: Mapping[str, datetime.date]) -> Chapter:
    url = languages.page_url(lang, page)
    built = site_dir / url / "index.html"
    if not built.is_file():
        raise InputError(f"{config.relative(built)} is missing: the site in {config.relative(site_dir)} is not "
                         f"built, or not from these docs", hint="run `make pdf`: it builds the site, then writes the handouts")
    file_lang = lang if page in own else config.source_lang
    return Chapter(page=page, url=url, built=built, address=canonical_address(config, url),
                   go=go_link(config, page), text_changed=text_changed.get(f"{config.docs_prefix}/{file_lang}/{page}"))

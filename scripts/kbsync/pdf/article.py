"""A built page as a handout holds it: its title, its description and its article, made for paper.

The article is the page's content as the site renders it (banners, outdated-section notes,
generated glossary and tables included), without what only works on screen (heading permalinks
and links for all languages, the links to the PDFs, scripts) and without the printed page's
address line (the handout's cover says it). Links are rewritten for a file that leaves the site:
a link to another page gets that page's canonical address (shown after it on paper, by the site's
print stylesheet, from `data-print-url`) or, in the whole knowledge base, leads to that page's
chapter in the same PDF. Images are read from the site folder. Reads one built file; writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from kbsync.errors import InputError
from kbsync.pdf.plan import Chapter

# Stands for the site while links are resolved: what resolves to it is a file of the site.
_SITE = "http://site.invalid/"
# What the article shows only on screen (permalinks, links for all languages, the links to the PDFs),
# and the address and dates printed pages carry, which the handout's cover gives.
_NOT_IN_HANDOUT = frozenset({"headerlink", "kb-go-link", "kb-pdf-link", "md-content__button", "kb-print-meta"})


@dataclass(frozen=True)
class Article:
    title: str
    description: str
    body: str  # the article's HTML, without its title


def read_article(chapter: Chapter, site_dir: Path, canonical_url: str,
                 chapters: Mapping[str, str] | None = None) -> Article:
    """The article of `chapter`'s built page.

    `chapters`: in the whole knowledge base, the site-relative URL of each page it holds -> the ID
    of its chapter. The article's IDs are then prefixed with its own chapter's ID (every metric
    page has a `#sources`), and links to a page it holds lead into the document.
    """
    try:
        root = lxml.html.document_fromstring(chapter.built.read_bytes())
    except (OSError, ValueError, lxml.etree.ParserError) as error:
        raise InputError(f"cannot read the built page: {error}", path=str(chapter.built)) from None
    article = root.find(".//article")
    if article is None:
        raise InputError("no <article> in the built page: not built with this site's theme (overrides/main.html)",
                         path=str(chapter.built))
    for element in [element for element in article.iter() if _classes(element) & _NOT_IN_HANDOUT
                    or element.tag == "script"]:
        element.drop_tree()
    heading = article.find(".//h1")
    title = " ".join(heading.text_content().split()) if heading is not None else ""
    if heading is not None:
        heading.drop_tree()
    if not title:
        title = " ".join((root.findtext(".//title") or chapter.page).split())
    prefix = f"{chapters[chapter.url]}--" if chapters is not None else ""
    if prefix:
        for element in article.iter():
            if element.get("id"):
                element.set("id", prefix + element.get("id"))
    base = _SITE + chapter.url
    for link in article.iter("a"):
        href = link.get("href")
        if href is not None:
            _rewrite_link(link, href, base, prefix, canonical_url, chapters)
    for image in article.iter("img"):
        source = urljoin(base, image.get("src") or "")
        if source.startswith(_SITE):
            image.set("src", (site_dir / urlsplit(source).path.lstrip("/")).resolve().as_uri())
    description = root.find(".//meta[@name='description']")
    body = (article.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in article)
    return Article(title=title, description=description.get("content", "") if description is not None else "",
                   body=body)


def _rewrite_link(link, href: str, base: str, prefix: str, canonical_url: str,
                  chapters: Mapping[str, str] | None) -> None:
    if href.startswith("#"):
        link.set("href", f"#{prefix}{href[1:]}" if prefix and len(href) > 1 else href)
        return
    target = urljoin(base, href)
    if not target.startswith(_SITE):
        return  # another site, mail: the print stylesheet shows the address
    parts = urlsplit(target)
    path = parts.path.lstrip("/")
    if chapters is not None and path in chapters:
        chapter = chapters[path]
        link.set("href", f"#{chapter}--{parts.fragment}" if parts.fragment else f"#{chapter}")
        link.set("class", " ".join(sorted(_classes(link) | {"kb-in-document"})))
        return
    address = canonical_url + path + (f"#{parts.fragment}" if parts.fragment else "")
    link.set("href", address)
    link.set("data-print-url", address)


def _classes(element) -> set[str]:
    value = element.get("class") if isinstance(element.tag, str) else None
    return set(value.split()) if value else set()

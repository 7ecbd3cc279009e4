"""Where the PDF handouts are in the site: one place, for the PDF driver and for the pages' links to them.

A page's handout is `<language root>pdf/<page path>.pdf` (`it/pdf/metrics/nps.pdf`); the whole
knowledge base of a language is `<language root>knowledge-base.pdf`, outside `pdf/`, so no page
can take its name. Site-relative URLs, which are also the files' paths inside the site folder.
Nothing here imports WeasyPrint: the site plugin uses it on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from kbsync.site.urls import SiteLanguages, relative_url

FOLDER = "pdf/"
KNOWLEDGE_BASE = "knowledge-base.pdf"


@dataclass(frozen=True)
class PdfLinks:
    """A page's links to its handout and to the whole knowledge base's, in the reader's language."""

    page: str  # relative to the page
    book: str


def pdf_links(languages: SiteLanguages, lang: str, page: str, page_url: str) -> PdfLinks:
    """The links of the page `page` (at site-relative `page_url`, in `lang`) to its PDFs."""
    return PdfLinks(page=relative_url(page_pdf(languages, lang, page), page_url),
                    book=relative_url(knowledge_base_pdf(languages, lang), page_url))


def page_pdf(languages: SiteLanguages, lang: str, page: str) -> str:
    """The site-relative URL of `page`'s handout in `lang` (`page` as inside a language folder)."""
    stem = page[:-3] if page.endswith(".md") else page
    return f"{languages.prefixes[lang]}{FOLDER}{stem}.pdf"


def knowledge_base_pdf(languages: SiteLanguages, lang: str) -> str:
    """The site-relative URL of the PDF of the whole knowledge base in `lang`."""
    return f"{languages.prefixes[lang]}{KNOWLEDGE_BASE}"

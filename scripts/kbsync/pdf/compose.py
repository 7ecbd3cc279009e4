"""A handout's HTML: a cover, the contents (whole knowledge base), the pages' articles as chapters.

Only markup and text: every string comes from the reader's language profile and every date is
written its way (Babel); the look is `handout.css`'s, with the site's print stylesheet under it.
WeasyPrint numbers the pages (`counter(page)`) and fills in the contents' page numbers
(`target-counter`). The cover of a page's handout is the top of its first page, not a page of its
own: a one-page handout stays one sheet.
"""

from __future__ import annotations

import datetime
from html import escape
from typing import Sequence

from kbsync.languages import LanguageProfile
from kbsync.pdf.article import Article
from kbsync.pdf.plan import HOME, Handout
from kbsync.pdf.qr import qr_svg


def handout_html(handout: Handout, articles: Sequence[Article], profile: LanguageProfile, site_name: str,
                 language_name: str, today: datetime.date) -> str:
    """The HTML WeasyPrint renders for `handout`; `articles` are its chapters' articles, in order."""
    ui = profile.ui
    changed = handout.text_changed
    if handout.book:
        title = site_name
        description = articles[0].description if articles and handout.chapters[0].page == HOME else ""
        chapters = list(zip(handout.chapter_ids().values(), handout.chapters, articles))
        contents = "".join(f'<li><a href="#{chapter_id}">{escape(article.title)}</a></li>'
                           for chapter_id, _, article in chapters)
        body = (_cover(handout, ui, title, language_name, description, changed, profile, today, book=True)
                + f'<nav class="kb-toc"><h2>{escape(ui["pdf_contents"])}</h2><ol>{contents}</ol></nav>'
                + "".join(_chapter(chapter_id, chapter, article, ui, profile)
                          for chapter_id, chapter, article in chapters))
        kind = "book"
    else:
        article = articles[0]
        title = article.title
        body = (_cover(handout, ui, title, site_name, article.description, changed, profile, today, book=False)
                + f'<article class="md-content__inner md-typeset">{article.body}</article>')
        kind = "page"
    meta = [f'<meta name="author" content="{escape(site_name)}">',
            f'<meta name="dcterms.created" content="{today.isoformat()}">']
    if changed:
        meta.append(f'<meta name="dcterms.modified" content="{changed.isoformat()}">')
    return (f'<!doctype html>\n<html lang="{escape(handout.lang)}"><head><meta charset="utf-8">'
            f'<title>{escape(title)}</title>{"".join(meta)}</head>'
            f'<body class="kb-handout kb-handout--{kind}">{body}</body></html>\n')


def _cover(handout: Handout, ui, title: str, subtitle: str, description: str, changed: datetime.date | None,
           profile: LanguageProfile, today: datetime.date, book: bool) -> str:
    """Title, what it is, where it is online, how old it is, and the QR code of its `/go/` link."""
    colon = escape(profile.label_colon)  # French: a no-break space before it
    facts = [f'{escape(ui["pdf_online_label"])}{colon} <a href="{escape(handout.address)}">{escape(handout.address)}</a>']
    if changed:
        facts.append(f'{escape(ui["text_changed_label"])}{colon} <time datetime="{changed.isoformat()}">'
                     f'{escape(profile.format_day(changed))}</time>')
    facts.append(escape(ui["pdf_built"]).replace("{date}", f'<time datetime="{today.isoformat()}">'
                                                          f'{escape(profile.format_day(today))}</time>'))
    return (f'<header class="kb-cover{" kb-cover--book" if book else ""}" data-address="{escape(handout.address)}">'
            f'{_qr_figure(handout.go, ui)}'
            f'<p class="kb-cover__subtitle">{escape(subtitle)}</p>'
            f'<h1 class="kb-title">{escape(title)}</h1>'
            + (f'<p class="kb-cover__description">{escape(description)}</p>' if description else "")
            + f'<p class="kb-cover__facts">{"<br>".join(facts)}</p></header>')


def _chapter(chapter_id: str, chapter, article: Article, ui, profile: LanguageProfile) -> str:
    changed = (f' · {escape(ui["text_changed_label"])}{escape(profile.label_colon)} '
               f'<time datetime="{chapter.text_changed.isoformat()}">'
               f'{escape(profile.format_day(chapter.text_changed))}</time>') if chapter.text_changed else ""
    return (f'<section class="kb-chapter" id="{chapter_id}">'
            f'<header class="kb-chapter__head" data-address="{escape(chapter.address)}">'
            f'{_qr_figure(chapter.go, ui, small=True)}'
            f'<h1 class="kb-title">{escape(article.title)}</h1>'
            f'<p class="kb-chapter__facts"><a href="{escape(chapter.address)}">{escape(chapter.address)}</a>{changed}</p>'
            f'</header><article class="md-content__inner md-typeset">{article.body}</article></section>')


def _qr_figure(link: str, ui, small: bool = False) -> str:
    caption = (f'<figcaption>{escape(ui["pdf_qr_caption"])}<br><a href="{escape(link)}">{escape(link)}</a></figcaption>'
               if not small else "")
    return (f'<figure class="kb-qr-figure{" kb-qr-figure--small" if small else ""}">'
            f'<a href="{escape(link)}">{qr_svg(link, f"QR: {link}")}</a>{caption}</figure>')

"""The language-neutral link of a page and section, `go/<page path>/#<section>`: one link for every language.

Two parts, both plain static output, so the link works on any static host, without a server:

- `go_pages`: one small HTML page per source page, `go/<page path>/index.html`. Its inline script
  sends the reader to the first language of `navigator.languages` the site has (matched by primary
  subtag: `fr-FR` finds `fr`), to the source language otherwise, keeping `#<section>`. Every URL
  in it is relative. It loads nothing, is marked `noindex`, and lists every language's page for
  readers without JavaScript. It is no MkDocs page, so it is in no search index or sitemap.
- `add_go_links`: next to each heading's permalink (¶), a link to the same section through
  `go/`, named in the reader's language ("link for all languages").

It must not read or write files: the kbsync plugin does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from html import escape

from kbsync.site.urls import SiteLanguages, go_url, relative_url

# Material's "translate" icon (Material Design Icons, Apache-2.0), as the header's language menu shows it.
_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
         '<path d="m12.87 15.07-2.54-2.51.03-.03A17.5 17.5 0 0 0 14.07 6H17V4h-7V2H8v2H1v2h11.17C11.5 7.92 '
         '10.44 9.75 9 11.35 8.07 10.32 7.3 9.19 6.69 8h-2c.73 1.63 1.73 3.17 2.98 4.56l-5.09 5.02L4 19l5-5 '
         '3.11 3.11zM18.5 10h-2L12 22h2l1.12-3h4.75L21 22h2zm-2.62 7 1.62-4.33L19.12 17z"/></svg>')

# A heading as Python-Markdown's toc extension writes it, with its permalink last:
# `<h2 id="scale">Scale<a class="headerlink" href="#scale" title="…">&para;</a></h2>`.
_HEADING = re.compile(r'<h([1-6]) id="([^"]*)"[^>]*>(?:(?!</h[1-6]>).)*?'
                      r'(<a class="headerlink" href="#[^"]*"[^>]*>[^<]*</a>)</h\1>', re.S)

# Picks the reader's language and goes there; `targets` maps each lowercased locale to its relative URL.
_SCRIPT = """\
"use strict"
{
  const targets = %(targets)s
  const primary = tag => tag.split("-")[0]
  const pick = () => {
    for (const tag of navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]) {
      const wanted = String(tag || "").toLowerCase().replace(/_/g, "-")
      if (wanted in targets) return targets[wanted]
      const locale = Object.keys(targets).find(locale => primary(locale) === primary(wanted))
      if (locale) return targets[locale]
    }
    return targets[%(source)s]
  }
  // Opened from files (file://), a folder shows no index.html by itself.
  location.replace(pick() + (location.protocol === "file:" ? "index.html" : "") + location.hash)
}"""


def go_pages(pages: Iterable[str], languages: SiteLanguages, titles: Mapping[tuple[str, str], str]) -> dict[str, str]:
    """Site-relative path of each page's `go/` file -> its HTML. `titles` maps (locale, page) to the page's
    title in that language (a page missing there is named by its source title)."""
    return {go_url(page) + "index.html": go_page(page, languages, titles) for page in sorted(pages)}


def go_page(page: str, languages: SiteLanguages, titles: Mapping[tuple[str, str], str]) -> str:
    """The `go/` file of `page`: a script that opens the page in the reader's language, keeping `#section`."""
    here = go_url(page)
    source = languages.source
    targets = {locale: relative_url(languages.page_url(locale, page), here) for locale in languages.prefixes}
    source_title = titles.get((source, page), page)
    script = _SCRIPT % {"targets": _script_json({_tag(locale): url for locale, url in targets.items()}),
                        "source": _script_json(_tag(source))}
    items = "".join(
        f'<li><a href="{escape(url)}" hreflang="{escape(locale)}" lang="{escape(locale)}">'
        f'{escape(languages.names[locale])}: {escape(titles.get((locale, page), source_title))}</a></li>\n'
        for locale, url in targets.items())
    return (f'<!doctype html>\n<html lang="{escape(source)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n'
            '<link rel="icon" href="data:,">\n'  # no request for /favicon.ico
            f'<title>{escape(source_title)}</title>\n<script>\n{script}\n</script>\n</head>\n'
            f'<body>\n<noscript>\n<h1>{escape(source_title)}</h1>\n<ul>\n{items}</ul>\n</noscript>\n</body>\n</html>\n')


def add_go_links(html: str, *, page: str, page_url: str, sections: Iterable[str], title: str) -> str:
    """After each heading's permalink, its link for all languages: the page's `go/` link with the section.

    `sections` are the page's language-neutral section IDs (the same in every language); a level-1
    heading (the page title) links to the page; a heading with any other ID gets no link, as its ID
    may differ between languages. One pass over the headings."""
    known = set(sections)
    href = relative_url(go_url(page), page_url)
    parts, done = [], 0
    for match in _HEADING.finditer(html):
        level, heading_id = match.group(1), match.group(2)
        if level == "1":
            target = href
        elif heading_id in known:
            target = f"{href}#{heading_id}"
        else:
            continue
        at = match.end(3)
        parts += [html[done:at], f'<a class="headerlink kb-go-link" href="{escape(target)}" title="{escape(title)}" '
                                 f'aria-label="{escape(title)}" data-search-exclude>{_ICON}</a>']
        done = at
    return "".join(parts) + html[done:]


def _tag(locale: str) -> str:
    """A site locale as a lowercased language tag (`pt_BR` -> `pt-br`), as the script compares them."""
    return locale.lower().replace("_", "-")


def _script_json(value: object) -> str:
    """JSON that cannot end the <script> element it is written into."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")

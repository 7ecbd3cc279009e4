"""Redirect pages for moved pages, one per language: an old link lands on the page that replaced it.

Written by the site's kbsync plugin rather than mkdocs-redirects: with mkdocs-static-i18n's folder
structure, mkdocs-redirects writes `de/old/` and a target relative to it, which is wrong for a
default language served at `/` and misses the other languages.
"""

from __future__ import annotations

from html import escape
from typing import Mapping

from kbsync.site.urls import SiteLanguages, relative_url


def redirect_pages(redirects: Mapping[str, str], languages: SiteLanguages, lang: str,
                   ui: Mapping[str, str]) -> dict[str, str]:
    """Site-relative path of each redirect file in `lang` -> its HTML."""
    pages = {}
    for old, new in sorted(redirects.items()):
        old_url = languages.page_url(lang, old)
        target = relative_url(languages.page_url(lang, new), old_url)
        pages[old_url + "index.html"] = (
            f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{escape(ui["redirect_title"])}</title>\n'
            f'<link rel="canonical" href="{escape(target)}">\n'
            f'<meta name="robots" content="noindex">\n'
            f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n</head>\n'
            f'<body>\n<p>{escape(ui["redirect_body"])} <a href="{escape(target)}">{escape(target)}</a></p>\n'
            f'<script>location.replace({_js_string(target)} + location.hash)</script>\n</body>\n</html>\n')
    return pages


def _js_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\u003c") + '"'

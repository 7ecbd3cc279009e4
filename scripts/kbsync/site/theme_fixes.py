"""Corrections to the HTML that mkdocs-material 9 renders, applied to every built page of the site.

Each correction is a small function from HTML to HTML that matches Material's markup exactly; a
change in Material's markup raises ThemeMarkupError or fails the browser tests (tests/site), it does not pass unseen:

- ``use_language_search``: Material's script reads ``__config``; its ``base`` decides where the
  search index and the sitemap are fetched from. The i18n plugin leaves it at the site's root for
  every language; it is pointed at the page's language root, and the search worker at the one that
  stems queries (Material documents ``search`` as the place for a custom worker).
- ``drop_alternate_links``: Material treats every ``<link rel="alternate">`` as the root of a
  sibling site, fetches ``sitemap.xml`` below it (a 404 for every page and language) and, once
  one loads, redirects the language switch by its own rules, which lose the page when the default
  language sits at the site's root. The language switcher in the header, rendered from the same
  alternates, stays: it is how readers change language.
- ``mark_language_names``: each language's name in the language switcher is marked as written in
  that language (lang="fr" on "Français"), so that a screen reader pronounces it right.
- ``name_search_dialog``: the search dialog gets the search field's label as its accessible name.
- ``name_nav_sections``: a navigation section is named by its title; Material names it by the
  toggle next to the section's index page, which holds only an icon, so sections had no name.
- ``one_toc_landmark``: the table of contents is one navigation landmark; Material makes each of
  its nested lists a landmark of its own, named by a heading, which can repeat the name of a
  navigation section ("Kennzahlen" on the glossary page) and lists a landmark per heading.

Rewriting the markup is the smallest fix available: Material renders these elements inside blocks
(``site_meta``, ``config``) and partials that an override could only copy whole.
It must not change the content of a page.
"""

from __future__ import annotations

import json
import posixpath
import re
from urllib.parse import quote

from jinja2.utils import htmlsafe_json_dumps

SEARCH_WORKER = "language-search.js"

_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_ALTERNATE = re.compile(r'^[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?', re.M)
_LANGUAGE_LINK = re.compile(r'(<a href="[^"]*" hreflang="([^"]+)" class="md-select__link")>')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')
_TOC_NESTED_NAV = re.compile(r'<nav class="md-nav" aria-label="[^"]*">')
_NAV_SECTION = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby=")(?P<path>__nav_[\w]+)_label'
    r'(" aria-expanded="(?:true|false)">\s*<label class="md-nav__title" for=")(?P=path)(")'
)


class ThemeMarkupError(ValueError):
    """Material's markup is not what these corrections expect (a new Material version?)."""


def correct_page(html: str, *, language_root: str) -> str:
    """All corrections, for a page of the language whose pages live under ``language_root``."""
    html = use_language_search(html, language_root=language_root)
    html = drop_alternate_links(html)
    html = mark_language_names(html)
    html = name_search_dialog(html)
    html = name_nav_sections(html)
    return one_toc_landmark(html)


def use_language_search(html: str, *, language_root: str) -> str:
    """Point ``__config`` at the language's root ("" or "it/") and at the stemming search worker."""
    match = _CONFIG.search(html)
    if match is None:
        raise ThemeMarkupError('no <script id="__config"> (Material\'s configuration of its script)')
    config = json.loads(match.group(1))
    if language_root:
        config["base"] = posixpath.join(config["base"], language_root)
    if config.get("search"):
        folder, material_worker = posixpath.split(config["search"])
        config["search"] = f"{folder}/{SEARCH_WORKER}?worker={quote(material_worker)}"
    # Escaped the way Material wrote it (Jinja's tojson): nothing in it can close the <script> element.
    return html[: match.start(1)] + str(htmlsafe_json_dumps(config)) + html[match.end(1):]


def drop_alternate_links(html: str) -> str:
    """Remove the ``<link rel="alternate" hreflang>`` elements of the page's head."""
    return _ALTERNATE.sub("", html)


def mark_language_names(html: str) -> str:
    """Give each link of the language switcher the language it names, and is written in."""
    return _LANGUAGE_LINK.sub(r'\1 lang="\2">', html)


def name_search_dialog(html: str) -> str:
    """Give the search dialog the search field's label (a dialog needs an accessible name)."""
    if _SEARCH_DIALOG not in html:
        return html
    label = _SEARCH_LABEL.search(html)
    if label is None:
        raise ThemeMarkupError("the search dialog has no search field with an aria-label")
    return html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{label.group(1)}">', 1)


def name_nav_sections(html: str) -> str:
    """Label each navigation section by its own title instead of its (icon-only) toggle."""
    return _NAV_SECTION.sub(r'\1\g<path>_title\3\g<path>" id="\g<path>_title\4', html)


def one_toc_landmark(html: str) -> str:
    """Make the nested lists of the table of contents part of its landmark, not landmarks of their own."""
    return _TOC_NESTED_NAV.sub('<nav class="md-nav" role="none">', html)

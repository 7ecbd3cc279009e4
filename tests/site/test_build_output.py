"""The built site: offline-safe, one 404 page per language, correct lang attributes, a switcher that keeps the page."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)
# (tag, attribute) pairs whose URL the browser loads by itself
_LOADED = [("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"), ("source", "src"),
           ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
           ("object", "data"), ("image", "href")]


def _external_loads(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attribute in _LOADED:
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if tag == "link" and not {"stylesheet", "preload", "preconnect", "icon", "manifest", "modulepreload",
                                      "dns-prefetch", "prefetch"} & set(element.get("rel") or []):
                continue
            if value and _EXTERNAL.match(value):
                found.append(f"<{tag} {attribute}={value}>")
    for style in soup.find_all("style"):
        found += [url for url in _CSS_URL.findall(style.get_text()) if _EXTERNAL.match(url)]
    return found


def test_built_html_loads_nothing_from_another_host(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 60
    offenders = {str(p.relative_to(built_site)): hits for p in pages if (hits := _external_loads(p.read_text("utf-8")))}
    assert offenders == {}


def test_stylesheets_import_no_remote_fonts_or_files(built_site):
    offenders = {}
    for css in built_site.rglob("*.css"):
        urls = [u for u in _CSS_URL.findall(css.read_text("utf-8")) if _EXTERNAL.match(u)]
        if urls:
            offenders[str(css.relative_to(built_site))] = urls
    assert offenders == {}


def test_the_external_host_detector_catches_what_it_must():
    html = ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
            '<script src="//cdn.example.org/x.js"></script><img src="/ok.png">'
            '<style>@font-face{src:url(https://fonts.gstatic.com/a.woff2)}</style><a href="https://example.org">x</a>')
    assert _external_loads(html) == [
        "<script src=//cdn.example.org/x.js>",
        "<link href=https://fonts.googleapis.com/css?family=Roboto>",
        "https://fonts.gstatic.com/a.woff2",
    ]


def test_every_page_declares_its_language(languages, source_pages, page_html):
    for lang in languages:
        for page in source_pages:
            html = page_html(lang, page).find("html")
            assert html.get("lang") == lang["locale"], (lang["locale"], str(page))


def test_each_language_has_its_own_404_page(built_site, languages):
    titles = {}
    for lang in languages:
        path = built_site / "404.html" if lang.get("default") else built_site / lang["locale"] / "404.html"
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        assert soup.find("html").get("lang") == lang["locale"]
        titles[lang["locale"]] = soup.find("article").find("h1").get_text(strip=True)
        home = lang.get("link") or ("/" if lang.get("default") else f"/{lang['locale']}/")
        assert soup.find("article").find("a", href=home) is not None, f"{path}: no link to {home}"
    assert len(set(titles.values())) == len(languages), titles


def test_language_switcher_keeps_the_page(languages, source_pages, page_html):
    page = Path("guidelines/service-quality.md")
    assert page in source_pages
    for lang in languages:
        soup = page_html(lang, page)
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert set(links) == {other["locale"] for other in languages}
        for other, href in links.items():
            target = href.rstrip("/").split("/")
            assert target[-2:] == ["guidelines", "service-quality"] or (other == lang["locale"] and href == "./"), href


def test_navigation_is_translated(languages, page_html):
    labels = {}
    for lang in languages:
        soup = page_html(lang, Path("index.md"))
        labels[lang["locale"]] = tuple(
            span.get_text(" ", strip=True)
            for span in soup.select("nav.md-nav--primary > ul > li.md-nav__item--section > label")
        )
    assert len(set(labels.values())) == len(languages), labels


def test_pruned_navigation_still_lists_every_page_on_every_page(languages, source_pages, page_html):
    """navigation.prune leaves out only the pages of folders below a top-level section: this site has none,
    so every page's navigation links every page of its language (the sections are listed, not folded away)."""
    config = mkdocs_config()
    features = config.theme["features"]
    assert "navigation.prune" in features and "navigation.sections" in features
    assert "navigation.expand" not in features, "Material does not prune with navigation.expand"
    for lang in languages:
        prefix = "" if lang.get("default") else f"{lang['locale']}/"
        every_page = {_page_url(prefix, page) for page in source_pages}
        for page in source_pages:
            here = _page_url(prefix, page)
            nav = page_html(lang, page).select_one("nav.md-nav--primary")
            linked = {_site_path(here, a["href"]) for a in nav.select("a.md-nav__link[href]")}
            assert every_page <= linked, (lang["locale"], str(page), sorted(every_page - linked))


def _page_url(prefix: str, page: Path) -> str:
    parts = page.with_suffix("").parts
    if parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return prefix + "".join(f"{part}/" for part in parts)


def _site_path(here: str, href: str) -> str:
    """Where a link on the page at ``here`` leads, as ``_page_url`` writes it."""
    path = posixpath.normpath(posixpath.join("/" + here, href.split("#")[0])).strip("/")
    return f"{path}/" if path else ""


def mkdocs_config():
    """The site's configuration as MkDocs itself loads it (the theme's features are MkDocs' business)."""
    from mkdocs.config import load_config

    return load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml"))

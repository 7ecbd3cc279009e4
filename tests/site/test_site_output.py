"""What the kbsync-search plugin writes into the built site, read from the files a browser gets."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from kbsync.config import load_site_config

pytestmark = pytest.mark.build

REPO = Path(__file__).resolve().parents[2]
HOST = "http://kb.test"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
WORKER = re.compile(r"/assets/javascripts/workers/language-search\.js\?worker=(search\.[0-9a-f]+\.min\.js)$")


def language_dir(site_dir, lang):
    return site_dir if lang.get("default") else site_dir / lang["locale"]


def theme_pages(site_dir) -> list:
    """The HTML pages the theme renders: all but the `go/` files (kbsync.site.go_links), which only send the reader on."""
    return [path for path in sorted(site_dir.rglob("*.html")) if path.relative_to(site_dir).parts[0] != "go"]


def search_index(site_dir, lang) -> dict:
    return json.loads((language_dir(site_dir, lang) / "search" / "search_index.json").read_text("utf-8"))


def test_each_language_has_an_index_of_its_own_pages(built_site, languages, source_pages, page_path, language_root):
    source = next(lang for lang in languages if lang.get("default"))
    for lang in languages:
        index = search_index(built_site, lang)
        assert index["config"]["lang"] == [lang["locale"]]
        assert index["config"]["pipeline"] == PIPELINE
        page_docs = {doc["location"]: doc for doc in index["docs"] if "#" not in doc["location"]}
        pages = {page_path(lang, page).removeprefix(language_root(lang)): page for page in source_pages}
        assert set(page_docs) == set(pages), lang["locale"]
        for location, doc in page_docs.items():
            page = BeautifulSoup((language_dir(built_site, lang) / location / "index.html").read_text("utf-8"),
                                 "html.parser")
            assert page.html["lang"] == lang["locale"]
            if not (REPO / "docs" / lang["locale"] / pages[location]).is_file():
                # Not translated yet: the German page in its place, found in German and titled so.
                title = doc["title"].removesuffix(f" ({source['name']})")
                assert title != doc["title"] and page.title.get_text().startswith(title), (lang["locale"], location)
                continue
            # The entry is that page's own text: same title, page in the language, no source-language content.
            assert page.title.get_text().startswith(doc["title"]), (lang["locale"], location)
            # (the status page quotes each local section's title in its own language, marked with lang)
            quoted = set() if location != "translation-status/" else \
                {id(element) for element in page.select("article #by-market ~ * [lang]")}
            other = [element for element in page.select("article [lang]")
                     if element["lang"] != lang["locale"] and id(element) not in quoted]
            assert other == [], (lang["locale"], location)


def test_german_index_holds_the_parts_of_compound_nouns(built_site, languages):
    source = next(lang for lang in languages if lang.get("default"))
    index = search_index(built_site, source)
    assert index["config"]["fields"]["parts"] == {"boost": 1.0}
    parts = [doc["parts"].split() for doc in index["docs"] if "Kundenzufriedenheit" in doc["text"]]
    assert parts and all("zufriedenheit" in doc_parts for doc_parts in parts)
    for lang in languages:
        if lang is not source:
            assert "parts" not in search_index(built_site, lang)["config"]["fields"]


def test_every_page_points_material_at_its_language(built_site, languages, language_root):
    """Search index, sitemap and worker as Material's script finds them from __config; no <link rel=alternate>."""
    roots = {lang["locale"]: language_root(lang) for lang in languages}
    workers = built_site / "assets" / "javascripts" / "workers"
    assert (workers / "language-search.js").is_file()
    pages = theme_pages(built_site)
    assert len(pages) > 60
    for path in pages:
        relative = path.relative_to(built_site).as_posix()
        url = urljoin(f"{HOST}/", relative.removesuffix("index.html"))
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        config = json.loads(soup.find("script", id="__config").string)
        assert urljoin(url, config["base"]) == urljoin(HOST, roots[soup.html["lang"]]), relative
        worker = WORKER.search(urljoin(url, config["search"]))
        assert worker and (workers / worker.group(1)).is_file(), relative
        assert soup.select("link[rel=alternate][hreflang]") == [], relative


def test_each_language_has_a_sitemap_of_its_own_pages(built_site, languages, language_root):
    """Where Material's script fetches it: sitemap.xml at the language's root, listing canonical addresses (site_url)."""
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    canonical_url = load_site_config(Path(__file__).resolve().parents[2] / "mkdocs.yml").canonical_url
    for lang in languages:
        sitemap = ElementTree.parse(language_dir(built_site, lang) / "sitemap.xml").getroot()
        assert sitemap.tag == f"{namespace}urlset"
        if not lang.get("default"):  # the default language's sitemap is the i18n plugin's, for every language
            urls = [loc.text for loc in sitemap.iter(f"{namespace}loc")]
            root = canonical_url + language_root(lang).lstrip("/")
            assert urls and all(url.startswith(root) for url in urls), lang["locale"]
            assert [url for url in urls if "/go/" in url] == []


def test_landmarks_dialogs_and_language_names_are_labelled(built_site, languages):
    for path in theme_pages(built_site):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        switcher = soup.select("a.md-select__link")
        assert [(link["hreflang"], link["lang"]) for link in switcher] == [(lang["locale"],) * 2 for lang in languages]
        dialog = soup.select_one(".md-search[role=dialog]")
        assert dialog["aria-label"] == soup.select_one("input.md-search__input")["aria-label"]
        for nav in soup.select("nav[aria-labelledby]"):
            assert soup.find(id=nav["aria-labelledby"]).get_text(strip=True), (path, nav["aria-labelledby"])
        toc_lists = soup.select(".md-nav--secondary nav")
        assert all(nav.get("role") == "none" and not nav.get("aria-label") for nav in toc_lists), path


def test_a_page_not_translated_yet_shows_german_content_in_the_readers_page(fallback_site, fallback_case, languages,
                                                                          page_path, language_root):
    lang = next(lang for lang in languages if lang["locale"] == fallback_case.locale)
    source = next(lang for lang in languages if lang.get("default"))
    location = page_path(lang, fallback_case.page).removeprefix(language_root(lang))
    soup = BeautifulSoup((language_dir(fallback_site, lang) / location / "index.html").read_text("utf-8"),
                         "html.parser")
    assert soup.html["lang"] == lang["locale"]
    assert soup.select_one(f"article div[lang={source['locale']}] h1") is not None

    titles = {doc["location"]: doc["title"] for doc in search_index(fallback_site, lang)["docs"]}
    marked = {loc for loc, title in titles.items() if title.endswith(f" ({source['name']})")}
    assert marked == {loc for loc in titles if loc.split("#", 1)[0] == location}
    assert marked


def test_a_site_without_handouts_links_to_none(built_site):
    """Only `make pdf` (KB_PDF=1) writes PDFs, so only its build links to them: a page of `make
    build` or `make serve` never offers a PDF that is not there."""
    assert not list(built_site.rglob("*.pdf"))
    pages = list(built_site.rglob("index.html"))
    assert len(pages) > 70
    assert not [page for page in pages if 'class="kb-pdf-link"' in page.read_text(encoding="utf-8")]

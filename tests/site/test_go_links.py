"""The language-neutral link of a section, `go/<page>/#<section>`, as trainers and handouts use it, and the
print date of a printed page."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kbsync.config import load_site_config
from kbsync.errors import ConfigError
from kbsync.languages import profile
from kbsync.site.go_links import add_go_links, go_page, go_pages, reserved_folder_users
from kbsync.site.print_meta import date_formats
from kbsync.site.urls import SiteLanguages, go_link, go_url

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def config():
    return load_site_config(REPO / "mkdocs.yml", environ={"KB_SITE_URL": "https://kb.example.internal/"})


@pytest.mark.parametrize("page, section, link", [
    ("guidelines/service-quality.md", "quality-indicators",
     "https://kb.example.internal/go/guidelines/service-quality/#quality-indicators"),
    ("metrics/nps.md", None, "https://kb.example.internal/go/metrics/nps/"),
    ("guidelines/index.md", "at-a-glance", "https://kb.example.internal/go/guidelines/#at-a-glance"),
    ("index.md", None, "https://kb.example.internal/go/"),
])
def test_go_link_is_absolute_with_directory_urls_and_index_pages_as_their_folder(config, page, section, link):
    assert go_link(config, page, section) == link


def test_go_link_follows_the_canonical_address_of_another_host():
    config = load_site_config(REPO / "mkdocs.yml", environ={"KB_SITE_URL": "http://mirror.example.internal/kb"})
    assert go_link(config, "metrics/csat.md", "scale") == "http://mirror.example.internal/kb/go/metrics/csat/#scale"
    assert go_url("metrics/csat.md") == "go/metrics/csat/"


def test_go_link_without_an_address_says_what_to_set(tmp_path):
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("site_url:")]
    (tmp_path / "mkdocs.yml").write_text("".join(lines), "utf-8")
    bare = load_site_config(tmp_path / "mkdocs.yml", environ={})
    assert bare.canonical_url is None
    with pytest.raises(ConfigError, match="set site_url in mkdocs.yml or the environment variable KB_SITE_URL"):
        go_link(bare, "metrics/nps.md", None)


LANGUAGES = SiteLanguages(source="de", prefixes={"de": "", "it": "it/", "fr": "fr/", "en": "en/"},
                          names={"de": "Deutsch", "it": "Italiano", "fr": "Français", "en": "English"})
TITLES = {("de", "guidelines/service-quality.md"): "Servicequalität", ("fr", "guidelines/service-quality.md"): "Qualité"}


def test_a_go_page_per_page_with_relative_links_to_every_language():
    pages = go_pages(["index.md", "guidelines/service-quality.md", "guidelines/index.md"], LANGUAGES, TITLES)
    assert sorted(pages) == ["go/guidelines/index.html", "go/guidelines/service-quality/index.html", "go/index.html"]
    soup = BeautifulSoup(pages["go/guidelines/service-quality/index.html"], "html.parser")
    assert soup.html["lang"] == "de" and soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert [(a["hreflang"], a["href"], a.get_text()) for a in soup.select("noscript a")] == [
        ("de", "../../../guidelines/service-quality/", "Deutsch: Servicequalität"),
        ("it", "../../../it/guidelines/service-quality/", "Italiano: Servicequalität"),  # no Italian title: the source's
        ("fr", "../../../fr/guidelines/service-quality/", "Français: Qualité"),
        ("en", "../../../en/guidelines/service-quality/", "English: Servicequalität"),
    ]
    script = soup.find("script").string
    assert '"fr": "../../../fr/guidelines/service-quality/"' in script and 'return targets["de"]' in script
    # Nothing is loaded: no src, no stylesheet, and the browser asks for no favicon.
    assert soup.select("[src]") == [] and [link["href"] for link in soup.select("link")] == ["data:,"]
    home = BeautifulSoup(pages["go/index.html"], "html.parser")
    assert [a["href"] for a in home.select("noscript a")] == ["../", "../it/", "../fr/", "../en/"]


def test_a_page_title_cannot_add_markup_to_a_go_page():
    html = go_page("a.md", LANGUAGES, {("de", "a.md"): "</script><script>alert(1)</script>"})
    assert html.count("<script>") == 1 and "&lt;/script&gt;" in html


def test_pages_inside_the_go_folder_are_named():
    assert reserved_folder_users(["go.md", "go/index.md", "go/how.md", "going.md", "guides/go.md", "index.md"]) == [
        "go.md", "go/how.md", "go/index.md"]


HEADINGS = ('<h1 id="servicequalitat">Servicequalität<a class="headerlink" href="#servicequalitat" title="Link">&para;</a></h1>\n'
            '<p>Text</p>\n<h2 id="basics">Die Grundlagen</h2>\n'
            '<h2 id="quality-indicators">Die Kennzahlen<a class="headerlink" href="#quality-indicators" title="Link">&para;</a></h2>\n'
            '<h3 id="auto-slug">Ohne ID<a class="headerlink" href="#auto-slug" title="Link">&para;</a></h3>\n')


def test_each_section_permalink_gets_its_link_for_all_languages():
    html = add_go_links(HEADINGS, page="guidelines/service-quality.md", page_url="fr/guidelines/service-quality/",
                        sections=["basics", "quality-indicators"], title="Lien pour toutes les langues")
    soup = BeautifulSoup(html, "html.parser")
    links = {link.find_parent(["h1", "h2", "h3"])["id"]: link for link in soup.select("a.kb-go-link")}
    # The page title links to the page; a section to its section; a heading without a fixed ID (or permalink) gets none.
    assert {heading: link["href"] for heading, link in links.items()} == {
        "servicequalitat": "../../../go/guidelines/service-quality/",
        "quality-indicators": "../../../go/guidelines/service-quality/#quality-indicators",
    }
    link = links["quality-indicators"]
    assert link["aria-label"] == link["title"] == "Lien pour toutes les langues"
    assert link.get_text() == "" and link.has_attr("data-search-exclude")  # not in the section's title in search
    assert link.find_previous_sibling("a")["class"] == ["headerlink"]  # right after the permalink (¶)


@pytest.mark.parametrize("locale, day, written", [
    ("de", datetime.date(2026, 3, 5), "5. März 2026"),
    ("fr", datetime.date(2026, 11, 1), "1er novembre 2026"),
    ("fr", datetime.date(2026, 8, 20), "20 août 2026"),
    ("it", datetime.date(2026, 12, 31), "31 dicembre 2026"),
    ("en", datetime.date(2027, 1, 2), "2 January 2027"),
])
def test_the_print_date_formats_write_dates_as_the_profile_does(locale, day, written):
    formats = json.loads(date_formats(locale))
    chosen = formats["first"] if day.day == 1 and formats["first"] else formats["day"]
    months = chosen.get("months") or formats["day"]["months"]
    # What print-meta.js does with them:
    text = chosen["pattern"].replace("{d}", str(day.day)).replace("{m}", months[day.month - 1])
    assert text.replace("{y}", str(day.year)) == written == profile(locale).format_day(day)


@pytest.mark.build
def test_the_build_writes_a_go_page_for_every_page_leading_to_each_language(built_site, source_pages, languages,
                                                                           language_root):
    written = sorted(path.relative_to(built_site).as_posix() for path in (built_site / "go").rglob("*"))
    expected = sorted({go_url(page.as_posix()) + "index.html" for page in source_pages})
    assert [path for path in written if path.endswith(".html")] == expected
    for page in source_pages:
        go_file = built_site / go_url(page.as_posix()) / "index.html"
        soup = BeautifulSoup(go_file.read_text("utf-8"), "html.parser")
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        links = {a["hreflang"]: a["href"] for a in soup.select("noscript a")}
        assert list(links) == [lang["locale"] for lang in languages]
        for locale, href in links.items():
            target = (go_file.parent / href / "index.html").resolve()
            assert target.is_file(), (str(page), locale, href)
            assert BeautifulSoup(target.read_text("utf-8"), "html.parser").html["lang"] == locale
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    assert "/go/" not in sitemap
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    assert not [entry["location"] for entry in index["docs"] if entry["location"].startswith("go/")]


@pytest.mark.build
def test_every_section_of_every_language_offers_its_link_for_all_languages(built_site, source_pages, languages,
                                                                         page_html):
    config = load_site_config(REPO / "mkdocs.yml")
    for lang in languages:
        title = profile(lang["locale"]).ui["go_link_title"]
        for page in source_pages:
            soup = page_html(lang, page)
            go = go_url(page.as_posix())
            for heading in soup.select("article h2[id], article h3[id]"):
                if "local" in (heading.get("class") or []):
                    continue  # a local section exists in its own language only: no link for all languages
                links = heading.select("a.headerlink")
                assert [link.get("class") for link in links] == [["headerlink"], ["headerlink", "kb-go-link"]], \
                    (lang["locale"], str(page), heading["id"])
                go_link_element = links[1]
                assert go_link_element["aria-label"] == title
                href = go_link_element["href"]
                assert href.endswith(f"{go}#{heading['id']}") and not href.startswith(("/", "http"))
                assert go_link(config, page.as_posix(), heading["id"]).endswith(href.lstrip("./"))


@pytest.mark.build
def test_kb_site_url_reaches_sitemaps_canonical_links_and_printed_addresses_in_both_builds(tmp_path):
    """Another host for the same site: `mkdocs build` and `make build`'s driver write it everywhere, the same files."""
    mirror = "https://mirror.example.internal/kb/"
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_SITE_URL=mirror.rstrip("/"))
    sites = {}
    for name, command in (("sequential", ["-m", "mkdocs", "build", "--strict"]),
                          ("parallel", ["-m", "kbsync.build.site", "--strict"])):
        sites[name] = tmp_path / name
        result = subprocess.run([sys.executable, *command, "--site-dir", str(sites[name])], cwd=REPO,
                                capture_output=True, text=True, env=environment)
        assert result.returncode == 0, result.stderr[-4000:]
    files = {name: {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}
             for name, site in sites.items()}
    assert sorted(files["parallel"]) == sorted(files["sequential"])
    assert [path for path, data in files["sequential"].items() if files["parallel"][path] != data] == []

    site = sites["parallel"]
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    for sitemap in ("sitemap.xml", "fr/sitemap.xml"):
        urls = [loc.text for loc in ElementTree.parse(site / sitemap).getroot().iter(f"{namespace}loc")]
        assert urls and all(url.startswith(mirror) for url in urls), sitemap
    soup = BeautifulSoup((site / "fr/guidelines/service-quality/index.html").read_text("utf-8"), "html.parser")
    address = f"{mirror}fr/guidelines/service-quality/"
    assert soup.find("link", rel="canonical")["href"] == address
    assert soup.select_one(".kb-print-meta .kb-print-address").get_text() == address
    assert soup.select(".kb-print-preview") == []  # a build, not the preview
    assert not [path for path, data in files["parallel"].items() if b"kb.example.internal" in data]


@pytest.mark.build
def test_a_page_in_the_go_folder_stops_the_build_with_a_message(tmp_path, kb_tools, mkdocs_build):
    copy_knowledge_base, _ = kb_tools
    root = copy_knowledge_base(tmp_path / "kb")
    (root / "docs/de/go").mkdir()
    source = (root / "docs/de/guidelines/people.md").read_text("utf-8")
    (root / "docs/de/go/index.md").write_text(source, "utf-8")
    result = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1
    assert ("docs/de/go/index.md: the site's folder go/ holds the links for every language; move the page elsewhere"
            in result.stderr) and "Traceback" not in result.stderr

"""The language-neutral link of a section, `go/<page>/#<section>`, as trainers and handouts use it, and the
print date of a printed page."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kbsync.config import load_site_config
from kbsync.errors import ConfigError
from kbsync.languages import profile
from kbsync.site.go_links import add_go_links, go_page, go_pages
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

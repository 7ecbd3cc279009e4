"""Former section IDs on the built site: a retired section's `#id` is a note, in each language, linking to
where its content is now; an aliased ID is an anchor before the section that replaced it.

One real strict build of a copy of the knowledge base whose German service-quality page retires one
section ID (its content is now in the NPS page's `#scale`), retires another to a section of the same
page, and aliases a third.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from kbsync.languages import profile

pytestmark = pytest.mark.build

PAGE = "guidelines/service-quality.md"
TITLES = {  # the NPS page's title and its `#scale` heading, as each language's page gives them
    "de": ("Net Promoter Score (NPS)", "Skala und Gruppen"),
    "it": ("Net Promoter Score (NPS)", "Scala e gruppi"),
    "fr": ("Net Promoter Score (NPS)", "Échelle et catégories"),
    "en": ("Net Promoter Score (NPS)", "Scale and groups"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory, mkdocs_build, kb_tools) -> Path:
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("former") / "kb")
    german = root / "docs/de" / PAGE
    text = german.read_text(encoding="utf-8")
    german.write_text(text.replace("review_interval_months: 12\n", "review_interval_months: 12\n"
                                   "section_aliases: {indicators: quality-indicators}\n"
                                   "retired_sections:\n  targets: metrics/nps.md#scale\n"
                                   "  indicator-list: \"#quality-indicators\"\n", 1), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Retire two sections, alias one", date="2026-11-21T10:00:00+00:00")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def _page(site: Path, lang: str, page: str) -> BeautifulSoup:
    prefix = site if lang == "de" else site / lang
    return BeautifulSoup(prefix.joinpath(*Path(page).with_suffix("").parts, "index.html").read_text("utf-8"),
                         "html.parser")


@pytest.mark.parametrize("lang", list(TITLES))
def test_a_retired_section_id_is_a_note_linking_to_its_replacement(site, lang):
    soup = _page(site, lang, PAGE)
    note = soup.select_one("article p#targets")
    assert note is not None and "kb-banner--retired" in note["class"]
    link = note.find("a")
    page_title, section_title = TITLES[lang]
    assert note.get_text(" ", strip=True) == f"{profile(lang).ui['retired_section']} {page_title} – {section_title}"
    prefix = "/" if lang == "de" else f"/{lang}/"
    assert urljoin(f"{prefix}guidelines/service-quality/", link["href"]) == f"{prefix}metrics/nps/#scale"
    target = _page(site, lang, "metrics/nps.md")
    assert target.select_one("article h2#scale").get_text(strip=True).rstrip("¶") == section_title
    same_page = soup.select_one("article p#indicator-list a")
    assert same_page["href"] == "#quality-indicators"
    assert same_page.get_text(strip=True) == soup.select_one("article h2#quality-indicators").get_text(strip=True).rstrip("¶")


@pytest.mark.parametrize("lang", list(TITLES))
def test_an_aliased_id_is_an_anchor_before_its_new_section(site, lang):
    anchor = _page(site, lang, PAGE).select_one("article span#indicators")
    assert anchor is not None
    assert anchor.find_next_sibling()["id"] == "quality-indicators"

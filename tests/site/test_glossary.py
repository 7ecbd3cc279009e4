"""The glossary in every language lists every termbase concept, and its table gives the approved term in each language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.build

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def concepts():
    return yaml.safe_load((REPO / "docs" / "termbase.yml").read_text(encoding="utf-8"))["concepts"]


def test_every_concept_has_an_entry_in_every_language(concepts, languages, page_html):
    for lang in languages:
        article = page_html(lang, Path("glossary.md")).select_one("article")
        for concept in concepts:
            heading = article.find(id=concept["id"])
            assert heading is not None and heading.name == "h3", f"{lang['locale']}/glossary: no entry #{concept['id']}"
            assert concept[lang["locale"]]["term"].lower() in heading.get_text().lower(), (
                f"{lang['locale']}/glossary #{concept['id']}: heading should use the approved term "
                f"{concept[lang['locale']]['term']!r}")


def test_terms_table_gives_every_term_in_every_language(concepts, languages, page_html):
    for lang in languages:
        section = page_html(lang, Path("glossary.md")).select_one("article h2#terms-by-language")
        table = section.find_next("table")
        header = [th.get_text(strip=True) for th in table.select("thead th")]
        assert header == [other["name"] for other in languages]
        rows = table.select("tbody tr")
        assert len(rows) == len(concepts)
        for row, concept in zip(rows, concepts):
            cells = [td.get_text(strip=True) for td in row.find_all("td")]
            for cell, other in zip(cells, languages):
                assert cell.startswith(concept[other["locale"]]["term"]), (lang["locale"], concept["id"], cell)
            own = row.find_all("td")[[o["locale"] for o in languages].index(lang["locale"])]
            assert own.find("a")["href"] == f"#{concept['id']}"

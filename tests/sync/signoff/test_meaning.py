"""signoff.meaning: which source changes are more than wording."""

from __future__ import annotations

import pytest

from kbsync.commands.session import Session
from kbsync.languages import profile
from kbsync.reading.analysis import Analyzer
from kbsync.reading.termbase import site_termbase
from kbsync.signoff.meaning import meaning_changes

PAGE = "guidelines/service-quality.md"
BEFORE = """\
## Antwortzeit {#response-time}

Wir antworten innerhalb von fünf Arbeitstagen auf 95 % der Anfragen, siehe [NPS](../metrics/nps.md).

- Der Net Promoter Score wird monatlich gemessen.
"""
TERMBASE = """\
version: 1
concepts:
  - id: nps
    abbreviation: NPS
    de: {term: Net Promoter Score, forbidden: [Promotorenwert], definition: "Weiterempfehlung."}
    it: {term: Net Promoter Score, definition: "Raccomandazione."}
    fr: {term: Net Promoter Score, definition: "Recommandation."}
    en: {term: Net Promoter Score, definition: "Recommendation."}
"""


@pytest.fixture
def changes(kb):
    kb.write("docs/termbase.yml", TERMBASE)
    session = Session.open(kb.root / "mkdocs.yml", use_cache=False)
    analyzer = Analyzer(session.config)
    termbase = site_termbase(session.config)

    def compare(old: str, new: str) -> list[str]:
        sections = [analyzer.analyze(f"# T\n\n{text}".encode(), "de").section("response-time") for text in (old, new)]
        return [str(change) for change in meaning_changes(*sections, PAGE, session.config, termbase)]
    return compare


def test_wording_and_typos_are_no_change_of_meaning(changes):
    assert changes(BEFORE, BEFORE.replace("Wir antworten", "Wir beantworten").replace("Anfragen,", "Anfragen ,")) == []
    assert changes(BEFORE, BEFORE.replace("fünf", "5")) == []  # the same figure, written otherwise


def test_figures_and_number_words(changes):
    assert changes(BEFORE, BEFORE.replace("fünf", "drei")) == ["figures: removed `fünf (5)`, added `drei (3)`"]
    assert changes(BEFORE, BEFORE.replace("95 %", "90 %")) == ["figures: removed `95 %`, added `90 %`"]
    assert changes(BEFORE, BEFORE.replace("fünf Arbeitstagen", "fünf Arbeitstagen (bei 2 Anfragen 10)")) == \
        ["figures: added `2`, `10`"]
    swapped = "## Antwortzeit {#response-time}\n\nA: 3 Tage, B: 5 Tage.\n"
    assert changes(swapped, swapped.replace("A: 3 Tage, B: 5", "A: 5 Tage, B: 3")) == ["figures: moved: 3, 5 -> 5, 3"]


def test_links(changes):
    assert changes(BEFORE, BEFORE.replace("../metrics/nps.md", "../metrics/csat.md")) == \
        ["links: removed `../metrics/nps.md`, added `../metrics/csat.md`"]
    # the same target, written otherwise
    assert changes(BEFORE, BEFORE.replace("../metrics/nps.md", "../guidelines/../metrics/nps.md")) == []


def test_terms(changes):
    assert changes(BEFORE, BEFORE.replace("Der Net Promoter Score", "Der Promotorenwert")) == \
        ["terms: `Net Promoter Score` -> `Promotorenwert` (termbase: nps)"]
    assert changes(BEFORE, BEFORE.replace("- Der Net Promoter Score", "- Der Wert")) == \
        ["terms: removed `Net Promoter Score` (termbase: nps)"]


def test_structure(changes):
    assert changes(BEFORE, BEFORE + "- Die Antwortzeit wird wöchentlich gemessen.\n") == ["structure: list items 1 -> 2"]
    assert changes(BEFORE, BEFORE.replace("## Antwortzeit", "### Antwortzeit")) == ["structure: heading level 2 -> 3"]


def test_every_profile_has_number_words_that_are_not_ordinary_words():
    assert profile("de").number_words["fünf"] == "5" and profile("de").number_words["dritten"] == "3"
    assert profile("fr").number_words["cinq"] == "5" and profile("fr").number_words["première"] == "1"
    assert profile("it").number_words["cinque"] == "5" and profile("en").number_words["five"] == "5"
    for lang, words in (("de", "ein eine achten"), ("it", "uno una sei prima secondo"), ("fr", "un une"),
                        ("en", "one second")):
        assert not set(words.split()) & set(profile(lang).number_words), lang

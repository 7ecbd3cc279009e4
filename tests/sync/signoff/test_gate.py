"""signoff.gate.section_problems: what a section would be reported for once recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsync.commands.recording import PageSet
from kbsync.commands.session import Session
from kbsync.errors import InputError
from kbsync.signoff.gate import section_problems

DE = "docs/de/guidelines/service-quality.md"
FR = "docs/fr/guidelines/service-quality.md"
PAGE = "guidelines/service-quality.md"
GERMAN_PARAGRAPH = ("Wir messen den Net Promoter Score jeden Monat mit mindestens 200 Antworten pro "
                    "Team, siehe [NPS](../metrics/nps.md).")
FRENCH_PARAGRAPH = ("Nous mesurons le Net Promoter Score chaque mois avec au moins 200 réponses par "
                    "équipe, voir [NPS](../metrics/nps.md).")


def problems(kb, lang="fr", edited=None, sections=None):
    session = Session.open(kb.root / "mkdocs.yml", use_cache=False)
    return section_problems(session, PageSet(session, [PAGE]), lang, PAGE, edited, sections)


def codes(found):
    return {section: [item.code for item in items] for section, items in found.items()}


def test_a_faithful_translation_has_no_problems_in_any_section(kb):
    assert codes(problems(kb)) == {"_intro": [], "basics": [], "quality-indicators": []}


def test_a_german_paragraph_is_found_in_its_section_only(kb):
    kb.edit(FR, FRENCH_PARAGRAPH, GERMAN_PARAGRAPH)
    found = problems(kb)
    assert codes(found) == {"_intro": [], "basics": [], "quality-indicators": ["KB701"]}
    item = found["quality-indicators"][0]
    assert (item.path, item.line, item.lang) == (FR, 20, "fr")


def test_a_section_copied_from_german_is_found(kb):
    german = kb.text(DE).split("## Die Grundlagen", 1)[1].split("## Die Qualitätskennzahlen")[0]
    french = kb.text(FR).split("## Les fondamentaux", 1)[1].split("## Les indicateurs")[0]
    kb.edit(FR, french, german)
    assert codes(problems(kb, sections=["basics"])) == {"basics": ["KB701", "KB701"]}


def test_edited_bytes_are_judged_without_touching_the_file(kb):
    before = kb.read(FR)
    edited = before.replace("200 réponses".encode(), "300 réponses".encode()).replace(
        b"[NPS](../metrics/nps.md)", b"[NPS](../metrics/csat.md)")
    found = problems(kb, edited=edited, sections=["quality-indicators", "basics"])
    assert list(found) == ["quality-indicators", "basics"]
    assert sorted(codes(found)["quality-indicators"]) == ["KB401", "KB402", "KB501", "KB502"]
    assert found["basics"] == []
    assert kb.read(FR) == before


def test_a_reading_error_of_the_edit_goes_to_its_section(kb):
    edited = kb.read(FR).replace(b"## Les fondamentaux {#basics}", b"## Les fondamentaux\n\n### Sous-titre")
    found = problems(kb, edited=edited, sections=["_intro", "quality-indicators"])
    # `## Les fondamentaux` lost its ID: `basics` is gone (its heading no longer splits) and
    # the heading reads as part of `_intro`.
    assert "KB108" in codes(found)["_intro"]
    assert codes(found)["quality-indicators"] == []


def test_broken_front_matter_in_the_edit_stops_every_section(kb):
    edited = kb.read(FR).replace(b"title: Qualit", b"title: [Qualit", 1)
    found = problems(kb, edited=edited, sections=["basics", "quality-indicators"])
    assert codes(found) == {"basics": ["KB107"], "quality-indicators": ["KB107"]}


def test_a_forbidden_term_and_a_missing_approved_term(kb):
    kb.write("docs/termbase.yml", TERMBASE)
    kb.edit(FR, "Net Promoter Score chaque mois", "Net Promoteur Score chaque mois")
    found = codes(problems(kb))
    assert sorted(found["quality-indicators"]) == ["KB601", "KB602"]
    assert found["basics"] == found["_intro"] == []


def test_a_section_the_edit_dropped_is_named(kb):
    text = kb.text(FR)
    edited = (text.split("## Les fondamentaux")[0] + "## Les indicateurs"
              + text.split("## Les indicateurs", 1)[1]).encode()
    found = codes(problems(kb, edited=edited, sections=["basics"]))
    assert found == {"basics": ["KB304"]}


def test_a_structure_difference(kb):
    kb.edit(FR, "- Vous identifiez", "Vous identifiez")
    assert codes(problems(kb, sections=["basics"])) == {"basics": ["KB305"]}


def test_no_translation_and_no_edit_is_an_input_error(kb):
    Path(kb.root / FR).unlink()
    with pytest.raises(InputError, match="does not exist"):
        problems(kb)
    edited = kb.read("docs/it/guidelines/service-quality.md")
    assert codes(problems(kb, edited=edited.replace(b"200", b"300")))["quality-indicators"] == ["KB501", "KB502"]


def test_outdated_recorded_sections_are_judged_as_if_recorded_now(synced):
    synced.edit(DE, "200 Antworten", "300 Antworten")
    # recorded, but outdated: `check` says nothing but KB801; the gate compares anyway
    assert codes(problems(synced))["quality-indicators"] == ["KB501", "KB502"]
    synced.edit(FR, "200 réponses", "300 réponses")
    assert codes(problems(synced))["quality-indicators"] == []


TERMBASE = """\
version: 1
concepts:
  - id: nps
    abbreviation: NPS
    de: {term: Net Promoter Score, definition: "Weiterempfehlung."}
    it: {term: Net Promoter Score, definition: "Raccomandazione."}
    fr: {term: Net Promoter Score, forbidden: [Net Promoteur Score], definition: "Recommandation."}
    en: {term: Net Promoter Score, definition: "Recommendation."}
"""

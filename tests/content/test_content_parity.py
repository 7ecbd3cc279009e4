"""The repository's pages hold what must hold while translations are pending (tests/content/rules.py):
every German page is served in every language (translated or German with a banner), a synced section
keeps German's headings and has no German left in it, every page that exists is complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content import rules

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def repository(built_site) -> rules.BuiltKnowledgeBase:
    return rules.BuiltKnowledgeBase(REPO, built_site)


def test_every_german_page_is_served_in_every_language(repository):
    assert len(repository.source_pages) >= 16
    assert rules.every_page_is_served_in_every_language(repository) == []


def test_synced_sections_keep_the_source_headings(repository):
    assert rules.synced_sections_keep_the_source_headings(repository) == []


def test_every_heading_carries_an_explicit_id_in_the_source(repository):
    assert rules.every_heading_carries_an_explicit_id(repository) == []


def test_front_matter_is_complete_and_valid(repository):
    assert rules.front_matter_is_complete(repository) == []


def test_no_synced_section_keeps_german_text(repository):
    problems = rules.no_german_in_synced_sections(repository)
    assert problems == [], "\n".join(problems)

"""Which figures of an outdated German section changed since its translation: pairing and git history."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kbsync.cache import Cache
from kbsync.checks.runner import run_checks
from kbsync.config import load_site_config
from kbsync.history.facts import ADDED, REMOVED, REPLACED, FigureChange, changed_facts, pair_figures, section_sources
from kbsync.history.git import HistoryUnavailable
from kbsync.reading.analysis import Analyzer
from kbsync.reading.fingerprints import fingerprint

DE = "docs/de/guidelines/service-quality.md"


def test_a_replaced_figure_pairs_with_the_one_it_replaced():
    assert pair_figures(["200", "3"], ["150", "3"]) == (FigureChange(REPLACED, "150", "200"),)
    assert pair_figures(["5", "80%", "2026-03-01"], ["5", "82.5%", "2026-04-01"]) == (
        FigureChange(REPLACED, "82.5%", "80%"), FigureChange(REPLACED, "2026-04-01", "2026-03-01"))


def test_figures_without_a_partner_are_added_or_removed():
    assert pair_figures(["3"], ["3", "7"]) == (FigureChange(ADDED, "7", None),)
    assert pair_figures(["10", "3"], ["3"]) == (FigureChange(REMOVED, None, "10"),)
    # A run of two replaced by one: the first pair, the rest removed.
    assert pair_figures(["1", "5", "6", "9"], ["1", "4", "9"]) == (
        FigureChange(REPLACED, "4", "5"), FigureChange(REMOVED, None, "6"))


def test_a_figure_that_only_moved_or_did_not_change_is_no_change():
    assert pair_figures(["5", "10"], ["10", "5"]) == ()
    assert pair_figures(["30%", "200"], ["30%", "200"]) == ()
    assert pair_figures([], []) == ()


def test_the_same_change_twice_is_named_once():
    assert pair_figures(["5", "x5", "5"], ["3", "x5", "3"]) == (FigureChange(REPLACED, "3", "5"),)


@pytest.fixture
def history(synced):
    """The synced test site in git; then the German sections edited and committed."""
    synced.init_git()
    synced.commit("translated")
    return synced


def facts(kb, cache=None):
    config = load_site_config(kb.root / "mkdocs.yml")
    return changed_facts(config, run_checks(config, Cache(None)).status, cache)


def test_changed_figures_of_each_outdated_section_in_every_language(history):
    history.edit(DE, "mindestens 200 Antworten", "mindestens 150 Antworten")
    history.edit(DE, "warten drei Monate", "warten vier Monate")  # a number written as a word, as `ack` reads it
    history.edit(DE, "nach den lokalen Regeln.", "nach den lokalen Regeln, auch am Telefon.")  # wording only
    history.commit("150 answers, four months")
    expected = (FigureChange(REPLACED, "150", "200"), FigureChange(REPLACED, "4", "3"))
    assert facts(history) == {(lang, "guidelines/service-quality.md", "quality-indicators"): expected
                              for lang in ("it", "fr", "en")}


def test_a_language_translated_from_a_later_version_sees_only_what_changed_since(history):
    history.edit(DE, "mindestens 200 Antworten", "mindestens 150 Antworten")
    history.commit("150")
    assert history.run("sync", "it", "guidelines/service-quality.md", "--force").code == 0  # Italian follows 150
    history.commit("it synced")
    history.edit(DE, "mindestens 150 Antworten", "mindestens 120 Antworten")
    history.commit("120")
    found = facts(history)
    assert found[("it", "guidelines/service-quality.md", "quality-indicators")] == (FigureChange(REPLACED, "120", "150"),)
    assert found[("fr", "guidelines/service-quality.md", "quality-indicators")] == (FigureChange(REPLACED, "120", "200"),)


def test_the_page_as_it_is_now_counts_even_before_it_is_committed(history):
    history.edit(DE, "mindestens 200 Antworten", "mindestens 250 Antworten")
    assert facts(history)[("en", "guidelines/service-quality.md", "quality-indicators")] == (
        FigureChange(REPLACED, "250", "200"),)


def test_a_version_missing_from_history_leaves_the_section_out(synced):
    synced.init_git()
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 150 Antworten")
    synced.commit("only the edited text was ever committed")
    assert facts(synced) == {}


def test_without_git_history_there_is_no_answer(synced):
    """The site then says what it said before (kbsync.site.state catches it)."""
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 150 Antworten")
    with pytest.raises(HistoryUnavailable):
        facts(synced)


def test_nothing_outdated_reads_no_history(synced):
    assert facts(synced) == {}  # no git here: it is not asked


def test_figures_are_cached_by_fingerprint_so_a_second_build_reads_no_history(history, tmp_path):
    history.edit(DE, "mindestens 200 Antworten", "mindestens 150 Antworten")
    history.commit("150")
    cache = Cache(tmp_path / "cache")
    first = facts(history, cache)
    assert first
    shutil.rmtree(history.root / ".git")  # the history is gone: only the cache can answer
    assert facts(history, cache) == first
    history.edit(DE, "mindestens 150 Antworten", "mindestens 100 Antworten")  # the text now is read from its file
    assert facts(history, cache)[("it", "guidelines/service-quality.md", "quality-indicators")] == (
        FigureChange(REPLACED, "100", "200"),)
    with pytest.raises(HistoryUnavailable):  # without the cache, nothing could answer
        facts(history)


REPO = Path(__file__).resolve().parents[3]


def test_sections_cut_without_markdown_have_the_readers_fingerprints():
    """The quick look at old versions finds what the reader finds, on every German page and the corpus."""
    config = load_site_config(REPO / "mkdocs.yml")
    analyzer = Analyzer(config)
    pages = sorted((REPO / "docs/de").rglob("*.md")) + sorted((REPO / "tests/sync/corpus").glob("*.md"))
    compared = 0
    for path in pages:
        data = path.read_bytes()
        content = analyzer.analyze(data, config.source_lang)
        if not content.readable:
            continue
        sources = section_sources(data)
        assert set(sources) == {section.id for section in content.sections}, path.name
        for section in content.sections:
            assert fingerprint(sources[section.id]) == section.fingerprint, (path.name, section.id)
            compared += 1
    assert compared > 100


def test_a_heading_in_fenced_code_or_repeated_starts_no_section():
    page = ("---\ntitle: T\n---\n\n# T\n\nIntro 5.\n\n## A {#a}\n\n```\n## Not {#not}\n```\n\n"
            "## A again {#a}\n\nText.\n\n### B {: #b .x}\n\n2 %\n").encode()
    sources = section_sources(page)
    assert list(sources) == ["_intro", "a", "b"]
    assert sources["_intro"].startswith("# T")
    assert "## Not {#not}" in sources["a"] and "## A again {#a}" in sources["a"]
    assert sources["b"] == "### B {: #b .x}\n\n2 %\n"

"""Each metric page's worked example is right in every language: recompute the result from the inputs on the
page; a synced example has German's figures (tests/content/rules.py: an outdated one may still show the old)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content import rules
from tests.content.rules import ANSWERS, FORMULAS, csat, fcr, net_score, parse_number

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def repository(built_site) -> rules.BuiltKnowledgeBase:
    return rules.BuiltKnowledgeBase(REPO, built_site)


@pytest.mark.parametrize("metric", sorted(FORMULAS))
def test_worked_example_result_follows_from_its_inputs(metric, repository):
    assert rules.worked_examples_hold(repository, metric) == []


@pytest.mark.parametrize("cell, value", [("+30", 30), ("80 %", 80), ("80\u00a0%", 80), ("5,4", 5.4), ("5.4", 5.4), ("−10", -10)])
def test_numbers_parse_in_every_locale_format(cell, value):
    assert parse_number(cell) == value


def test_a_wrong_example_is_caught():
    assert net_score(200, 100, 60, 40) == 30
    assert net_score(200, 100, 60, 40) != 35
    with pytest.raises(AssertionError):
        csat(250, 120, 80, 60)


@pytest.mark.parametrize("metric", sorted(ANSWERS))
def test_worked_example_has_enough_answers_to_be_shown(metric, repository):
    assert rules.examples_have_enough_answers(repository, metric) == []


@pytest.mark.parametrize("metric", sorted(FORMULAS))
def test_metric_page_states_the_minimum_number_of_answers(metric, repository):
    assert rules.minimum_is_stated(repository, f"metrics/{metric}.md", "how-we-measure") == []


def test_the_comparison_rules_state_the_minimum_number_of_answers(repository):
    assert rules.minimum_is_stated(repository, "metrics/index.md", "comparison-rules") == []


def test_fcr_leaves_out_first_contacts_whose_window_is_open():
    assert fcr(850, 50, 168) == 79
    assert fcr(850, 0, 168) == 80  # counting the open windows would overstate the rate
    with pytest.raises(AssertionError):
        fcr(850, 50, 801)  # more first contacts with a repeat than first contacts counted

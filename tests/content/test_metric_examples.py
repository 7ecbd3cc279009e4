"""Each metric page's worked example is right in every language: recompute the result from the inputs on the
page; a synced example has German's figures (tests/content/rules.py: an outdated one may still show the old)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content import rules
from tests.content.rules import FORMULAS, csat, net_score, parse_number

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

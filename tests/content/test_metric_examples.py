"""Each metric page's worked example is right in every language: recompute the result from the inputs on the
page; a synced example has German's figures (tests/content/rules.py: an outdated one may still show the old)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.content import rules

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.build

_NUMBER = re.compile(r"^[+\-−]?\d+(?:[.,]\d+)?$")


def parse_number(cell: str) -> float:
    """A table value as written in any of our languages: '+30', '80 %', '5,4', '5.4', '−10'."""
    text = cell.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("%", "")
    assert _NUMBER.match(text), f"not a plain number: {cell!r}"
    return float(text.replace("−", "-").replace(",", "."))


def _net_score(n, promoters, passives, detractors):
    assert promoters + passives + detractors == n
    return round(100 * (promoters - detractors) / n)


def _csat(n, fives, fours, rest):
    assert fives + fours + rest == n
    return round(100 * (fives + fours) / n)


def _fcr(contacts, repeats):
    return round(100 * (1 - repeats / contacts))


def _ces(*values):
    *counts, n = values  # answers with 7, 6, ..., 1, then the total
    assert len(counts) == 7 and sum(counts) == n
    return round(sum(score * count for score, count in zip(range(7, 0, -1), counts)) / n, 1)


FORMULAS = {"nps": _net_score, "enps": _net_score, "csat": _csat, "fcr": _fcr, "ces": _ces}


def worked_example(soup) -> list[float]:
    heading = soup.select_one("article h2#worked-example")
    assert heading is not None, "no section {#worked-example}"
    table = heading.find_next("table")
    assert table.find_previous("h2") is heading, "the worked example has no table of its own"
    return [parse_number(row.find_all("td")[-1].get_text(" ", strip=True)) for row in table.select("tbody tr")]


@pytest.fixture(scope="module")
def repository(built_site) -> rules.BuiltKnowledgeBase:
    return rules.BuiltKnowledgeBase(REPO, built_site)


@pytest.mark.parametrize("metric", sorted(FORMULAS))
def test_worked_example_result_follows_from_its_inputs(metric, repository):
    assert rules.worked_examples_hold(repository, metric, FORMULAS[metric], worked_example) == []


@pytest.mark.parametrize("cell, value", [("+30", 30), ("80 %", 80), ("80\u00a0%", 80), ("5,4", 5.4), ("5.4", 5.4), ("−10", -10)])
def test_numbers_parse_in_every_locale_format(cell, value):
    assert parse_number(cell) == value


def test_a_wrong_example_is_caught():
    assert _net_score(200, 100, 60, 40) == 30
    assert _net_score(200, 100, 60, 40) != 35
    with pytest.raises(AssertionError):
        _csat(250, 120, 80, 60)

"""Each metric page's worked example is right: recompute the result from the inputs on the page.

German, the source, is always checked. A translation is checked where its section says what the
German says today; a section whose German changed since it was translated carries the site's
outdated mark (and `kbsync check --fail-on outdated` reports it), so it is not held to the new
definition until it is translated again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

_NUMBER = re.compile(r"^[+\-−]?\d+(?:[.,]\d+)?$")
# The knowledge base shows no team score below this many answers (metrics/index.md#comparison-rules).
MIN_ANSWERS = 30


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


def _fcr(first_contacts, window_open, with_repeat):
    """Repeat-contact check: first contacts (distinct requests) whose 7-day window has closed are the
    denominator; those followed by at least one repeat contact are the numerator."""
    counted = first_contacts - window_open
    assert 0 <= window_open < first_contacts and 0 <= with_repeat <= counted
    return round(100 * (1 - with_repeat / counted))


def _ces(*values):
    *counts, n = values  # answers with 7, 6, ..., 1, then the total
    assert len(counts) == 7 and sum(counts) == n
    return round(sum(score * count for score, count in zip(range(7, 0, -1), counts)) / n, 1)


FORMULAS = {"nps": _net_score, "enps": _net_score, "csat": _csat, "fcr": _fcr, "ces": _ces}
# Where each survey example's number of answers stands among its inputs (FCR's example is the repeat-contact check).
ANSWERS = {"nps": 0, "enps": 0, "csat": 0, "ces": -1}


def worked_example(soup) -> list[float]:
    heading = soup.select_one("article h2#worked-example")
    assert heading is not None, "no section {#worked-example}"
    table = heading.find_next("table")
    assert table.find_previous("h2") is heading, "the worked example has no table of its own"
    return [parse_number(row.find_all("td")[-1].get_text(" ", strip=True)) for row in table.select("tbody tr")]


def is_current(soup, section_id: str) -> bool:
    """False where the site marks the section as behind its German source."""
    heading = soup.select_one(f"article h2#{section_id}")
    assert heading is not None, f"no section {{#{section_id}}}"
    for element in heading.find_next_siblings():
        if element.name == "h2":
            return True
        if "kb-banner--section" in (element.get("class") or []):
            return False
    return True


def section_text(soup, section_id: str) -> str:
    heading = soup.select_one(f"article h2#{section_id}")
    texts = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        texts.append(element.get_text(" ", strip=True))
    return " ".join(" ".join(texts).replace("\u00a0", " ").replace("\u202f", " ").split())


def checked_languages(languages, source_locale, page_html, page: Path, section_id: str) -> list[dict]:
    """The source and every translation whose section is up to date with it."""
    checked = [lang for lang in languages
               if lang["locale"] == source_locale or is_current(page_html(lang, page), section_id)]
    assert source_locale in [lang["locale"] for lang in checked]
    return checked


@pytest.mark.parametrize("metric", sorted(FORMULAS))
def test_worked_example_result_follows_from_its_inputs(metric, languages, source_locale, page_html):
    page = Path(f"metrics/{metric}.md")
    results = {}
    for lang in checked_languages(languages, source_locale, page_html, page, "worked-example"):
        *inputs, result = worked_example(page_html(lang, page))
        assert FORMULAS[metric](*inputs) == result, f"{lang['locale']}/metrics/{metric}: {inputs} -> {result}"
        results[lang["locale"]] = (inputs, result)
    assert len({repr(value) for value in results.values()}) == 1, f"languages disagree: {results}"


@pytest.mark.parametrize("metric", sorted(ANSWERS))
def test_worked_example_has_enough_answers_to_be_shown(metric, languages, source_locale, page_html):
    page = Path(f"metrics/{metric}.md")
    for lang in checked_languages(languages, source_locale, page_html, page, "worked-example"):
        inputs = worked_example(page_html(lang, page))[:-1]
        answers = inputs[ANSWERS[metric]]
        assert answers >= MIN_ANSWERS, f"{lang['locale']}/metrics/{metric}: {answers} answers would not be shown"


@pytest.mark.parametrize("metric", sorted(FORMULAS))
def test_metric_page_states_the_minimum_number_of_answers(metric, languages, source_locale, page_html):
    page = Path(f"metrics/{metric}.md")
    for lang in checked_languages(languages, source_locale, page_html, page, "how-we-measure"):
        text = section_text(page_html(lang, page), "how-we-measure")
        assert re.search(rf"\bn = {MIN_ANSWERS}\b", text), f"{lang['locale']}/metrics/{metric}: no minimum n in #how-we-measure"


def test_the_comparison_rules_state_the_minimum_number_of_answers(languages, source_locale, page_html):
    page = Path("metrics/index.md")
    for lang in checked_languages(languages, source_locale, page_html, page, "comparison-rules"):
        text = section_text(page_html(lang, page), "comparison-rules")
        assert re.search(rf"\bn = {MIN_ANSWERS}\b", text), f"{lang['locale']}/metrics/index: no minimum n"


@pytest.mark.parametrize("cell, value", [("+30", 30), ("80 %", 80), ("80\u00a0%", 80), ("5,4", 5.4), ("5.4", 5.4), ("−10", -10)])
def test_numbers_parse_in_every_locale_format(cell, value):
    assert parse_number(cell) == value


def test_a_wrong_example_is_caught():
    assert _net_score(200, 100, 60, 40) == 30
    assert _net_score(200, 100, 60, 40) != 35
    with pytest.raises(AssertionError):
        _csat(250, 120, 80, 60)


def test_fcr_leaves_out_first_contacts_whose_window_is_open():
    assert _fcr(850, 50, 168) == 79
    assert _fcr(850, 0, 168) == 80  # counting the open windows would overstate the rate
    with pytest.raises(AssertionError):
        _fcr(850, 50, 801)  # more first contacts with a repeat than first contacts counted

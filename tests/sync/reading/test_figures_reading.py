"""Figure extraction (kbsync.reading.figures) on the forms the pages write."""

from __future__ import annotations

import pytest

from kbsync.reading.figures import extract_figures


@pytest.mark.parametrize(("text", "lang", "values"), [
    ("die halbe Breite des 95-%-Konfidenzintervalls", "de", ["95%"]),
    ("95 % der Fälle", "de", ["95%"]),
    ("al 95% di confidenza", "it", ["95%"]),
    ("à 95\u00a0% de confiance", "fr", ["95%"]),
    ("a 95% confidence interval", "en", ["95%"]),
    ("Seite 5-7", "de", ["5", "7"]),
])
def test_percent_in_every_form(text, lang, values):
    assert [figure.value for figure in extract_figures(text, lang, 1)] == values

"""The untranslated check (KB701–KB702): a translation is changed, the exact finding is expected."""

from __future__ import annotations

IT = "docs/it/guidelines/service-quality.md"


def test_paragraph_identical_to_source(synced):
    german = "Jeder Kontakt zählt: 80 % der Kundinnen und Kunden erinnern sich vor allem an den " \
             "letzten Kontakt mit uns."
    synced.edit(IT, "Ogni contatto conta: l'80 % dei clienti ricorda soprattutto l'ultimo contatto "
                "avuto con noi.", german)
    assert synced.findings(IT) == [f"{IT}:16: KB701 section `_intro`: this text is identical to "
                                    "the Deutsch source: translate it"]


def test_paragraph_in_the_source_language(synced):
    synced.edit(IT, "I piccoli team aspettano tre mesi prima di confrontare i propri valori.",
                "Kleine Teams warten immer drei Monate, bevor sie ihre eigenen Werte vergleichen.")
    assert synced.findings(IT) == [f"{IT}:28: KB702 section `quality-indicators`: this text "
                                    "reads as Deutsch: translate it"]

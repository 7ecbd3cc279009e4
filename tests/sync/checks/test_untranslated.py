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


def test_list_item_left_in_the_source_language(synced):
    """A list item is prose too: German left after an Italian lead-in is found (not only paragraphs)."""
    synced.edit(IT, "- Identifichi ogni cliente secondo le regole definite localmente.",
                "- Geben Sie keine Daten heraus, solange die Identifizierung nicht "
                "abgeschlossen ist, und prüfen Sie die Angaben sorgfältig.")
    where = next(number for number, text in enumerate(synced.text(IT).split("\n"), 1)
                if text.startswith("- Geben Sie"))
    findings = synced.findings(IT)
    assert [line for line in findings if "KB702" in line] == [
        f"{IT}:{where}: KB702 section `basics`: this text reads as Deutsch: translate it"]

"""The figures check (KB501–KB502): a translation is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
FR = "docs/fr/guidelines/service-quality.md"


def test_figures_in_locale_formats_count_as_equal(synced):
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 1.000,5 Antworten am 01.03.2025")
    synced.edit(IT, "almeno 200 risposte", "almeno 1.000,5 risposte il 1 marzo 2025")
    synced.edit(FR, "au moins 200 réponses", "au moins 1 000,5 réponses le 1er mars 2025")
    synced.edit("docs/en/guidelines/service-quality.md", "at least 200 answers",
                "at least 1,000.5 answers on 2025-03-01")
    for lang in ("it", "fr", "en"):
        synced.run("sync", lang, "guidelines/service-quality.md")
    assert synced.findings() == []


def test_figure_missing_and_extra(synced):
    synced.edit(IT, "l'80 % dei clienti", "l'85 % dei clienti")
    assert synced.findings(IT) == [
        f"{IT}:14: KB501 section `_intro`: Deutsch has '80 %', not found in Italiano",
        f"{IT}:16: KB502 section `_intro`: Italiano has '85 %', not in Deutsch",
    ]


def test_british_twelve_hour_clock_counts_as_the_german_hour(synced):
    en = "docs/en/guidelines/service-quality.md"
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 200 Antworten bis 14:30 oder 15 Uhr")
    synced.edit(en, "at least 200 answers", "at least 200 answers by 2.30pm or 3 p.m.")
    synced.run("sync", "en", "guidelines/service-quality.md")
    assert synced.findings(en) == []
    synced.edit(en, "by 2.30pm", "by 2.30am")
    assert synced.findings(en) == [
        f"{en}:23: KB501 section `quality-indicators`: Deutsch has '14:30', not found in English",
        f"{en}:25: KB502 section `quality-indicators`: English has '2.30am', not in Deutsch",
    ]

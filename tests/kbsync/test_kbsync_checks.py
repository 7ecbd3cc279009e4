"""One test or more per check: a translation is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
FR = "docs/fr/guidelines/service-quality.md"


def findings(kb, *argv):
    return kb.run("check", "--fail-on", "outdated", *argv).lines


# structure


def test_section_order(synced):
    text = synced.text(IT)
    basics = text[text.index("## Gli elementi"):text.index("## Gli indicatori")]
    synced.write(IT, text.replace(basics, "") + "\n" + basics)
    assert findings(synced, IT) == [f"{IT}:25: KB301 section `basics` comes after `_intro` in "
                                    "Deutsch: move it"]


def test_section_level(synced):
    synced.edit(IT, "## Gli indicatori di qualità", "### Gli indicatori di qualità")
    assert findings(synced, IT) == [f"{IT}:23: KB302 section `quality-indicators` is a level-2 "
                                    "heading in Deutsch (`##`), level 3 in Italiano"]


def test_block_counts(synced):
    synced.edit(IT, "- Identifichi ogni cliente secondo le regole definite localmente.\n", "")
    synced.edit(IT, '!!! note "Nota"\n    I piccoli', "I piccoli")
    assert findings(synced, IT) == [
        f"{IT}:18: KB305 section `basics`: Deutsch has 2 list items, Italiano 1",
        f"{IT}:22: KB305 section `quality-indicators`: Deutsch has 1 admonitions, Italiano 0",
    ]


def test_unknown_section_id_suggests_the_source_id(synced):
    synced.edit(IT, "{#basics}", "{#basic}")
    lines = findings(synced, IT)
    assert f"{IT}:18: KB303 section `basic` does not exist in {DE} (did you mean `basics`?): " \
           "use the source's heading IDs" in lines
    assert f"{IT}:1: KB304 section `basics` was translated before but is missing now: restore " \
           f"`{{#basics}}` from {DE}:13" in lines


def test_missing_and_duplicate_heading_ids(synced):
    synced.edit(IT, "## Gli elementi fondamentali {#basics}", "## Gli elementi fondamentali")
    synced.edit(DE, "## Die Qualitätskennzahlen {#quality-indicators}",
                "## Die Qualitätskennzahlen {#basics}")
    assert f"{IT}:18: KB108 heading 'Gli elementi fondamentali' has no ID: write " \
           "`## Gli elementi fondamentali {#an-id}` with the same ID in every language" \
           in findings(synced, IT)
    assert f"{DE}:18: KB109 heading ID `basics` is already used on line 13: give this heading " \
           "an ID of its own" in findings(synced, DE)


# links


def test_link_missing_and_extra(synced):
    synced.edit(IT, "vedi [NPS](../metrics/nps.md)", "vedi [NPS](../metrics/csat.md)")
    assert findings(synced, IT) == [
        f"{IT}:23: KB401 section `quality-indicators`: Deutsch links to `../metrics/nps.md` 1x, "
        "Italiano 0x",
        f"{IT}:25: KB402 section `quality-indicators`: Italiano links to `../metrics/csat.md` 1x, "
        "Deutsch 0x",
    ]


def test_link_to_the_german_page_where_the_own_page_exists(synced):
    synced.edit(IT, "vedi [NPS](../metrics/nps.md)", "vedi [NPS](../../de/metrics/nps.md)")
    assert findings(synced, IT) == [
        f"{IT}:25: KB403 `../../de/metrics/nps.md` leads to the Deutsch page, but the Italiano page "
        "exists: link `metrics/nps.md` in docs/it/"]
    (synced.root / "docs/it/metrics/nps.md").unlink()
    assert not [line for line in findings(synced, IT) if "KB403" in line]


def test_anchor_and_external_links(synced):
    synced.edit(DE, "siehe [NPS](../metrics/nps.md).", "siehe [NPS](../metrics/nps.md) und "
                "[Bain](https://www.bain.com/) sowie [oben](#basics).")
    for lang, see in (("it", "vedi"), ("fr", "voir"), ("en", "see")):
        synced.edit(f"docs/{lang}/guidelines/service-quality.md", f"{see} [NPS](../metrics/nps.md).",
                    f"{see} [NPS](../metrics/nps.md), [Bain](https://www.bain.com/), [#](#basics).")
        assert synced.run("sync", lang, "guidelines/service-quality.md").code == 0
    synced.edit(IT, "https://www.bain.com/", "https://www.bain.com/it/")
    assert findings(synced, IT) == [
        f"{IT}:23: KB404 section `quality-indicators`: Deutsch links to `https://www.bain.com/` "
        "1x, Italiano 0x",
        f"{IT}:25: KB404 section `quality-indicators`: Italiano links to `https://www.bain.com/it/` "
        "1x, Deutsch 0x",
    ]
    assert synced.run("check", IT).code == 0  # external differences are warnings


# figures


def test_figures_in_locale_formats_count_as_equal(synced):
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 1.000,5 Antworten am 01.03.2025")
    synced.edit(IT, "almeno 200 risposte", "almeno 1.000,5 risposte il 1 marzo 2025")
    synced.edit(FR, "au moins 200 réponses", "au moins 1 000,5 réponses le 1er mars 2025")
    synced.edit("docs/en/guidelines/service-quality.md", "at least 200 answers",
                "at least 1,000.5 answers on 2025-03-01")
    for lang in ("it", "fr", "en"):
        synced.run("sync", lang, "guidelines/service-quality.md")
    assert findings(synced) == []


def test_figure_missing_and_extra(synced):
    synced.edit(IT, "l'80 % dei clienti", "l'85 % dei clienti")
    assert findings(synced, IT) == [
        f"{IT}:14: KB501 section `_intro`: Deutsch has '80 %', not found in Italiano",
        f"{IT}:16: KB502 section `_intro`: Italiano has '85 %', not in Deutsch",
    ]


# terms


TERMBASE = """\
version: 1
concepts:
  - id: nps
    abbreviation: NPS
    de: {term: Net Promoter Score, forbidden: [Weiterempfehlungsindex]}
    it: {term: Net Promoter Score, forbidden: [Net Promoteur Score]}
    fr: {term: Net Promoter Score, variants: [score NPS]}
    en: {term: Net Promoter Score}
"""


def test_forbidden_term(synced):
    synced.write("docs/termbase.yml", TERMBASE)
    synced.edit(IT, "Misuriamo il Net Promoter Score", "Misuriamo il Net Promoteur Score")
    assert findings(synced, IT) == [
        f"{IT}:23: KB602 section `quality-indicators` uses `Net Promoter Score` in the source: use "
        "the approved Italiano term `Net Promoter Score` (termbase: nps)",
        f"{IT}:25: KB601 `Net Promoteur Score` is a forbidden variant: write `Net Promoter Score` "
        "(termbase: nps)",
    ]
    synced.edit(DE, "Wir messen den Net Promoter Score", "Wir messen den Weiterempfehlungsindex")
    assert f"{DE}:20: KB601 `Weiterempfehlungsindex` is a forbidden variant: write `Net Promoter " \
           "Score` (termbase: nps)" in findings(synced, DE)


def test_approved_term_variant_and_abbreviation(synced):
    synced.write("docs/termbase.yml", TERMBASE)
    synced.edit(FR, "le Net Promoter Score", "le score NPS")
    assert findings(synced, FR) == []
    synced.edit("docs/en/guidelines/service-quality.md", "the Net Promoter Score", "the NPS")
    assert findings(synced, "docs/en") == [
        "docs/en/guidelines/service-quality.md:23: KB602 section `quality-indicators` uses "
        "`Net Promoter Score` in the source: use the approved English term `Net Promoter Score` "
        "(termbase: nps)"]


def test_termbase_errors_name_file_line_and_key(synced):
    synced.write("docs/termbase.yml", TERMBASE + "    es: {term: Net Promoter Score}\n")
    result = synced.run("check")
    assert result.code == 2
    assert result.err == ("kbsync: error: docs/termbase.yml:9: concepts[0].es: `es` is not a "
                          "language of mkdocs.yml; expected one of de, it, fr, en\n")
    synced.write("docs/termbase.yml", TERMBASE.replace("    en: {term: Net Promoter Score}\n", ""))
    assert synced.run("check").err == (
        "kbsync: error: docs/termbase.yml:3: concepts[0]: has no `en` entry; expected "
        "`en: {term: ...}` for every language of mkdocs.yml\n")
    synced.write("docs/termbase.yml", TERMBASE.replace("it: {term: Net Promoter Score,", "it: {",))
    result = synced.run("check")
    assert result.err == ("kbsync: error: docs/termbase.yml:6: concepts[0].it.term: is missing; "
                          "expected the approved term, like `term: Net Promoter Score`\n")
    synced.write("docs/termbase.yml", "version: 1\nconcepts:\n  - id: nps\n    de: {term: [\n")
    result = synced.run("check")
    assert result.err.startswith("kbsync: error: docs/termbase.yml:5: termbase is not valid YAML")


# untranslated


def test_paragraph_identical_to_source(synced):
    german = "Jeder Kontakt zählt: 80 % der Kundinnen und Kunden erinnern sich vor allem an den " \
             "letzten Kontakt mit uns."
    synced.edit(IT, "Ogni contatto conta: l'80 % dei clienti ricorda soprattutto l'ultimo contatto "
                "avuto con noi.", german)
    assert findings(synced, IT) == [f"{IT}:16: KB701 section `_intro`: this text is identical to "
                                    "the Deutsch source: translate it"]


def test_paragraph_in_the_source_language(synced):
    synced.edit(IT, "I piccoli team aspettano tre mesi prima di confrontare i propri valori.",
                "Kleine Teams warten immer drei Monate, bevor sie ihre eigenen Werte vergleichen.")
    assert findings(synced, IT) == [f"{IT}:28: KB702 section `quality-indicators`: this text "
                                    "reads as Deutsch: translate it"]


# front matter


def test_front_matter_keys(synced):
    synced.edit(IT, "owner: Gestione qualità\n", "")
    synced.edit(IT, "review_interval_months: 12", "review_interval_months: twelve")
    assert findings(synced, IT) == [
        f"{IT}:1: KB202 front matter `owner`: is missing; expected a role, not a person, like "
        "`owner: Quality management`",
        f"{IT}:5: KB202 front matter `review_interval_months`: 'twelve' is not of type 'integer'; "
        "expected whole months from 1 to 36, like `review_interval_months: 12`",
    ]


def test_provenance_key_form_and_place(synced):
    synced.edit(IT, 'basics: "', 'basics: "zz')
    assert any(line.startswith(f"{IT}:7: KB203 front matter `l10n.source_sections.basics`: 'zz")
               for line in findings(synced, IT))
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\nl10n: {}\n")
    assert f"{DE}:7: KB203 `l10n` belongs on translated pages only: remove it from the source page" \
        in findings(synced, DE)


def test_terms_match_inflected_forms(synced):
    synced.write("docs/termbase.yml", TERMBASE.replace(
        "    it: {term: Net Promoter Score, forbidden: [Net Promoteur Score]}",
        "    it: {term: Net Promoter Score, variants: [sondaggio di raccomandazione], "
        "forbidden: [Net Promoteur Score]}"))
    synced.edit(IT, "Misuriamo il Net Promoter Score", "Misuriamo i sondaggi di raccomandazione")
    assert findings(synced, IT) == []
    synced.edit(IT, "Misuriamo i sondaggi di raccomandazione", "Misuriamo i Net Promoteur Scores")
    assert [line.split(" ")[1] for line in findings(synced, IT)] == ["KB602", "KB601"]


# review dates


def test_page_past_its_review_date_is_a_warning(synced):
    _set_review(synced, DE, "2020-01-31", 1)
    lines = findings(synced, DE)
    assert lines == [f"{DE}:5: KB204 review due since 2020-02-29: check the page against current practice, "
                     "then set `last_reviewed:` to the date of the review"]
    result = synced.run("check", "--fail-on", "error", DE)
    assert result.code == 0
    assert synced.run("check", "--fail-on", "warning", DE).code == 1


def test_page_within_its_review_interval_is_clean(synced):
    import datetime
    _set_review(synced, DE, (datetime.date.today() - datetime.timedelta(days=20)).isoformat(), 1)
    assert findings(synced, DE) == []


def _set_review(kb, path, reviewed, months):
    import re
    text = re.sub(r"last_reviewed: \S+", f"last_reviewed: {reviewed}", kb.text(path))
    kb.write(path, re.sub(r"review_interval_months: \d+", f"review_interval_months: {months}", text))

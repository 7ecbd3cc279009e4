"""The terms check (KB601–KB602 and the termbase): a translation is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
FR = "docs/fr/guidelines/service-quality.md"


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
    assert synced.findings(IT) == [
        f"{IT}:23: KB602 section `quality-indicators` uses `Net Promoter Score` in the source: use "
        "the approved Italiano term `Net Promoter Score` (termbase: nps)",
        f"{IT}:25: KB601 `Net Promoteur Score` is a forbidden variant: write `Net Promoter Score` "
        "(termbase: nps)",
    ]
    synced.edit(DE, "Wir messen den Net Promoter Score", "Wir messen den Weiterempfehlungsindex")
    assert f"{DE}:20: KB601 `Weiterempfehlungsindex` is a forbidden variant: write `Net Promoter " \
           "Score` (termbase: nps)" in synced.findings(DE)


def test_approved_term_variant_and_abbreviation(synced):
    synced.write("docs/termbase.yml", TERMBASE)
    synced.edit(FR, "le Net Promoter Score", "le score NPS")
    assert synced.findings(FR) == []
    synced.edit("docs/en/guidelines/service-quality.md", "the Net Promoter Score", "the NPS")
    assert synced.findings("docs/en") == [
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


def test_terms_match_inflected_forms(synced):
    synced.write("docs/termbase.yml", TERMBASE.replace(
        "    it: {term: Net Promoter Score, forbidden: [Net Promoteur Score]}",
        "    it: {term: Net Promoter Score, variants: [sondaggio di raccomandazione], "
        "forbidden: [Net Promoteur Score]}"))
    synced.edit(IT, "Misuriamo il Net Promoter Score", "Misuriamo i sondaggi di raccomandazione")
    assert synced.findings(IT) == []
    synced.edit(IT, "Misuriamo i sondaggi di raccomandazione", "Misuriamo i Net Promoteur Scores")
    assert [line.split(" ")[1] for line in synced.findings(IT)] == ["KB602", "KB601"]


def test_a_concept_in_the_glossary_needs_a_definition_in_every_language(synced):
    """The glossary shows a grouped concept with its definition: without one in a language, the build
    crashed (KeyError) while check passed. Now both stop with the termbase's line."""
    grouped = TERMBASE.replace("    abbreviation: NPS\n", "    abbreviation: NPS\n    group: metrics\n").replace(
        "{term: Net Promoter Score", "{definition: Misst die Bereitschaft., term: Net Promoter Score")
    synced.write("docs/termbase.yml", grouped)
    assert synced.run("check").code == 0
    synced.write("docs/termbase.yml", grouped.replace("it: {definition: Misst die Bereitschaft., ", "it: {"))
    result = synced.run("check")
    assert (result.code, result.err) == (2, (
        "kbsync: error: docs/termbase.yml:7: concepts[0].it: has no `definition`; the concept has a `group`, "
        "so the glossary shows it with its definition in every language: add `definition: ...` to its "
        "`it` entry, or remove `group`\n"))
    synced.write("docs/termbase.yml", TERMBASE)  # outside the glossary, a concept needs no definition
    assert synced.run("check").code == 0

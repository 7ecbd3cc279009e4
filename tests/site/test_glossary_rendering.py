"""The glossary's Markdown from termbase data (kbsync.site.glossary), for concepts the glossary does not
show as entries: no link to an anchor that is not there (the strict build stopped on it), no crash."""

from __future__ import annotations

from kbsync.site.glossary import abbreviations, render_glossary

PAGE = "# Glossar\n\n## Kennzahlen {#metrics}\n\n## Begriffe in allen Sprachen {#terms-by-language}\n"
LANGUAGES = [("de", "Deutsch"), ("it", "Italiano")]


def concept(identifier: str, **extra) -> dict:
    return {"id": identifier, **extra, "de": {"term": f"{identifier}-de", "definition": f"Def {identifier}."},
            "it": {"term": f"{identifier}-it", "definition": f"Def {identifier} it."}}


def test_only_concepts_with_an_entry_on_the_page_are_linked_from_the_table():
    concepts = [concept("nps", group="metrics"), concept("loose"), concept("typo", group="metricz")]
    markdown = render_glossary(PAGE, concepts, LANGUAGES, "de")
    assert "### Nps-de {#nps}\n\nDef nps.\n" in markdown
    assert "{#loose}" not in markdown and "{#typo}" not in markdown
    assert "| [nps-de](#nps) | nps-it |" in markdown
    assert "| loose-de | loose-it |" in markdown and "| typo-de | typo-it |" in markdown


def test_an_abbreviation_without_a_definition_shows_its_term():
    bare = {"id": "zzq", "abbreviation": "ZZQ", "de": {"term": "Zuzuquote"}, "it": {"term": "ZZQ"}}
    assert abbreviations([bare, concept("nps", abbreviation="NPS")], "de") == (
        "*[ZZQ]: Zuzuquote\n*[NPS]: Nps-de – Def nps.")
    assert abbreviations([bare], "it") == ""  # the term is the abbreviation: nothing to explain

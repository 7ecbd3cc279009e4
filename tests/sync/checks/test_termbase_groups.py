"""The termbase_groups check (KB409): a concept's group is a heading of the glossary page."""

from __future__ import annotations

from tests.sync.conftest import front_matter

TERMBASE = "docs/termbase.yml"


def concept(concept_id: str, group: str) -> str:
    entries = "".join(f"    {lang}:\n      term: {concept_id.upper()}\n      definition: {concept_id} ({lang}).\n"
                      for lang in ("de", "it", "fr", "en"))
    return f"  - id: {concept_id}\n    group: {group}\n{entries}"


def test_a_group_the_glossary_has_no_heading_for_is_named_at_its_line(synced):
    synced.write(TERMBASE, "version: 1\nconcepts:\n" + concept("nps", "metrics") + concept("csat", "metric"))
    synced.write("docs/de/glossary.md", front_matter("de", "Glossar")
                 + "# Glossar\n\n## Kennzahlen {#metrics}\n\n## Begriffe {#terms-by-language}\n")
    assert [finding for finding in synced.findings() if finding.startswith(TERMBASE)] == [
        f"{TERMBASE}:18: KB409 concept `csat`: group `metric` is not a heading of docs/de/glossary.md, so its "
        "glossary entry would be left out; use one of `metrics`, `terms-by-language`",
    ]


def test_without_the_glossary_page_in_the_run_nothing_is_reported(synced):
    synced.write(TERMBASE, "version: 1\nconcepts:\n" + concept("csat", "metric"))
    assert not [finding for finding in synced.findings() if " KB409 " in finding]

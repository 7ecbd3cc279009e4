"""The termbase_links check (KB407, KB408): links in definitions are named at their line in termbase.yml."""

from __future__ import annotations

from tests.sync.conftest import front_matter

NPS_DE = "docs/de/metrics/nps.md"
TERMBASE = "docs/termbase.yml"

TEXT = """\
version: 1
concepts:
  - id: nps
    abbreviation: NPS
    de:
      term: Net Promoter Score
      definition: "Weiterempfehlung, Skala von 0 bis 10. Siehe [NPS](metrics/nps.md#scale)."
    it:
      term: Net Promoter Score
      definition: >
        Raccomandazione, scala da 0 a 10.
        Vedi [NPS](metrics/nps.md#scala) e [CSAT](metrics/csat.md).
    fr:
      term: Net Promoter Score
      definition: "Recommandation, échelle de 0 à 10.
        Voir [NPS](metrics/nps.md#scale), le [glossaire](#nps) et [Bain](https://www.bain.com/)."
    en:
      term: Net Promoter Score
      definition: "Recommendation, scale from 0 to 10. See [NPS](metrics/nps.md#bands) and [entry](#np)."
"""


def test_broken_links_in_definitions_are_named_at_their_line(synced):
    synced.write(TERMBASE, TEXT)
    synced.edit(NPS_DE, "# Net Promoter Score\n", "# Net Promoter Score\n\n## Skala {#scale}\n")
    synced.write("docs/de/glossary.md", front_matter("de", "Glossar") + "# Glossar\n\n## Kennzahlen {#metrics}\n")
    # The English glossary is missing: English readers get the German one, with the same entries.
    assert _termbase(synced.findings()) == [
        f"{TERMBASE}:12: KB407 concept `nps`, it definition: `metrics/csat.md` leads to docs/it/metrics/csat.md, "
        "which does not exist (nor in docs/de/): link an existing page (links are relative to glossary.md)",
        f"{TERMBASE}:12: KB408 concept `nps`, it definition: `metrics/nps.md#scala`: docs/it/metrics/nps.md has "
        "no heading with the ID `scala`: link one of its heading IDs (links are relative to glossary.md)",
        f"{TERMBASE}:16: KB408 concept `nps`, fr definition: `metrics/nps.md#scale`: docs/fr/metrics/nps.md has "
        "no heading with the ID `scale`: link one of its heading IDs (links are relative to glossary.md)",
        f"{TERMBASE}:19: KB408 concept `nps`, en definition: `#np`: docs/de/glossary.md has no heading "
        "with the ID `np`: did you mean `#nps`? (links are relative to glossary.md)",
        f"{TERMBASE}:19: KB408 concept `nps`, en definition: `metrics/nps.md#bands`: docs/en/metrics/nps.md has "
        "no heading with the ID `bands`: link one of its heading IDs (links are relative to glossary.md)",
    ]


def test_a_renamed_section_the_termbase_links_to_is_named_in_the_termbase(synced):
    synced.write(TERMBASE, TEXT.replace("#scala", "#scale").replace(" e [CSAT](metrics/csat.md)", "")
                 .replace("#bands", "#scale").replace("#np)", "#nps)"))
    synced.write("docs/de/glossary.md", front_matter("de", "Glossar") + "# Glossar\n")
    for lang in ("de", "it", "fr", "en"):
        synced.edit(f"docs/{lang}/metrics/nps.md", "# Net Promoter Score\n", "# Net Promoter Score\n\n## S {#scale}\n")
    assert _termbase(synced.findings()) == []
    synced.edit(NPS_DE, "{#scale}", "{#nps-scale}")
    (synced.root / "docs/it/metrics/nps.md").unlink()  # Italian readers get the German page
    assert _termbase(synced.findings()) == [
        f"{TERMBASE}:7: KB408 concept `nps`, de definition: `metrics/nps.md#scale`: {NPS_DE} has no heading with "
        "the ID `scale`: did you mean `#nps-scale`? (links are relative to glossary.md)",
        f"{TERMBASE}:12: KB408 concept `nps`, it definition: `metrics/nps.md#scale`: {NPS_DE} has no heading "
        "with the ID `scale`: did you mean `#nps-scale`? (links are relative to glossary.md)",
    ]


def _termbase(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith(TERMBASE)]

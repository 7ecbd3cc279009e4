"""The anchors check (KB405, KB406): links are changed, the exact findings are expected."""

from __future__ import annotations

from tests.sync.conftest import front_matter

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
NPS_DE = "docs/de/metrics/nps.md"
NPS_IT = "docs/it/metrics/nps.md"

TERMBASE = """\
version: 1
concepts:
  - id: nps
    de: {term: Net Promoter Score}
    it: {term: Net Promoter Score}
    fr: {term: Net Promoter Score}
    en: {term: Net Promoter Score}
"""


def test_missing_anchor_on_another_page_and_on_the_same_page(synced):
    synced.edit(DE, "siehe [NPS](../metrics/nps.md)", "siehe [NPS](../metrics/nps.md#no-such-id)")
    synced.edit(IT, "vedi [NPS](../metrics/nps.md)", "vedi [NPS](../metrics/nps.md), [sopra](#basic)")
    assert _anchors(synced.findings()) == [
        f"{DE}:20: KB406 `../metrics/nps.md#no-such-id`: {NPS_DE} has no heading with the ID `no-such-id`: "
        "link one of its heading IDs",
        f"{IT}:25: KB406 `#basic`: {IT} has no heading with the ID `basic`: did you mean `#basics`?",
    ]


def test_anchor_is_looked_up_on_the_page_the_reader_gets(synced):
    # The Italian page has its own IDs; where it is missing, the site shows the German page.
    synced.edit(NPS_DE, "# Net Promoter Score\n", "# Net Promoter Score\n\n## Skala {#scale}\n")
    synced.edit(IT, "vedi [NPS](../metrics/nps.md)", "vedi [NPS](../metrics/nps.md#scale)")
    assert _anchors(synced.findings()) == [
        f"{IT}:25: KB406 `../metrics/nps.md#scale`: {NPS_IT} has no heading with the ID `scale`: "
        "link one of its heading IDs"]
    (synced.root / NPS_IT).unlink()
    assert _anchors(synced.findings()) == []


def test_link_to_a_missing_page(synced):
    synced.edit(DE, "siehe [NPS](../metrics/nps.md)", "siehe [NPS](../metrics/nps-score.md#scale), "
                "[Start](../../index.md)")
    (synced.root / NPS_IT).unlink()
    synced.edit(IT, "vedi [NPS](../metrics/nps.md)", "vedi [NPS](../metrics/nps.md), [CSAT](../metrics/csat.md)")
    assert _anchors(synced.findings()) == [
        f"{DE}:20: KB405 `../../index.md` leads to docs/index.md, outside the language folders: link a page "
        "of the same language folder",
        f"{DE}:20: KB405 `../metrics/nps-score.md#scale` leads to docs/de/metrics/nps-score.md, which does "
        "not exist: link an existing page",
        f"{IT}:25: KB405 `../metrics/csat.md` leads to docs/it/metrics/csat.md, which does not exist (nor in "
        "docs/de/): link an existing page",
    ]


def test_glossary_entries_are_the_termbase_concepts(synced):
    synced.write("docs/termbase.yml", TERMBASE)
    synced.write("docs/de/glossary.md", front_matter("de", "Glossar") + "# Glossar\n\n## Kennzahlen {#metrics}\n")
    synced.edit(DE, "siehe [NPS](../metrics/nps.md)", "siehe [NPS](../glossary.md#nps), "
                "[CSAT](../glossary.md#csat), [Kennzahlen](../glossary.md#metrics)")
    assert _anchors(synced.findings()) == [
        f"{DE}:20: KB406 `../glossary.md#csat`: docs/de/glossary.md has no heading with the ID `csat`: "
        "link one of its heading IDs"]


def test_former_ids_are_for_links_from_outside(synced):
    synced.edit(NPS_DE, "review_interval_months: 12\n", "review_interval_months: 12\nsection_aliases: "
                "{bands: scale}\nretired_sections: {history: \"guidelines/service-quality.md#basics\"}\n")
    synced.edit(NPS_DE, "# Net Promoter Score\n", "# Net Promoter Score\n\n## Skala {#scale}\n")
    synced.edit(DE, "siehe [NPS](../metrics/nps.md)", "siehe [NPS](../metrics/nps.md#bands), "
                "[Geschichte](../metrics/nps.md#history)")
    assert _anchors(synced.findings()) == [
        f"{DE}:20: KB406 `../metrics/nps.md#bands`: `bands` is a former ID of section `scale` of {NPS_DE} "
        "(section_aliases): link `#scale`",
        f"{DE}:20: KB406 `../metrics/nps.md#history`: section `history` of {NPS_DE} was retired "
        "(retired_sections: its content is now in `guidelines/service-quality.md#basics`): link "
        "`guidelines/service-quality.md#basics`",
    ]


def test_a_page_outside_the_selection_is_checked_for_existence_only(synced):
    synced.edit(DE, "siehe [NPS](../metrics/nps.md)", "siehe [NPS](../metrics/nps.md#no-such-id), "
                "[CSAT](../metrics/csat.md#scale)")
    assert _anchors(synced.findings(DE)) == [
        f"{DE}:20: KB405 `../metrics/csat.md#scale` leads to docs/de/metrics/csat.md, which does not exist: "
        "link an existing page"]
    assert len(_anchors(synced.findings(DE, NPS_DE))) == 2


def test_links_of_the_test_knowledge_base_are_clean(synced):
    synced.edit(DE, "siehe [NPS](../metrics/nps.md)", "siehe [NPS](../metrics/nps.md), [oben](#basics), "
                "[Grundlagen](service-quality.md#basics), [Bild](../img/nps.png#x), [abs](/metrics/x.md#y), "
                "[extern](https://example.com/a.md#b)")
    assert _anchors(synced.findings()) == []


def _anchors(lines: list[str]) -> list[str]:
    return [line for line in lines if " KB405 " in line or " KB406 " in line]

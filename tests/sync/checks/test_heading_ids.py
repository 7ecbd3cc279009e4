"""The heading_ids check (KB306): a heading ID is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"


def test_capitals_underscores_and_accents_get_their_kebab_case_form(synced):
    synced.edit(DE, "# Servicequalität\n", "# Servicequalität {#Start_Seite}\n")
    synced.edit(IT, "{#basics}", "{#Qualità_Più}")
    assert _kb306(synced.findings(DE, IT)) == [
        f"{DE}:9: KB306 heading ID `Start_Seite` is not lowercase ASCII kebab-case: write `{{#start-seite}}`, "
        "the same in every language",
        f"{IT}:18: KB306 heading ID `Qualità_Più` is not lowercase ASCII kebab-case: write `{{#qualita-piu}}`, "
        "the same in every language",
    ]


def test_an_id_with_spaces_is_named_as_written(synced):
    # attr_list reads `{#quality indicators .note}` as the ID `quality`, an attribute and a class.
    synced.edit(DE, "{#quality-indicators}", "{#quality indicators .note}")
    assert _kb306(synced.findings(DE)) == [
        f"{DE}:18: KB306 heading ID `quality indicators` is not lowercase ASCII kebab-case: write "
        "`{#quality-indicators}`, the same in every language"]


def test_kebab_case_ids_and_other_attributes_are_clean(synced):
    synced.edit(DE, "{#quality-indicators}", "{: #quality-indicators .note data-x=1 }")
    synced.edit(DE, "# Servicequalität\n", "# Servicequalität {#top-2-box}\n")
    assert _kb306(synced.findings(DE)) == []


def _kb306(lines: list[str]) -> list[str]:
    return [line for line in lines if " KB306 " in line]

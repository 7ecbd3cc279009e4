"""The section_aliases check (KB206–KB208): front matter entries are changed, the exact findings are expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"


def test_alias_to_a_section_the_page_does_not_have(synced):
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\nsection_aliases:\n"
                "  indicators: quality-indicator\n  grundlagen: essentials\n  basics-old: basics\n")
    assert _front(synced.findings(DE)) == [
        f"{DE}:8: KB206 `section_aliases: {{indicators: quality-indicator}}`: this page has no section "
        "`quality-indicator`: did you mean `quality-indicators`?",
        f"{DE}:9: KB206 `section_aliases: {{grundlagen: essentials}}`: this page has no section `essentials`: "
        "name one of its section IDs, or retire `grundlagen` with `retired_sections: {grundlagen: "
        "page.md#section}` if its content went elsewhere",
    ]


def test_former_id_still_in_use(synced):
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\n"
                "section_aliases: {basics: quality-indicators, old: basics}\n"
                "retired_sections: {old: metrics/nps.md}\n")
    assert _front(synced.findings(DE)) == [
        f"{DE}:7: KB207 `old` is in both `section_aliases` and `retired_sections`: keep it in one, "
        "`section_aliases` if its section was renamed, `retired_sections` if it is gone",
        f"{DE}:7: KB207 `section_aliases`: `basics` is still a heading ID of this page: remove the entry, or "
        "give the heading its new ID",
    ]


def test_former_ids_belong_on_the_source_page(synced):
    synced.edit(IT, "review_interval_months: 12\n", "review_interval_months: 12\n"
                "retired_sections:\n  old: metrics/nps.md\n  older: metrics/nps.md\nsection_aliases: {a: basics}\n")
    assert _front(synced.findings(IT)) == [
        f"{IT}:8: KB208 `retired_sections` belongs on the source page only; the site reads it from {DE} for "
        "every language: move it there",
        f"{IT}:10: KB208 `section_aliases` belongs on the source page only; the site reads it from {DE} for "
        "every language: move it there",
    ]


def test_entries_not_in_the_schema_form_are_reported_once_by_the_schema(synced):
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\n"
                "section_aliases: {Old_ID: nowhere, old: [basics]}\n")
    assert [line.split(" front matter ")[0] for line in synced.findings(DE)] == [f"{DE}:7: KB202"] * 2


def _front(lines: list[str]) -> list[str]:
    return [line for line in lines if any(f" KB20{digit} " in line for digit in "678")]

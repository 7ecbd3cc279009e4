"""The retired_sections check (KB903, KB904) and KB902's acceptance of a retired section."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
NPS_DE = "docs/de/metrics/nps.md"


def test_replacement_page_or_section_missing(synced):
    synced.edit(NPS_DE, "# Net Promoter Score\n", "# Net Promoter Score\n\n## Skala {#scale}\n")
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\nretired_sections:\n"
                "  history: metrics/nps-history.md\n  bands: metrics/nps.md#bands\n"
                "  targets: \"#targets\"\n  scale: metrics/nps.md#scale\n  intro: metrics/nps.md\n"
                "  teams: \"#quality-indicators\"\n")
    assert _retired(synced.findings()) == [
        f"{DE}:8: KB903 `retired_sections: {{history: metrics/nps-history.md}}`: docs/de/metrics/nps-history.md "
        "does not exist: name the page that holds the content now (a path inside docs/de/)",
        f"{DE}:9: KB904 `retired_sections: {{bands: metrics/nps.md#bands}}`: {NPS_DE} has no section `bands`: "
        "name one of its section IDs, or the page alone",
        f"{DE}:10: KB904 `retired_sections: {{targets: #targets}}`: {DE} has no section `targets`: "
        "name one of its section IDs, or the page alone",
    ]


def test_a_retired_section_keeps_its_published_id(synced):
    assert synced.run("publish").code == 0
    synced.edit(DE, "## Die Grundlagen {#basics}\n", "")
    lines = synced.findings(DE)
    assert any(" KB902 published section `basics` no longer exists" in line for line in lines)
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\n"
                "retired_sections: {basics: \"#quality-indicators\"}\n")
    assert [line for line in synced.findings(DE) if " KB9" in line or " KB20" in line] == []


def _retired(lines: list[str]) -> list[str]:
    return [line for line in lines if " KB903 " in line or " KB904 " in line]

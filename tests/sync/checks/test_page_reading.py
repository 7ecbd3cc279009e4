"""The page_reading check (KB101–KB110): a translation is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"


def test_missing_and_duplicate_heading_ids(synced):
    synced.edit(IT, "## Gli elementi fondamentali {#basics}", "## Gli elementi fondamentali")
    synced.edit(DE, "## Die Qualitätskennzahlen {#quality-indicators}",
                "## Die Qualitätskennzahlen {#basics}")
    assert f"{IT}:18: KB108 heading 'Gli elementi fondamentali' has no ID: write " \
           "`## Gli elementi fondamentali {#an-id}` with the same ID in every language" \
           in synced.findings(IT)
    assert f"{DE}:18: KB109 heading ID `basics` is already used on line 13: give this heading " \
           "an ID of its own" in synced.findings(DE)

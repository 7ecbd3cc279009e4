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


def test_a_heading_whose_text_has_braces_is_told_to_escape_them(synced):
    # Reference pages name parameters so (`### -InputFormat {Text | XML} {#inputformat}`, found on
    # PowerShell-Docs): Markdown reads all from the first ` {` as the attribute list, so the
    # heading has no ID, and writing another `{#id}` after it would not give it one.
    synced.edit(DE, "## Die Qualitätskennzahlen {#quality-indicators}",
                "## Die Qualitätskennzahlen {Stand 2026} {#quality-indicators}")
    assert f"{DE}:18: KB108 heading 'Die Qualitätskennzahlen {{Stand 2026}} {{#quality-indicators}}' has no ID: " \
           "a brace in a heading's text makes Markdown read all from the first ` {` as the attribute list: " \
           "escape the text's braces and write `## Die Qualitätskennzahlen \\{Stand 2026\\} {#quality-indicators}` " \
           "with the same ID in every language" in synced.findings(DE)
    synced.edit(DE, "## Die Qualitätskennzahlen {Stand 2026} {#quality-indicators}",
                "## Die Qualitätskennzahlen \\{Stand 2026\\} {#quality-indicators}")
    assert not [line for line in synced.findings(DE) if "KB108" in line]
    assert not [line for line in synced.findings(IT) if "KB303" in line or "KB304" in line]

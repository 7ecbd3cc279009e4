"""The front_matter check (KB201–KB203): a translation is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"


def test_front_matter_keys(synced):
    synced.edit(IT, "owner: Gestione qualità\n", "")
    synced.edit(IT, "review_interval_months: 12", "review_interval_months: twelve")
    assert synced.findings(IT) == [
        f"{IT}:1: KB202 front matter `owner`: is missing; expected a role, not a person, like "
        "`owner: Quality management`",
        f"{IT}:5: KB202 front matter `review_interval_months`: 'twelve' is not of type 'integer'; "
        "expected whole months from 1 to 36, like `review_interval_months: 12`",
    ]


def test_provenance_key_form_and_place(synced):
    synced.edit(IT, 'basics: "', 'basics: "zz')
    assert any(line.startswith(f"{IT}:10: KB203 front matter `l10n.source_sections.basics`: `zz")
               for line in synced.findings(IT))
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\nl10n: {}\n")
    assert f"{DE}:7: KB203 `l10n` belongs on translated pages only: remove it from the source page" \
        in synced.findings(DE)

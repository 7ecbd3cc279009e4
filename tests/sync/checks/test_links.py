"""The links check (KB401–KB404): a translation is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"


def test_link_missing_and_extra(synced):
    synced.edit(IT, "vedi [NPS](../metrics/nps.md)", "vedi [NPS](../metrics/csat.md)")
    assert synced.findings(IT) == [
        f"{IT}:23: KB401 section `quality-indicators`: Deutsch links to `../metrics/nps.md` 1x, "
        "Italiano 0x",
        f"{IT}:25: KB402 section `quality-indicators`: Italiano links to `../metrics/csat.md` 1x, "
        "Deutsch 0x",
        f"{IT}:25: KB405 `../metrics/csat.md` leads to docs/it/metrics/csat.md, which does not exist (nor in "
        "docs/de/): link an existing page",
    ]


def test_link_to_the_german_page_where_the_own_page_exists(synced):
    synced.edit(IT, "vedi [NPS](../metrics/nps.md)", "vedi [NPS](../../de/metrics/nps.md)")
    assert synced.findings(IT) == [
        f"{IT}:25: KB403 `../../de/metrics/nps.md` leads to the Deutsch page, but the Italiano page "
        "exists: link `metrics/nps.md` in docs/it/"]
    (synced.root / "docs/it/metrics/nps.md").unlink()
    assert not [line for line in synced.findings(IT) if "KB403" in line]


def test_anchor_and_external_links(synced):
    synced.edit(DE, "siehe [NPS](../metrics/nps.md).", "siehe [NPS](../metrics/nps.md) und "
                "[Bain](https://www.bain.com/) sowie [oben](#basics).")
    for lang, see in (("it", "vedi"), ("fr", "voir"), ("en", "see")):
        synced.edit(f"docs/{lang}/guidelines/service-quality.md", f"{see} [NPS](../metrics/nps.md).",
                    f"{see} [NPS](../metrics/nps.md), [Bain](https://www.bain.com/), [#](#basics).")
        assert synced.run("sync", lang, "guidelines/service-quality.md").code == 0
    synced.edit(IT, "https://www.bain.com/", "https://www.bain.com/it/")
    assert synced.findings(IT) == [
        f"{IT}:23: KB404 section `quality-indicators`: Deutsch links to `https://www.bain.com/` "
        "1x, Italiano 0x",
        f"{IT}:25: KB404 section `quality-indicators`: Italiano links to `https://www.bain.com/it/` "
        "1x, Deutsch 0x",
    ]
    assert synced.run("check", IT).code == 0  # external differences are warnings

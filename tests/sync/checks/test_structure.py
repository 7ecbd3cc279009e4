"""The structure check (KB301–KB305): a translation is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"


def test_section_order(synced):
    text = synced.text(IT)
    basics = text[text.index("## Gli elementi"):text.index("## Gli indicatori")]
    synced.write(IT, text.replace(basics, "") + "\n" + basics)
    assert synced.findings(IT) == [f"{IT}:25: KB301 section `basics` comes after `_intro` in "
                                    "Deutsch: move it"]


def test_section_level(synced):
    synced.edit(IT, "## Gli indicatori di qualità", "### Gli indicatori di qualità")
    assert synced.findings(IT) == [f"{IT}:23: KB302 section `quality-indicators` is a level-2 "
                                    "heading in Deutsch (`##`), level 3 in Italiano"]


def test_block_counts(synced):
    synced.edit(IT, "- Identifichi ogni cliente secondo le regole definite localmente.\n", "")
    synced.edit(IT, '!!! note "Nota"\n    I piccoli', "I piccoli")
    assert synced.findings(IT) == [
        f"{IT}:18: KB305 section `basics`: Deutsch has 2 list items, Italiano 1",
        f"{IT}:22: KB305 section `quality-indicators`: Deutsch has 1 admonitions, Italiano 0",
    ]


def test_unknown_section_id_suggests_the_source_id(synced):
    synced.edit(IT, "{#basics}", "{#basic}")
    lines = synced.findings(IT)
    assert f"{IT}:18: KB303 section `basic` does not exist in {DE} (did you mean `basics`?): " \
           "use the source's heading IDs" in lines
    assert f"{IT}:1: KB304 section `basics` was translated before but is missing now: restore " \
           f"`{{#basics}}` from {DE}:13" in lines

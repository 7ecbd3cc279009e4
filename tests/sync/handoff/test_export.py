"""`kbsync export`: only what needs work, pre-filled where the source did not change, valid XLIFF 1.2."""

from __future__ import annotations

import pytest
from lxml import etree
from translate.storage import xliff as toolkit_xliff

PAGE = "guidelines/people.md"
DE = f"docs/de/{PAGE}"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def export(site, *argv):
    result = site.run("export", *argv)
    assert result.code == 0, result.err
    return result


def units_of(path):
    root = etree.parse(str(path)).getroot()
    return {unit.get("id"): unit for unit in root.iterfind(".//x:trans-unit", NS)}


def test_an_up_to_date_language_exports_nothing(site, tmp_path):
    result = export(site, "it", "--output", str(tmp_path / "it.xlf"))
    assert "nothing to translate into it" in result.err
    assert not (tmp_path / "it.xlf").exists()


def test_export_offers_the_two_changed_sections_only_with_the_unchanged_sentences_pre_filled(edited, tmp_path,
                                                                                             xliff_schema):
    out = tmp_path / "it.xlf"
    result = export(edited, "it", "--format", "xliff", "--output", str(out))
    assert xliff_schema.errors(out) == []  # valid XLIFF 1.2 strict (xliff12/)
    units = units_of(out)
    assert {unit_id.rsplit("/", 1)[0] for unit_id in units} == {f"{PAGE}#recognition", f"{PAGE}#employee-feedback"}
    new = units[f"{PAGE}#recognition/p3.s2"]
    assert new.findtext("x:source", namespaces=NS) == "Die Führungskraft bedankt sich persönlich."
    assert new.find("x:target", NS) is None and new.find("x:alt-trans", NS) is None
    unchanged = units[f"{PAGE}#recognition/p3.s1"]
    assert unchanged.find("x:target", NS).get("state") == "translated"
    assert unchanged.findtext("x:target", namespaces=NS) == "Inoltriamo alla persona interessata gli elogi dei clienti."
    changed = units[f"{PAGE}#employee-feedback/p3.s1"]
    assert "12 Fragen" in changed.findtext("x:source", namespaces=NS)
    alternative = changed.find("x:alt-trans", NS)
    assert alternative.get("alttranstype") == "previous-version"
    assert "10 Fragen" in alternative.findtext("x:source", namespaces=NS)
    assert "10 domande" in alternative.findtext("x:target", namespaces=NS)
    assert "10 Fragen" in changed.findtext("x:note", namespaces=NS)
    assert changed.find("x:target", NS) is None
    states = [unit.find("x:target", NS) is not None for unit in units.values()]
    assert states.count(True) == len(units) - 2  # every other sentence is pre-filled
    assert "2 sections of 1 page" in result.err
    assert "15 units, 126 words: 5 new, 16 changed (fuzzy), 105 unchanged (pre-filled)" in result.err


def test_translate_toolkit_reads_the_export_back(edited, tmp_path):
    (edited.root / "docs/it/metrics/ces.md").unlink()
    out = tmp_path / "it.xlf"
    export(edited, "it", "--output", str(out))
    store = toolkit_xliff.xlifffile.parsefile(str(out))
    ids = [unit.xmlelement.get("id") for unit in store.units]
    assert "metrics/ces.md#front:title" in ids and "metrics/ces.md#_intro/p1.s1" in ids
    assert f"{PAGE}#recognition/p3.s2" in ids
    by_id = {unit.xmlelement.get("id"): unit for unit in store.units}
    assert by_id[f"{PAGE}#recognition/p3.s1"].target == "Inoltriamo alla persona interessata gli elogi dei clienti."
    assert store.getsourcelanguage() == "de" and store.gettargetlanguage() == "it"
    assert by_id[f"{PAGE}#employee-feedback/p3.s1"].getalttrans()[0].source.startswith("Eine kurze Umfrage")
    assert all(not unit.target for unit_id, unit in by_id.items() if unit_id.startswith("metrics/ces.md"))


def test_a_heading_id_and_the_front_matter_of_an_existing_page_are_never_offered(edited, tmp_path):
    out = tmp_path / "it.xlf"
    export(edited, "it", PAGE, "--output", str(out))
    text = out.read_text(encoding="utf-8")
    assert "{#" not in text and "l10n" not in text and "front:" not in text
    assert DE in text  # each unit names its source file and line


def test_export_refuses_the_source_language_and_an_output_inside_docs(edited):
    assert edited.run("export", "de").code == 2
    result = edited.run("export", "it", "--output", "docs/it/it.xlf")
    assert result.code == 2 and "inside docs/" in result.err
    assert not (edited.root / "docs/it/it.xlf").exists()


def test_an_untracked_section_is_offered_with_its_translation_to_check(edited, tmp_path):
    text = edited.text("docs/it/metrics/nps.md")
    edited.write("docs/it/metrics/nps.md", text.replace('    scale: "', '    scale-was: "'))
    out = tmp_path / "it.xlf"
    export(edited, "it", "metrics/nps.md", "--output", str(out))
    units = units_of(out)
    assert {unit_id.rsplit("/", 1)[0] for unit_id in units} == {"metrics/nps.md#scale"}
    heading = units["metrics/nps.md#scale/p1.s1"]
    assert heading.find("x:target", NS) is None  # nothing is pre-filled: the translation is a suggestion
    assert heading.find("x:alt-trans/x:target", NS).text == "Scala e gruppi"
    assert "never recorded as translated" in heading.findtext("x:note", namespaces=NS)

"""`kbsync termbase --format tbx`: the real termbase as TBX-Basic, checked against the schema in
tbx/ and read back by translate-toolkit (Weblate's TBX reader)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from lxml import etree
from translate.storage.tbx import tbxfile

REPO = Path(__file__).resolve().parents[3]
SCHEMA = Path(__file__).with_name("tbx") / "tbx-basic-2008.rng"
LANGS = ("de", "it", "fr", "en")
TERMBASE = "docs/termbase.yml"


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


@pytest.fixture
def real(kb):
    """The test site with the repository's own termbase."""
    kb.write(TERMBASE, (REPO / TERMBASE).read_bytes())
    return kb


def export(kb, *argv: str) -> bytes:
    result = kb.run("termbase", *argv)
    assert result.code == 0, result.err
    return result.out.encode("utf-8")


def concepts() -> list[dict]:
    return yaml.safe_load((REPO / TERMBASE).read_text("utf-8"))["concepts"]


def terms(unit, lang: str) -> dict[str, str]:
    """term -> administrative status, as translate-toolkit reads them."""
    return {term.text: term.administrative_status for term in unit.get_target_terms(lang)}


def test_every_concept_and_language_is_read_back_by_translate_toolkit(real):
    store = tbxfile.parsestring(export(real, "--format", "tbx"), sourcelanguage="de")
    expected = concepts()
    assert len(expected) > 30
    assert [unit.getid() for unit in store.units] == [concept["id"] for concept in expected]
    for unit, concept in zip(store.units, expected):
        assert unit.source == concept["de"]["term"]
        for lang in LANGS:
            entry = concept[lang]
            found = terms(unit, lang)
            assert found[entry["term"]] == "preferredTerm-admn-sts", (concept["id"], lang)
            for variant in entry.get("variants", ()):
                assert found[variant] == "admittedTerm-admn-sts"
            for variant in entry.get("forbidden", ()):
                assert found[variant] == "deprecatedTerm-admn-sts"
            assert [term.text for term in unit.get_target_terms(lang) if term.deprecated] \
                == list(entry.get("forbidden", ()))
            abbreviation = concept.get("abbreviation")
            assert len(found) == len({entry["term"], *entry.get("variants", ()), *entry.get("forbidden", ()),
                                      *([abbreviation] if abbreviation else [])})


def test_forbidden_variants_are_deprecated_in_each_language(real):
    store = tbxfile.parsestring(export(real), sourcelanguage="de")
    nps = store.findid("nps")
    assert terms(nps, "it") == {"Net Promoter Score": "preferredTerm-admn-sts",
                                "NPS": "admittedTerm-admn-sts",
                                "Net Promoteur Score": "deprecatedTerm-admn-sts"}
    assert terms(nps, "de") == {"Net Promoter Score": "preferredTerm-admn-sts", "NPS": "admittedTerm-admn-sts"}
    forbidden = sum(len(concept[lang].get("forbidden", ())) for concept in concepts() for lang in LANGS)
    deprecated = [term for unit in store.units for lang in LANGS for term in unit.get_target_terms(lang)
                  if term.deprecated]
    assert forbidden == len(deprecated) > 0


def test_definitions_abbreviations_and_subject_fields(real):
    document = export(real)
    store = tbxfile.parsestring(document, sourcelanguage="de")
    csat = store.findid("csat")
    notes = {(note.category, note.scope): note.text for note in csat.get_common_notes(source=True)}
    assert notes[("subjectField", "concept")] == "metrics"
    # The Markdown link becomes its text: its target is a page of the site, not of a CAT tool.
    assert notes[("definition", "language")] == (
        "Customer Satisfaction Score: Anteil der Antworten 4 oder 5 auf einer Skala von 1 bis 5 "
        "(Top-2-Box), in Prozent. Siehe CSAT.")
    abbreviation = next(term for term in csat.get_target_terms("fr") if term.text == "CSAT")
    assert ("termType", "abbreviation") in {(note.category, note.text) for note in abbreviation.notes}
    root = etree.fromstring(document)
    definitions = root.findall(".//langSet/descrip[@type='definition']")
    with_definition = sum(1 for concept in concepts() for lang in LANGS if concept[lang].get("definition"))
    assert len(definitions) == with_definition > 0
    assert not any("](" in item.text for item in definitions)


def test_the_export_is_tbx_basic(real, schema):
    document = export(real)
    assert document.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n"
                               b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n')
    tree = etree.fromstring(document).getroottree()
    assert schema.validate(tree), schema.error_log
    root = tree.getroot()
    assert (root.tag, root.get("type"), root.get("{http://www.w3.org/XML/1998/namespace}lang")) \
        == ("martif", "TBX-Basic", "de")
    assert root.findtext("martifHeader/encodingDesc/p[@type='XCSURI']") == "TBXBasicXCSV02.xcs"
    assert [langset.get("{http://www.w3.org/XML/1998/namespace}lang")
            for langset in root.find("text/body/termEntry").findall("langSet")] == list(LANGS)


def test_the_schema_rejects_what_tbx_basic_does_not_allow(real, schema):
    """The schema check can fail: a status outside the picklist, a note after the auxiliary
    information, a term entry without a language."""
    document = export(real)
    for old, new in ((b">deprecatedTerm-admn-sts<", b">forbiddenTerm-admn-sts<"),
                     (b'<termNote type="termType">abbreviation</termNote>',
                      b'<termNote type="termType">initialism</termNote>'),
                     (b'<martif type="TBX-Basic"', b'<martif type="TBX"')):
        assert old in document
        assert not schema.validate(etree.fromstring(document.replace(old, new, 1)).getroottree()), new
    tree = etree.fromstring(document).getroottree()
    tig = tree.find(".//tig")
    etree.SubElement(tig, "note").text = "a note"
    tig.append(tig.find("termNote"))  # a termNote after the note: the core structure forbids it
    assert not schema.validate(tree)


def test_output_writes_the_same_document_to_a_file(real):
    on_stdout = export(real)
    result = real.run("termbase", "--output", "terms.tbx")
    assert (result.code, result.err) == (0, "")
    assert result.out == f"terms.tbx: {len(concepts())} concepts in 4 languages (de, it, fr, en)\n"
    assert real.read("terms.tbx") == on_stdout
    real.write("terms.tbx", "old")
    os.chmod(real.root / "terms.tbx", 0o640)
    assert real.run("termbase", "-o", "terms.tbx").code == 0
    assert real.read("terms.tbx") == on_stdout
    assert (real.root / "terms.tbx").stat().st_mode & 0o777 == 0o640  # the file keeps its mode
    assert sorted(path.name for path in real.root.iterdir() if path.name.startswith(".terms")) == []


def test_output_is_refused_where_it_cannot_be_written_whole(real):
    result = real.run("termbase", "--output", "missing/terms.tbx")
    assert result.code == 2
    assert result.err == ("kbsync: error: missing/terms.tbx: cannot write into its folder: No such file "
                          "or directory (nothing was changed)\n")
    result = real.run("termbase", "--output", TERMBASE)
    assert (result.code, result.err) == (2, f"kbsync: error: --output {TERMBASE} is the termbase itself "
                                            "(name another file, like terms.tbx)\n")
    assert real.read(TERMBASE) == (REPO / TERMBASE).read_bytes()
    real.write("elsewhere.tbx", "keep")
    (real.root / "terms.tbx").symlink_to(real.root / "elsewhere.tbx")
    result = real.run("termbase", "--output", "terms.tbx")
    assert result.code == 2 and "terms.tbx: is a symbolic link" in result.err
    assert real.text("elsewhere.tbx") == "keep"


BROKEN = "version: 1\nconcepts:\n  - id: nps\n    de: {term: Net Promoter Score}\n    it: {term: Net Promoter Score}\n"


def test_a_broken_termbase_gives_the_same_message_as_check_and_writes_nothing(kb):
    kb.write(TERMBASE, BROKEN)
    result = kb.run("termbase", "--output", "terms.tbx")
    message = ("kbsync: error: docs/termbase.yml:3: concepts[0]: has no `fr` entry; expected "
               "`fr: {term: ...}` for every language of mkdocs.yml\n")
    assert (result.code, result.out, result.err) == (2, "", message)
    assert kb.run("check").err.endswith(message)
    assert not (kb.root / "terms.tbx").exists()
    kb.write(TERMBASE, "version: 1\nconcepts:\n  - id: nps\n    de: {term: [\n")
    result = kb.run("termbase")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("kbsync: error: docs/termbase.yml:5: termbase is not valid YAML")
    assert "Traceback" not in result.err
    (kb.root / TERMBASE).unlink()
    result = kb.run("termbase")
    assert (result.code, result.err) == (2, "kbsync: error: docs/termbase.yml: not found (create it; see "
                                            "scripts/kbsync/README.md, section Termbase)\n")


def test_text_xml_cannot_carry_is_named_by_its_key(kb):
    kb.write(TERMBASE, BROKEN + '    fr: {term: "Net\\x01Promoter"}\n    en: {term: Net Promoter Score}\n')
    result = kb.run("termbase")
    assert (result.code, result.out) == (2, "")
    assert result.err == ("kbsync: error: docs/termbase.yml: concepts[0].fr.term: has the character U+0001, "
                          "which TBX (XML 1.0) cannot carry (remove it from the termbase)\n")


def test_ids_abbreviations_and_duplicates_stay_valid(kb, schema):
    """A concept ID that starts with a digit (not an XML ID), an abbreviation that is also the term
    or forbidden in one language, a variant repeated: still one valid TBX-Basic entry."""
    kb.write(TERMBASE, """\
version: 1
concepts:
  - id: 3d-secure
    abbreviation: 3DS
    de: {term: 3DS, variants: [3-D Secure, 3-D Secure]}
    it: {term: 3-D Secure}
    fr: {term: 3-D Secure, forbidden: [3DS]}
    en: {term: 3-D Secure, variants: [3DS]}
""")
    document = export(kb)
    assert schema.validate(etree.fromstring(document).getroottree())
    unit = tbxfile.parsestring(document, sourcelanguage="de").units[0]
    assert unit.xmlelement.get("id") == "_3d-secure"
    assert terms(unit, "de") == {"3DS": "preferredTerm-admn-sts", "3-D Secure": "admittedTerm-admn-sts"}
    assert terms(unit, "it") == {"3-D Secure": "preferredTerm-admn-sts", "3DS": "admittedTerm-admn-sts"}
    assert terms(unit, "fr") == {"3-D Secure": "preferredTerm-admn-sts", "3DS": "deprecatedTerm-admn-sts"}
    assert terms(unit, "en") == {"3-D Secure": "preferredTerm-admn-sts", "3DS": "admittedTerm-admn-sts"}
    preferred = unit.get_target_terms("de")[0]
    assert ("termType", "abbreviation") in {(note.category, note.text) for note in preferred.notes}

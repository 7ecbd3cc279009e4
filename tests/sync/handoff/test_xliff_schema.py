"""The XLIFF kbsync writes is valid XLIFF 1.2 strict: our RELAX NG schema (xliff12/, a strict
subset of XLIFF 1.2 strict written from the spec) accepts every real export, with inline codes of
every kind, and rejects what the spec does not allow."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from kbsync.handoff.exporting import Handoff, PageUnits
from kbsync.handoff.inline import tokenize
from kbsync.handoff.units import Unit, UnitState
from kbsync.handoff.xliff import CTYPES, write_xliff

PAGE = "guidelines/people.md"
DE = f"docs/de/{PAGE}"
XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
NS = {"x": XLIFF}
# One sentence with every inline code kbsync knows, a link nested in bold among them.
EVERY_CODE = ("Siehe [die Übersicht](../metrics/nps.md), ![ein Diagramm](bild.png), **fett mit [Link](ces.md)**, "
              "*kursiv*, `kbsync status`, <br>, <!-- intern -->, &nbsp;, <https://example.org>, {1} und {: .hinweis}.")
TRAINING_ITEM = ("- Die [Servicestandards](service-standards.md) sind von Beginn an fester Bestandteil "
                 "der Einarbeitung.\n")


def inline_codes(root) -> set[tuple[str, str]]:
    return {(etree.QName(element).localname, element.get("ctype"))
            for element in root.iterfind(".//x:source//*", NS) if etree.QName(element).localname in ("g", "ph")}


def test_the_real_export_of_changed_sections_a_missing_page_and_every_inline_code_is_valid(edited, tmp_path,
                                                                                           xliff_schema, pseudo):
    edited.edit(DE, TRAINING_ITEM, TRAINING_ITEM + f"- {EVERY_CODE}\n")
    (edited.root / "docs/it/metrics/ces.md").unlink()
    edited.commit("Training: every kind of inline markup; the Italian CES page is gone")
    out = tmp_path / "it.xlf"
    result = edited.run("export", "it", "--output", str(out))
    assert result.code == 0, result.err
    root = etree.parse(str(out)).getroot()
    # What this export holds, so that the validation covers it.
    assert {element.get("original") for element in root.iterfind("x:file", NS)} == {DE, "docs/de/metrics/ces.md"}
    assert root.find(".//x:trans-unit[@id='metrics/ces.md#front:title']", NS) is not None
    assert root.find(".//x:target[@state='translated']", NS) is not None
    assert root.find(".//x:alt-trans[@alttranstype='previous-version']/x:source", NS) is not None
    assert root.find(".//x:trans-unit/x:note[@from='kbsync']", NS) is not None
    assert root.find(".//x:g/x:g", NS) is not None  # a link inside bold
    paired = {"link", "strong", "emphasis", "image"}
    assert inline_codes(root) == ({("g", CTYPES[kind]) for kind in paired}
                                  | {("ph", ctype) for kind, ctype in CTYPES.items() if kind not in paired})
    assert xliff_schema.errors(out) == []
    # As a CAT tool gives it back: every open unit translated, the codes kept.
    assert pseudo(edited.root, "it").xliff(out) > 0
    assert etree.parse(str(out)).getroot().find(".//x:target/x:g", NS) is not None
    assert xliff_schema.errors(out) == []


# -- the schema rejects what XLIFF 1.2 strict does not allow ---------------------------------

def writer_output() -> bytes:
    """What kbsync's XLIFF writer makes of a new, a pre-filled and a changed unit with every
    inline code (no knowledge base needed)."""
    def unit(number: int, state: UnitState, **fields) -> Unit:
        return Unit(f"{PAGE}#training/p{number}.s1", PAGE, "training", "2:0123456789abcdef", 30 + number,
                    tokenize(EVERY_CODE), state, **fields)

    units = (unit(1, UnitState.NEW),
             unit(2, UnitState.TRANSLATED, target=tokenize(EVERY_CODE.replace("Siehe", "Vedi"))),
             unit(3, UnitState.FUZZY, target=tokenize(EVERY_CODE.replace("Siehe", "Vedi")),
                  previous_source=tokenize(EVERY_CODE.replace("Siehe", "Lies")), note="Previous source: Lies …"))
    return write_xliff(Handoff("de", "it", (PageUnits(PAGE, DE, f"docs/it/{PAGE}", False, units),)))


@pytest.fixture(scope="module")
def document() -> bytes:
    return writer_output()


def mutated(document: bytes, change) -> bytes:
    root = etree.fromstring(document)
    change(root)
    return etree.tostring(root)


def first(root, path: str):
    found = root.find(path, NS)
    assert found is not None, path
    return found


def test_the_writer_output_is_valid_and_uses_every_element_the_schema_allows(document, xliff_schema):
    root = etree.fromstring(document)
    names = {etree.QName(element).localname for element in root.iter()}
    assert names == {"xliff", "file", "body", "trans-unit", "source", "target", "alt-trans", "note",
                     "context-group", "context", "g", "ph"}
    assert xliff_schema.errors(document) == []


def ns(name: str) -> str:
    return f"{{{XLIFF}}}{name}"


# What XLIFF 1.2 strict does not allow, and what the validator says about it.
INVALID = {
    "a wrong version": ("Element xliff failed to validate attributes", lambda root: root.set("version", "2.0")),
    "XLIFF 1.1's namespace": ("wrong namespace", lambda root: [
        setattr(element, "tag", element.tag.replace("1.2", "1.1")) for element in root.iter()]),
    "a state outside the spec's list": ("Invalid attribute state for element target",
                                        lambda root: first(root, ".//x:target[@state]").set("state", "done")),
    "a state that is no x- value": ("Invalid attribute state for element target",
                                    lambda root: first(root, ".//x:target[@state]").set("state", "x-")),
    "an alttranstype outside the spec's list": ("Invalid attribute alttranstype for element alt-trans",
                                                lambda root: first(root, ".//x:alt-trans").set("alttranstype",
                                                                                               "fuzzy-match")),
    "an unknown element": ("Did not expect element comment there",
                           lambda root: first(root, ".//x:trans-unit").append(etree.Element(ns("comment")))),
    "an unknown inline element": ("Did not expect element span there",
                                  lambda root: first(root, ".//x:source").append(etree.Element(ns("span")))),
    "a trans-unit without id": ("Element trans-unit failed to validate attributes",
                                lambda root: first(root, ".//x:trans-unit").attrib.pop("id")),
    "a g without id": ("Element g failed to validate attributes",
                       lambda root: first(root, ".//x:source/x:g").attrib.pop("id")),
    "a ph without id": ("Element ph failed to validate attributes",
                        lambda root: first(root, ".//x:source/x:ph").attrib.pop("id")),
    "a g with a placeholder ctype": ("Invalid attribute ctype for element g",
                                     lambda root: first(root, ".//x:g[@ctype='link']").set("ctype", "image")),
    "a ph with a delimiter ctype": ("Invalid attribute ctype for element ph",
                                    lambda root: first(root, ".//x:ph").set("ctype", "bold")),
    "a user ctype without x-": ("Invalid attribute ctype for element g",
                                lambda root: first(root, ".//x:g[@ctype='x-md-image']").set("ctype", "md-image")),
    "a ctype with a space": ("Invalid attribute ctype for element ph",
                             lambda root: first(root, ".//x:ph").set("ctype", "x-md code")),
    "an element inside ph": ("Element ph has extra content: g",
                             lambda root: first(root, ".//x:ph").append(etree.Element(ns("g"), id="99"))),
    "a target before the source": ("Did not expect element target there", lambda root: first(
        root, ".//x:trans-unit[x:target]").insert(0, first(root, ".//x:trans-unit[x:target]/x:target"))),
    "a trans-unit without source": ("Element trans-unit has extra content", lambda root: first(
        root, ".//x:trans-unit").remove(first(root, ".//x:trans-unit/x:source"))),
    "an alt-trans without target": ("Expecting an element", lambda root: first(root, ".//x:alt-trans").remove(
        first(root, ".//x:alt-trans/x:target"))),
    "a file without source-language": ("Element file failed to validate attributes",
                                       lambda root: first(root, "x:file").attrib.pop("source-language")),
    "a datatype outside the list": ("Invalid attribute datatype for element file",
                                    lambda root: first(root, "x:file").set("datatype", "markdown")),
    "a deprecated (transitional) attribute": ("Invalid attribute ts for element trans-unit",
                                              lambda root: first(root, ".//x:trans-unit").set("ts", "x")),
    "equiv-text on a target": ("Invalid attribute equiv-text for element target",
                               lambda root: first(root, ".//x:target").set("equiv-text", "x")),
    "a context-type outside the list": ("Element context failed to validate attributes", lambda root: first(
        root, ".//x:context[@context-type='sourcefile']").set("context-type", "file")),
    "a note priority of 11": ("Invalid attribute priority for element note",
                              lambda root: first(root, ".//x:note").set("priority", "11")),
    "a duplicate trans-unit id in a file": (
        f'trans-unit id "{PAGE}#training/p1.s1" is not unique in its file',
        lambda root: root.findall(".//x:trans-unit", NS)[1].set(
            "id", root.findall(".//x:trans-unit", NS)[0].get("id"))),
    "a duplicate context-group name in a file": (
        f'context-group name "kbsync:{PAGE}#training/p1.s1" is not unique in its file',
        lambda root: root.findall(".//x:context-group", NS)[1].set(
            "name", root.findall(".//x:context-group", NS)[0].get("name"))),
}


@pytest.mark.parametrize("expected, change", INVALID.values(), ids=INVALID.keys())
def test_the_schema_rejects_what_xliff_1_2_strict_does_not_allow(document, xliff_schema, expected, change):
    errors = xliff_schema.errors(mutated(document, change))
    assert any(expected in error for error in errors), errors


def test_the_schema_names_the_line_and_both_units_of_a_duplicate(document, xliff_schema):
    errors = xliff_schema.errors(mutated(document, INVALID["a duplicate trans-unit id in a file"][1]))
    assert errors == [f'trans-unit id "{PAGE}#training/p1.s1" is not unique in its file'] * 2
    errors = xliff_schema.errors(mutated(document, INVALID["a state outside the spec's list"][1]))
    assert errors and all(error.startswith("line 14: ") for error in errors)


STATES = ("final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n",
          "needs-review-translation", "needs-translation", "new", "signed-off", "translated", "x-kbsync-draft")
VALID = {
    **{f"state {state}": (lambda state: lambda root: first(root, ".//x:target[@state]").set("state", state))(state)
       for state in STATES},
    "ctype italic and underlined on g": lambda root: [element.set("ctype", ctype) for element, ctype in zip(
        root.findall(".//x:source/x:g", NS), ("italic", "underlined"))],
    "ctype lb and a user value on ph": lambda root: [element.set("ctype", ctype) for element, ctype in zip(
        root.findall(".//x:source/x:ph", NS), ("lb", "x-any"))],
    "equiv-text on g and ph": lambda root: [first(root, f".//x:{tag}").set("equiv-text", "…") for tag in ("g", "ph")],
    "approved and resname on a unit": lambda root: [first(root, ".//x:trans-unit").set(name, value)
                                                    for name, value in (("approved", "yes"), ("resname", "r"))],
    "a note priority of 10": lambda root: first(root, ".//x:note").set("priority", "10"),
    "alttranstype proposal": lambda root: first(root, ".//x:alt-trans").set("alttranstype", "proposal"),
    "notes and context groups in any order": lambda root: first(root, ".//x:trans-unit[x:note]").append(
        copy.deepcopy(first(root, ".//x:trans-unit/x:note"))),
}


@pytest.mark.parametrize("change", VALID.values(), ids=VALID.keys())
def test_the_schema_accepts_what_the_spec_allows_within_kbsyncs_elements(document, xliff_schema, change):
    changed = mutated(document, change)
    assert changed != document
    assert xliff_schema.errors(changed) == []

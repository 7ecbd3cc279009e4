"""`kbsync import`: the round trip, refusals unit by unit, atomic and idempotent."""

from __future__ import annotations

import re

import pytest
from lxml import etree

PAGE = "guidelines/people.md"
DE = f"docs/de/{PAGE}"
IT = f"docs/it/{PAGE}"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
NEW_UNIT = f"{PAGE}#recognition/p3.s2"
CHANGED_UNIT = f"{PAGE}#employee-feedback/p3.s1"
LINK_UNIT = f"{PAGE}#employee-feedback/p7.s1"


def exported(site, tmp_path, *pages, lang="it"):
    out = tmp_path / f"{lang}.xlf"
    result = site.run("export", lang, *pages, "--output", str(out))
    assert result.code == 0, result.err
    return out


def translated(site, tmp_path, pseudo, *pages, lang="it"):
    out = exported(site, tmp_path, *pages, lang=lang)
    assert pseudo(site.root, lang).xliff(out) > 0
    return out


def unit(path, unit_id):
    tree = etree.parse(str(path))
    return tree, tree.find(f".//x:trans-unit[@id='{unit_id}']", NS)


def prefilled(path) -> dict[str, str]:
    tree = etree.parse(str(path))
    return {element.get("id"): "".join(element.find("x:target", NS).itertext())
            for element in tree.iterfind(".//x:trans-unit", NS)
            if element.find("x:target", NS) is not None and element.find("x:target", NS).get("state") == "translated"
            and element.find("x:alt-trans", NS) is None}


def section_lines(text: str, section_id: str) -> list[str]:
    """The lines of a section of a page's text, from its heading to the next `## ` heading."""
    lines = text.split("\n")
    start = next(number for number, line in enumerate(lines) if line.endswith(f"{{#{section_id}}}"))
    end = next((number for number in range(start + 1, len(lines)) if lines[number].startswith("## ")), len(lines))
    return lines[start:end]


def test_round_trip_imports_cleanly_and_changes_only_those_sections_and_their_provenance(edited, tmp_path, pseudo):
    before = edited.snapshot()
    out = exported(edited, tmp_path)
    kept = prefilled(out)
    pseudo(edited.root, "it").xliff(out)
    result = edited.run("import", str(out), "--translator", "Anna Rossi")
    assert result.code == 0, result.err
    assert result.out == (f"{IT}: imported recognition, employee-feedback (translated by Anna Rossi, "
                          f"{__import__('datetime').date.today().isoformat()})\n")
    after = edited.snapshot()
    assert [path for path in after if after[path] != before.get(path)] == [IT]
    check = edited.run("check", "--lang", "it", "--fail-on", "outdated")
    assert check.code == 0, check.out + check.err
    diff = edited.git("diff", "-U0", "--", IT)
    changed = [line for line in diff.splitlines() if line[:1] in "-+" and not line.startswith(("--- a/", "+++ b/"))]
    assert changed == [
        '-    recognition: "2:001a99f96f510d53"',
        '-    employee-feedback: "2:d8a108852a01b46a"',
        *[line for line in changed if line.startswith("+    recognition: \"2:")],
        *[line for line in changed if line.startswith("+    employee-feedback: \"2:")],
        "+  translated:",
        f'+    recognition: {{by: "Anna Rossi", date: {__import__("datetime").date.today().isoformat()}}}',
        f'+    employee-feedback: {{by: "Anna Rossi", date: {__import__("datetime").date.today().isoformat()}}}',
        "-- Inoltriamo alla persona interessata gli elogi dei clienti.",
        *[line for line in changed if line.startswith("+- Inoltriamo alla persona interessata gli elogi dei clienti. ")],
        *[line for line in changed if line.startswith("-:   Un breve sondaggio")],
        *[line for line in changed if line.startswith("+:   ") and "12" in line],
    ]
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", edited.text(IT)).replace("**", "")  # links as their text
    for unit_id, target in kept.items():  # every pre-filled unit is in the page as it was
        assert target in text, unit_id
    assert "Così capiamo rapidamente cosa pensano i collaboratori di un tema." in text
    again = edited.run("import", str(out), "--translator", "Someone Else")
    assert again.code == 0 and again.out == f"{IT}: already as imported: recognition, employee-feedback\n"
    assert edited.snapshot() == after  # idempotent


def test_a_missing_page_is_created_whole_with_its_front_matter_and_provenance(site, tmp_path, pseudo):
    (site.root / "docs/it/metrics/ces.md").unlink()
    site.commit("it: CES page to be translated again")
    out = translated(site, tmp_path, pseudo, "metrics/ces.md")
    result = site.run("import", str(out), "--translator", "Anna Rossi")
    assert result.code == 0, result.err
    assert result.out.startswith("docs/it/metrics/ces.md: created with _intro, what-it-measures,")
    text = site.text("docs/it/metrics/ces.md")
    front = text.split("---\n")[1]
    source_front = site.text("docs/de/metrics/ces.md").split("---\n")[1]
    assert "title: " in front and "(Customer Effort Score)" in front.split("\n")[0]
    assert "last_reviewed: 2026-11-20" in front and "l10n:" in front and "translated:" in front
    assert front.split("\n")[0] != source_front.split("\n")[0]
    for line in site.text("docs/de/metrics/ces.md").split("\n"):
        if line.startswith("#"):
            heading_id = re.search(r"\{#[a-z0-9-]+\}", line)
            if heading_id:
                assert heading_id.group() in text  # every heading ID as in the source
    status = site.run("status", "--lang", "it")
    assert "19/19 (100.0 %)" in status.out
    assert site.run("check", "--lang", "it").code == 0
    created = site.read("docs/it/metrics/ces.md")
    again = site.run("import", str(out))
    assert again.code == 0, again.err
    assert again.out.startswith("docs/it/metrics/ces.md: already as imported: _intro, what-it-measures,")
    assert site.read("docs/it/metrics/ces.md") == created


def remove_placeholder(tree, element):
    target = element.find("x:target", NS)
    group = target.find("x:g", NS)
    group.getparent().text = (group.getparent().text or "") + "".join(group.itertext()) + (group.tail or "")
    group.getparent().remove(group)


def change_id(tree, element):
    element.set("id", element.get("id").replace("p3.s2", "p9.s2"))


def change_figure(tree, element):
    target = element.find("x:target", NS)
    target.text = target.text.replace("12", "13")


def empty_target(tree, element):
    element.remove(element.find("x:target", NS))


@pytest.mark.parametrize("damage, unit_id, problem", [
    (remove_placeholder, LINK_UNIT, "removed inline code 1 ([…](../metrics/enps.md))"),
    (change_id, NEW_UNIT, "unknown unit ID"),
    (change_figure, CHANGED_UNIT, "changed figure: the source's 12 not in the target; the target's 13 not in the source"),
    (empty_target, NEW_UNIT, "empty target"),
])
def test_damaged_units_are_refused_with_their_section_and_the_rest_is_imported(edited, tmp_path, pseudo, damage,
                                                                                 unit_id, problem):
    out = translated(edited, tmp_path, pseudo)
    tree, element = unit(out, unit_id)
    damage(tree, element)
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    before = edited.text(IT)
    result = edited.run("import", str(out))
    assert result.code == 1
    refused_section = unit_id.split("#")[1].split("/")[0]
    other = {"recognition": "employee-feedback", "employee-feedback": "recognition"}[refused_section]
    shown_id = unit_id.replace("p3.s2", "p9.s2") if damage is change_id else unit_id
    line = next(line for line in result.err.splitlines() if shown_id in line)
    assert re.match(rf"^{re.escape(str(out))}:\d+: {re.escape(shown_id)} \({IT}, section {refused_section}\): ", line)
    assert problem in line
    assert result.out.startswith(f"{IT}: imported {other} ")
    after = edited.text(IT)
    assert section_lines(after, refused_section) == section_lines(before, refused_section)
    assert section_lines(after, other) != section_lines(before, other)
    old_record = re.search(rf"^    {refused_section}: .*$", before, re.M).group()
    assert old_record in after  # its fingerprint stays as it was: still outdated


def test_a_stale_export_is_refused_naming_the_section(edited, tmp_path, pseudo):
    out = translated(edited, tmp_path, pseudo)
    edited.edit(DE, "Die Führungskraft bedankt sich persönlich.", "Die Führungskraft dankt persönlich.")
    edited.commit("People: shorter")
    before = edited.text(IT)
    result = edited.run("import", str(out))
    assert result.code == 1
    assert "stale export: the source of section `recognition` changed since the export" in result.err
    assert f"({IT}, section recognition)" in result.err
    assert "imported employee-feedback" in result.out
    assert section_lines(edited.text(IT), "recognition") == section_lines(before, "recognition")


def test_broken_xml_refuses_the_whole_file_naming_its_line(edited, tmp_path, pseudo):
    out = translated(edited, tmp_path, pseudo)
    data = out.read_bytes()
    out.write_bytes(data[:len(data) // 2])
    before = edited.snapshot()
    result = edited.run("import", str(out))
    assert result.code == 2
    assert re.match(rf"^kbsync: error: {re.escape(str(out))}:\d+: not well-formed XML", result.err)
    assert edited.snapshot() == before


def test_a_section_the_checks_refuse_is_named_with_the_page_line_and_finding(edited, tmp_path, pseudo):
    """A translator who leaves the German in a section: the sign-off gate's untranslated check
    refuses it, naming the block's unit, the page's line and the finding; the rest is imported."""
    out = translated(edited, tmp_path, pseudo)
    tree = etree.parse(str(out))
    for element in tree.iterfind(".//x:trans-unit", NS):
        if "#recognition/" in element.get("id"):
            element.remove(element.find("x:target", NS))
            target = etree.fromstring(etree.tostring(element.find("x:source", NS)))
            target.tag = f"{{{NS['x']}}}target"
            target.tail = None
            element.insert(1, target)
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    before = edited.text(IT)
    result = edited.run("import", str(out))
    assert result.code == 1
    assert re.search(rf"^{IT}:\d+: {re.escape(PAGE)}#recognition/p2 \({IT}, section recognition\): KB701 ",
                     result.err, re.M), result.err
    assert result.out.startswith(f"{IT}: imported employee-feedback ")
    assert section_lines(edited.text(IT), "recognition") == section_lines(before, "recognition")


def test_dry_run_writes_nothing(edited, tmp_path, pseudo):
    out = translated(edited, tmp_path, pseudo)
    before = edited.snapshot()
    result = edited.run("import", str(out), "--dry-run")
    assert result.code == 0 and result.out.startswith(f"{IT}: would import recognition, employee-feedback")
    assert edited.snapshot() == before


def test_a_file_of_another_language_or_format_is_refused_whole(edited, tmp_path, pseudo):
    out = translated(edited, tmp_path, pseudo)
    out.write_text(out.read_text(encoding="utf-8").replace('target-language="it"', 'target-language="es"'),
                   encoding="utf-8")
    result = edited.run("import", str(out))
    assert result.code == 2 and "target language `es` is not a translation of this site" in result.err
    other = tmp_path / "notes.txt"
    other.write_text("just text\n", encoding="utf-8")
    assert "neither XLIFF nor PO" in edited.run("import", str(other)).err

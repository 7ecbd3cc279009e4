"""`kbsync export --format po` and its import: read back by polib and translate-toolkit, checked by msgfmt."""

from __future__ import annotations

import re
import subprocess

import polib
import pytest
from translate.storage import pypo

PAGE = "guidelines/people.md"
IT = f"docs/it/{PAGE}"
CHANGED_UNIT = f"{PAGE}#employee-feedback/p3.s1"
NEW_UNIT = f"{PAGE}#recognition/p3.s2"
LINK_UNIT = f"{PAGE}#employee-feedback/p7.s1"


def export_po(site, tmp_path):
    out = tmp_path / "it.po"
    result = site.run("export", "it", "--format", "po", "--output", str(out))
    assert result.code == 0, result.err
    return out


def test_polib_and_translate_toolkit_read_the_po_back(edited, tmp_path):
    out = export_po(edited, tmp_path)
    catalog = polib.pofile(str(out))
    assert catalog.metadata["Language"] == "it"
    entries = {entry.msgctxt: entry for entry in catalog}
    assert entries[NEW_UNIT].msgid == "Die Führungskraft bedankt sich persönlich." and entries[NEW_UNIT].msgstr == ""
    changed = entries[CHANGED_UNIT]
    assert "fuzzy" in changed.flags and "12 Fragen" in changed.msgid
    assert "10 Fragen" in changed.previous_msgid and "10 domande" in changed.msgstr
    link = entries[LINK_UNIT]
    assert link.msgid.startswith("Der {1}Employee Net Promoter Score{/1} fragt")
    assert "{1}…{/1} = [ … ](../metrics/enps.md)" in link.comment
    assert link.msgstr.startswith("L'{1}Employee Net Promoter Score{/1} chiede") and not link.fuzzy
    assert link.occurrences == [("docs/de/guidelines/people.md", "48")]
    store = pypo.pofile.parsefile(str(out))
    assert store.gettargetlanguage() == "it"
    units = {unit.getcontext(): unit for unit in store.units if not unit.isheader()}
    assert set(units) == set(entries)
    assert units[CHANGED_UNIT].isfuzzy() and units[CHANGED_UNIT].prev_source.startswith("Eine kurze Umfrage mit höchstens 10")


def test_gnu_msgfmt_accepts_the_po(edited, tmp_path):
    """msgfmt is what Poedit compiles with; --check also checks the header and the format."""
    out = export_po(edited, tmp_path)
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_po_round_trip_imports_cleanly(edited, tmp_path, pseudo):
    out = export_po(edited, tmp_path)
    assert pseudo(edited.root, "it").po(out) == 2
    result = edited.run("import", str(out), "--translator", "Paolo Bianchi")
    assert result.code == 0, result.err
    assert result.out.startswith(f"{IT}: imported recognition, employee-feedback (translated by Paolo Bianchi")
    assert edited.run("check", "--lang", "it", "--fail-on", "outdated").code == 0
    assert "[Employee Net Promoter Score](../metrics/enps.md)" in edited.text(IT)
    assert edited.run("import", str(out)).out == f"{IT}: already as imported: recognition, employee-feedback\n"


def test_damaged_po_entries_are_refused(edited, tmp_path, pseudo):
    out = export_po(edited, tmp_path)
    pseudo(edited.root, "it").po(out)
    catalog = polib.pofile(str(out), wrapwidth=0)
    entries = {entry.msgctxt: entry for entry in catalog}
    entries[LINK_UNIT].msgstr = entries[LINK_UNIT].msgstr.replace("{/1}", "")
    entries[CHANGED_UNIT].flags.append("fuzzy")
    catalog.save(str(out))
    before = edited.text(IT)
    result = edited.run("import", str(out))
    assert result.code == 1
    assert re.search(rf"{re.escape(str(out))}:\d+: {re.escape(LINK_UNIT)} \({IT}, section employee-feedback\): "
                     r"inline code 1 is not closed", result.err), result.err
    assert re.search(rf"{re.escape(CHANGED_UNIT)} .*: the target is not confirmed \(fuzzy", result.err)
    assert result.out.startswith(f"{IT}: imported recognition ")
    assert "Indagine pulse" in edited.text(IT) and edited.text(IT) != before


def test_broken_po_is_refused_with_its_line(edited, tmp_path):
    out = export_po(edited, tmp_path)
    text = out.read_text(encoding="utf-8").split("\n")
    broken = next(number for number, line in enumerate(text) if line.startswith("msgstr") and number > 20)
    text[broken] = 'msgstr "never closed'
    out.write_text("\n".join(text), encoding="utf-8")
    before = edited.snapshot()
    result = edited.run("import", str(out))
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: {out}:{broken + 1}: not a readable PO file")
    assert edited.snapshot() == before

"""Issue 11's "Done when", the hand-off part, on a fresh copy of the knowledge base.

Two German sections of one guideline are edited (one gets a new sentence, the other a changed
number) and committed; `kbsync export it --format xliff` gives units for those two sections
only, the unchanged sentences pre-filled, and word counts that show it; the round trip imports
cleanly. The figures (units, words, time) are printed for the release note.
"""

from __future__ import annotations

import time

from lxml import etree

PAGE = "guidelines/people.md"
IT = f"docs/it/{PAGE}"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def test_done_when_export_and_round_trip(edited, tmp_path, pseudo, capsys):
    assert edited.run("check").code == 0  # the edit committed: outdated is work to do, not an error
    started = time.perf_counter()
    result = edited.run("export", "it", "--format", "xliff")
    export_seconds = time.perf_counter() - started
    assert result.code == 0, result.err
    root = etree.fromstring(result.out.encode("utf-8"))
    units = root.findall(".//x:trans-unit", NS)
    sections = sorted({unit.get("id").rsplit("/", 1)[0] for unit in units})
    assert sections == [f"{PAGE}#employee-feedback", f"{PAGE}#recognition"]
    targets = {unit.get("id"): unit.find("x:target", NS) for unit in units}
    prefilled = [unit_id for unit_id, target in targets.items() if target is not None]
    assert all(targets[unit_id].get("state") == "translated" for unit_id in prefilled)
    open_units = sorted(set(targets) - set(prefilled))
    assert open_units == [f"{PAGE}#employee-feedback/p3.s1", f"{PAGE}#recognition/p3.s2"]
    assert "2 sections of 1 page; 15 units, 126 words: 5 new, 16 changed (fuzzy), 105 unchanged (pre-filled)" \
        in result.err

    out = tmp_path / "it.xlf"
    out.write_bytes(result.out.encode("utf-8"))
    assert pseudo(edited.root, "it").xliff(out) == len(open_units)
    started = time.perf_counter()
    imported = edited.run("import", str(out), "--translator", "Anna Rossi")
    import_seconds = time.perf_counter() - started
    assert imported.code == 0, imported.err
    assert imported.out.startswith(f"{IT}: imported recognition, employee-feedback (translated by Anna Rossi, ")
    check = edited.run("check", "--lang", "it", "--fail-on", "outdated")
    assert check.code == 0, check.out
    status = edited.run("status", "--lang", "it")
    assert "19/19 (100.0 %)" in status.out
    with capsys.disabled():
        print(f"\n[done-when] export it: {len(units)} units in {len(sections)} sections "
              f"({len(prefilled)} pre-filled, {len(open_units)} open); words: 126 = 5 new + 16 changed "
              f"(fuzzy) + 105 unchanged (pre-filled); export {export_seconds:.2f} s, import "
              f"{import_seconds:.2f} s; kbsync check --lang it --fail-on outdated: clean")

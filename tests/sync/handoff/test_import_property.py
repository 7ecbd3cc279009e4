"""Property: `kbsync import` never changes a byte outside the sections it imports and `l10n`."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbsync.config import load_site_config
from kbsync.reading.analysis import Analyzer

PAGE = "guidelines/service-quality.md"
IT = f"docs/it/{PAGE}"
DE = f"docs/de/{PAGE}"
IMPORTED = {"basics"}

prose = st.text(alphabet="abcdefghilmnoprstuvzàèéìòù .,;:!?'()", min_size=1, max_size=60).map(
    lambda text: text.strip(" ") or "parola")
comment = prose.map(lambda text: "# " + text.replace("\n", " "))


@st.composite
def variants(draw, base: str):
    """The Italian page with what an editor may have done around the section to import."""
    front, body = base.split("\n---\n", 1)
    front_lines = front.split("\n")[1:]
    l10n_at = next(number for number, line in enumerate(front_lines) if line.startswith("l10n:"))
    kept, l10n = front_lines[:l10n_at], front_lines[l10n_at:]
    for _ in range(draw(st.integers(0, 2))):
        kept.insert(draw(st.integers(0, len(kept))), draw(comment))
    if draw(st.booleans()):
        kept.append(f"tags: [{draw(st.text(alphabet='abcdefghilmnoprstuvz', min_size=1, max_size=12))}]")
    if draw(st.booleans()):
        kept = kept + l10n  # the l10n key last, or in the middle
    else:
        kept = kept[:1] + l10n + kept[1:]
    if draw(st.booleans()):
        kept = [line for line in kept if not line.startswith(("l10n:", "  "))]  # no l10n yet: untracked
    sections = body.split("\n## ")
    head, rest = sections[0], sections[1:]
    head += "\n" + draw(prose) + "\n"  # the intro, not imported, edited
    rest = ["## " + part for part in rest]
    for number, part in enumerate(rest):
        if "{#basics}" in part and draw(st.booleans()):
            rest[number] = part.replace("\n- ", f"\n- {draw(prose)} ", 1)  # the old translation, replaced anyway
        elif "{#basics}" not in part:
            rest[number] = part.rstrip("\n") + f"\n\n{draw(prose)}\n\n"
    if draw(st.booleans()):
        rest = [part for part in rest if "{#basics}" not in part]  # the section is new to the translation
    text = "\n".join(["---", *kept, "---", head.rstrip("\n") + "\n", *rest])
    if not text.endswith("\n") or draw(st.booleans()):
        text = text.rstrip("\n") + "\n"
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    data = text.replace("\n", newline).encode("utf-8")
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + data


def outside(analyzer: Analyzer, data: bytes) -> list[bytes]:
    """The page's lines but those of the imported sections and of the `l10n` key."""
    content = analyzer.analyze(data, "it")
    lines = data.split(b"\n")
    dropped = set()
    for section in content.sections:
        if section.id in IMPORTED:
            dropped.update(range(section.line - 1, section.end_line))
    start = next((number for number, line in enumerate(lines) if line.lstrip(b"\xef\xbb\xbf").startswith(b"l10n:")), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and lines[end].startswith(b"  "):
            end += 1
        dropped.update(range(start, end))
    return [line for number, line in enumerate(lines) if number not in dropped]


def test_import_changes_no_byte_outside_the_imported_sections_and_l10n(kb, tmp_path, pseudo):
    assert kb.run("sync", "it", PAGE).code == 0
    kb.edit(DE, "- Sie identifizieren jede Kundin und jeden Kunden nach den lokalen Regeln.",
            "- Sie identifizieren jede Kundin und jeden Kunden nach den lokalen Regeln. Erst dann geben Sie Auskunft.")
    out = tmp_path / "it.xlf"
    assert kb.run("export", "it", PAGE, "--output", str(out)).code == 0
    assert pseudo(kb.root, "it").xliff(out) > 0
    base = kb.text(IT)
    analyzer = Analyzer(load_site_config(Path(kb.root / "mkdocs.yml")))
    seen = {"inserted": 0, "replaced": 0}

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(variants(base))
    def imports(data):
        kb.write(IT, data)
        result = kb.run("import", str(out), "--translator", "Anna Rossi")
        assert result.code == 0, result.err
        after = kb.read(IT)
        assert outside(analyzer, after) == outside(analyzer, data)
        assert "basics" in analyzer.analyze(after, "it").section_ids
        seen["inserted" if b"{#basics}" not in data else "replaced"] += 1
        again = kb.run("import", str(out), "--translator", "Someone Else")
        assert again.code == 0 and kb.read(IT) == after  # idempotent

    imports()
    assert seen["inserted"] and seen["replaced"]

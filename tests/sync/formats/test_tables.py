"""The table renderer: Markdown tables (alignment, escaping) and plain aligned columns."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kbsync
from kbsync.formats.tables import (aligned_columns, backslash_pipes, entity_pipes_outside_links,
                                   markdown_table)


def test_markdown_table_writes_header_alignment_row_and_rows_without_final_newline():
    table = markdown_table(["Language", "Pages"], [["Italiano (it)", "1/2"], ["English (en)", "0/2"]])
    assert table == ("| Language | Pages |\n"
                     "| --- | --- |\n"
                     "| Italiano (it) | 1/2 |\n"
                     "| English (en) | 0/2 |")


def test_right_aligned_columns_get_a_colon_and_the_others_do_not():
    table = markdown_table(["a", "b", "c", "d"], [], right_aligned=range(1, 3))
    assert table.splitlines()[1] == "| --- | ---: | ---: | --- |"


def test_an_empty_cell_keeps_its_column():
    assert markdown_table(["Page", "State", "Sections"], [["`x.md`", "missing", ""]]).splitlines()[2] \
        == "| `x.md` | missing |  |"


def test_without_escape_cells_are_written_as_given():
    table = markdown_table(["Deutsch"], [["[a|b](#id)"]])
    assert table.splitlines()[2] == "| [a|b](#id) |"


def test_escape_applies_to_body_cells_and_not_to_the_header():
    table = markdown_table(["in|out"], [["a|b"]], escape=backslash_pipes)
    assert table.splitlines() == ["| in|out |", "| --- |", "| a\\|b |"]


def test_entity_pipes_spare_cells_holding_a_link():
    assert entity_pipes_outside_links("a|b") == "a&#124;b"
    link = '<a href="x.html" hreflang="it">a|b</a>'
    assert entity_pipes_outside_links(link) == link
    table = markdown_table(["Page", "Owner"], [[link, "Team A|B"]], escape=entity_pipes_outside_links)
    assert table.splitlines()[2] == f"| {link} | Team A&#124;B |"


def test_backslash_pipes_escapes_every_pipe():
    assert backslash_pipes("|a||b|") == "\\|a\\|\\|b\\|"


def test_aligned_columns_pad_to_the_widest_cell_and_strip_trailing_spaces():
    text = aligned_columns(("language", "outdated", "missing"),
                           [("Français (fr)", "12", "0"), ("it", "1", "")])
    assert text.splitlines() == [
        "language       outdated  missing",
        "Français (fr)  12        0",
        "it             1",
    ]
    assert not text.endswith("\n")


def test_aligned_columns_of_a_header_alone():
    assert aligned_columns(("language", "pages"), []) == "language  pages"


# The alignment row of a Markdown table, or a piece of one: `| --- |`, `---: |`, `|:---`.
ALIGNMENT = re.compile(r"\|\s*:?-{3,}:?\s*(?:\||$)|(?:^|\s)-{3,}:?\s*\|")


def hand_built_tables(source: str) -> list[int]:
    """Lines of `source` whose string constants (f-strings' parts too) hold a Markdown table's alignment row."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and ALIGNMENT.search(node.value)]


def test_tables_are_built_by_the_renderer_only():
    # The CLI, the site's generated pages, the PDFs, the reports for translators and the benchmarks.
    scripts = Path(kbsync.__file__).resolve().parents[1]
    renderer = scripts / "kbsync" / "formats" / "tables.py"
    found = {path.relative_to(scripts).as_posix(): lines for path in sorted(scripts.rglob("*.py"))
             if path != renderer and (lines := hand_built_tables(path.read_text("utf-8")))}
    assert found == {}
    assert hand_built_tables(renderer.read_text("utf-8"))  # the reader finds the renderer's own


def test_the_reader_finds_a_table_written_by_hand():
    assert hand_built_tables('rows = ["| a | b |", "| --- | ---: |"]\nprint(f"| {x} |")\n') == [1]
    assert hand_built_tables('print(f"|:--- | {x} |")\nsplit = "|".join(cells)\nfence = r"(?:\\.\\.\\.|---)"\n') == [1]

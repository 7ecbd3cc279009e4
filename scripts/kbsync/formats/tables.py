"""Tables as text: Markdown tables and plain aligned columns, for the CLI and for the site.

The one table renderer: `kbsync status` (text and markdown formats) and the pages the site
generates write their tables through it. Callers build the cells; this module decides only the
layout and applies the escaping the caller names. It must not decide what a cell says, and it
escapes nothing on its own: a pull-request comment wants `\\|`, a page that Python-Markdown
renders wants `&#124;` outside its HTML links, and the glossary's cells are Markdown already.

Hand-written because the layout is three lines of string joining and must stay byte-stable;
a table library (tabulate and the like) would pad Markdown cells and decide the escaping itself.
"""

from __future__ import annotations

from typing import Callable, Collection, Iterable, Sequence

Cells = Sequence[str]
Escape = Callable[[str], str]


def backslash_pipes(cell: str) -> str:
    """`a|b` -> `a\\|b`: a literal pipe in a cell, as GitHub and Python-Markdown read it."""
    return cell.replace("|", "\\|")


def entity_pipes_outside_links(cell: str) -> str:
    """`a|b` -> `a&#124;b`; a cell holding an HTML link (`<a `) is kept as given.

    The entity keeps the cell's text intact in the HTML; a link cell is already escaped HTML
    whose attributes an entity must not touch.
    """
    return cell if "<a " in cell else cell.replace("|", "&#124;")


def markdown_table(header: Cells, rows: Iterable[Cells], *, right_aligned: Collection[int] = (),
                   escape: Escape | None = None) -> str:
    """A Markdown table: the header row, the alignment row, one line per row; no final newline.

    `right_aligned`: indexes of the columns aligned right (`---:`); the others are `---`.
    `escape`: applied to every body cell (None: cells are written as given). Header cells are
    the caller's own labels and are written as given.
    """
    lines = [_markdown_row(header),
             "|" + "".join(" ---: |" if column in right_aligned else " --- |"
                           for column in range(len(header)))]
    lines += [_markdown_row(row if escape is None else [escape(cell) for cell in row]) for row in rows]
    return "\n".join(lines)


def aligned_columns(header: Cells, rows: Iterable[Cells]) -> str:
    """Plain-text columns: each cell padded to its column's widest, two spaces between columns,
    no trailing spaces; one line per row after the header; no final newline."""
    table = [header, *rows]
    widths = [max(len(row[column]) for row in table) for column in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
                     for row in table)


def _markdown_row(cells: Cells) -> str:
    return "| " + " | ".join(cells) + " |"

"""The status as Markdown tables, for a pull request comment or a status page."""

from __future__ import annotations

from kbsync.formats.status_rows import HEADER, language_rows, stale_pages
from kbsync.status import StatusReport


def _row(cells: tuple[str, ...] | list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def format_status(report: StatusReport) -> str:
    lines = [_row([HEADER[0].capitalize(), *(cell.capitalize() for cell in HEADER[1:])]),
             "| --- |" + " ---: |" * (len(HEADER) - 1)]
    lines += [_row(row) for row in language_rows(report)]
    pages = stale_pages(report)
    if pages:
        lines += ["", _row(["Page", "State", "Sections not up to date"]), "| --- | --- | --- |"]
        for path, state, sections in pages:
            lines.append(_row([f"`{path}`", state, ", ".join(
                f"`{section_id}` ({section_state})" for section_id, section_state in sections)]))
    return "\n".join(lines) + "\n"

"""Plain text: findings as `path:line: CODE message`, the status as aligned columns."""

from __future__ import annotations

from kbsync.formats.status_rows import HEADER, language_rows, stale_pages
from kbsync.model import Finding
from kbsync.status import StatusReport


def format_findings(findings: list[Finding]) -> str:
    return "".join(f"{item.path}:{item.line}: {item.code} {item.message}\n" for item in findings)


def format_status(report: StatusReport) -> str:
    rows = [HEADER, *language_rows(report)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
             for row in rows]
    pages = stale_pages(report)
    if pages:
        lines += ["", "pages not up to date:"]
        for path, state, sections in pages:
            detail = ", ".join(f"{section_id} ({section_state})" for section_id, section_state in sections)
            lines.append(f"  {path} [{state}]" + (f": {detail}" if detail else ""))
    return "\n".join(lines) + "\n"

"""Plain text: findings as `path:line: CODE message`, the status as aligned columns.

The one format with a summary: `kbsync check --format text` writes `render_summary` to stderr,
so that the findings on stdout stay one per line for grep and editors.
"""

from __future__ import annotations

from kbsync.codes import Severity
from kbsync.formats.status_rows import HEADER, language_rows, local_counts, local_rows, stale_pages
from kbsync.formats.tables import aligned_columns
from kbsync.handoff.words import HEADER as WORDS_HEADER, TITLE as WORDS_TITLE, WordCount, word_cells
from kbsync.model import Finding
from kbsync.status import StatusReport

PLURALS = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.OUTDATED: "outdated"}


def render_findings(findings: list[Finding], fail_on: Severity, failed: bool, release: bool = False) -> str:
    # fail_on, failed and release are in the summary and the exit code, not in the lines.
    return "".join(f"{item.path}:{item.line}: {item.code} {item.message}\n" for item in findings)


def render_summary(findings: list[Finding], fail_on: Severity, release: bool = False) -> str:
    """`kbsync: 1 error, 0 warnings, 2 outdated (fail on error)`; the release gate says that the
    outdated level fails too: `(fail on error and outdated: release gate)`."""
    counts = {severity: 0 for severity in Severity}
    for item in findings:
        counts[item.severity] += 1
    parts = ", ".join(f"{counts[severity]} {severity.label if counts[severity] == 1 else PLURALS[severity]}"
                      for severity in sorted(Severity, reverse=True))
    failing = fail_on.label
    if release and fail_on is not Severity.OUTDATED:
        failing += f" and {Severity.OUTDATED.label}: release gate"
    elif release:
        failing += ": release gate"
    return f"kbsync: {parts} (fail on {failing})\n"


def render_status(report: StatusReport) -> str:
    lines = [aligned_columns(HEADER, language_rows(report))]
    pages = stale_pages(report)
    if pages:
        lines += ["", "pages not up to date:"]
        for path, state, sections in pages:
            detail = ", ".join(f"{section_id} ({section_state})" for section_id, section_state in sections)
            lines.append(f"  {path} [{state}]" + (f": {detail}" if detail else ""))
    local = local_rows(report)
    if local:  # sections of one market only: never drift, so not in the counts above
        lines += ["", f"local sections: {local_counts(report)}"]
        lines += [f"  {where}: {owner}, reviewed {reviewed}, due {due}" for where, owner, reviewed, due in local]
    return "\n".join(lines) + "\n"


def render_words(rows: list[tuple[str, WordCount]]) -> str:
    return f"\n{WORDS_TITLE}\n" + aligned_columns(WORDS_HEADER, [word_cells(*row) for row in rows]) + "\n"

"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from kbsync.codes import Severity
from kbsync.model import Finding

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.OUTDATED: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_findings(findings: list[Finding], fail_on: Severity, failed: bool, release: bool = False) -> str:
    # The workflow step fails on the exit code; the annotations show every finding regardless.
    # In the release gate the outdated level fails the step, so it is annotated as an error.
    lines = []
    for item in findings:
        command = "error" if release and item.severity is Severity.OUTDATED else COMMANDS[item.severity]
        properties = [f"file={_escape_property(item.path)}"]
        if item.line:
            properties.append(f"line={item.line}")
        properties.append(f"title={_escape_property(item.code)}")
        lines.append(f"::{command} {','.join(properties)}::"
                     f"{_escape_data(item.code + ' ' + item.message)}\n")
    return "".join(lines)

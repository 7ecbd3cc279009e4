"""JSON documents for `check` and `status`; their schemas are in kbsync/schemas/.

`findings_document` and `status_document` build the documents the schemas describe; scripts
rely on them, so a key changes only together with its schema and FORMAT_VERSION.
"""

from __future__ import annotations

import json
from typing import Any

from kbsync.codes import Severity
from kbsync.model import Finding, Record
from kbsync.status import StatusReport

FORMAT_VERSION = 1


def findings_document(findings: list[Finding], fail_on: Severity, failed: bool,
                      release: bool = False) -> dict[str, Any]:
    summary = {severity.label: 0 for severity in sorted(Severity, reverse=True)}
    for item in findings:
        summary[item.severity.label] += 1
    return {
        "version": FORMAT_VERSION,
        "fail_on": fail_on.label,
        "release": release,
        "failed": failed,
        "summary": summary,
        "findings": [{
            "lang": item.lang,
            "path": item.path,
            "line": item.line,
            "section": item.section,
            "code": item.code,
            "severity": item.severity.label,
            "message": item.message,
        } for item in findings],
    }


def status_document(report: StatusReport) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "source_language": report.source_lang,
        "languages": [{
            "lang": language.lang,
            "name": language.name,
            "total_pages": language.total_pages,
            "total_sections": language.total_sections,
            "pages": language.pages,
            "sections": language.sections,
            "pages_up_to_date_percent": language.pages_up_to_date_percent,
            "sections_up_to_date_percent": language.sections_up_to_date_percent,
            "local_sections": language.local_sections,
            "awaiting_review": language.awaiting_review,
            "reviewed": language.reviewed,
            "sections_reviewed_percent": language.sections_reviewed_percent,
        } for language in report.languages],
        "pages": [{
            "lang": page.lang,
            "page": page.page,
            "path": page.path,
            "source_path": page.source_path,
            "state": page.state.value,
            "sections": [{
                "id": section.id,
                "state": section.state.value,
                "line": section.line,
                "source_line": section.source_line,
                "recorded": section.recorded,
                "current": section.current,
                "translated": _record(section.translated),
                "reviewed": _record(section.reviewed),
                "awaiting_review": section.awaiting_review,
            } for section in page.sections],
        } for page in report.pages],
        "local_sections": [{
            "lang": page.lang,
            "page": page.page,
            "path": page.path,
            "id": local.id,
            "title": local.title,
            "line": local.line,
            "owner": local.owner,
            "last_reviewed": local.last_reviewed.isoformat() if local.last_reviewed else None,
            "due": local.due.isoformat() if local.due else None,
        } for page, local in report.local_sections],
    }


def _record(record: Record | None) -> dict[str, str] | None:
    return {"by": record.by, "date": record.date.isoformat()} if record is not None else None


def render_findings(findings: list[Finding], fail_on: Severity, failed: bool, release: bool = False) -> str:
    return dumps(findings_document(findings, fail_on, failed, release))


def render_status(report: StatusReport) -> str:
    return dumps(status_document(report))


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

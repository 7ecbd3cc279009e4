"""The repository's own knowledge base passes the checks that stand in for the strict build's:
heading ID syntax, links and anchors (pages and termbase), review dates, former section IDs."""

from __future__ import annotations

import json
from pathlib import Path

from kbsync.checks import (anchors, heading_ids, retired_sections, review_date, section_aliases, termbase_groups,
                           termbase_links)
from kbsync.cli import main
from kbsync.reading.termbase import termbase_outline

REPO = Path(__file__).resolve().parents[3]
NEW_CODES = {code.code for module in (heading_ids, anchors, termbase_links, termbase_groups, section_aliases,
                                      retired_sections, review_date) for code in module.CODES} - {"KB204"}


def test_the_knowledge_base_has_no_finding_of_the_new_checks_and_no_error(capsys):
    # What the checks look at is there: links to sections of other pages, links in the termbase.
    assert any(".md#" in path.read_text("utf-8") for path in (REPO / "docs/de").rglob("*.md"))
    assert termbase_outline((REPO / "docs/termbase.yml").read_text("utf-8")).links
    code = main(["--config", str(REPO / "mkdocs.yml"), "--no-cache", "check", "--format", "json",
                 "--fail-on", "error"])
    report = json.loads(capsys.readouterr().out)
    assert [item for item in report["findings"] if item["code"] in NEW_CODES] == []
    assert report["summary"]["error"] == 0 and code == 0

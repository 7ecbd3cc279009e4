"""The synthetic knowledge base: the planned pages, and a generated tree kbsync finds clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import synthetic_kb

REPO = Path(__file__).resolve().parents[2]


def test_plan_puts_a_topic_page_first_and_the_reference_pages_after_it():
    assert [(page.path, page.kind) for page in synthetic_kb.plan(9)] == [
        ("index.md", "home"),
        ("area-00/index.md", "area"),
        ("area-00/part-00/index.md", "part"),
        ("area-00/part-00/page-0001.md", "topic"),
        ("glossary.md", "reference"),
        ("translation-status.md", "reference"),
        ("changes.md", "reference"),
        ("area-00/part-00/page-0002.md", "topic"),
        ("area-00/part-00/page-0003.md", "topic"),
    ]


def test_plan_fills_folders_of_fifty_and_areas_of_five_folders():
    planned = synthetic_kb.plan(506)  # the home page, 3 reference pages and two areas of 251 pages
    assert len(planned) == 506
    assert [page.path for page in planned if page.kind in ("area", "part")] == [
        "area-00/index.md", *(f"area-00/part-{folder:02d}/index.md" for folder in range(5)),
        "area-01/index.md", *(f"area-01/part-{folder:02d}/index.md" for folder in range(5, 10)),
    ]
    assert planned[-1].path == "area-01/part-09/page-0490.md"


def test_plan_refuses_fewer_than_three_pages():
    with pytest.raises(ValueError, match="at least 3 pages"):
        synthetic_kb.plan(2)


@pytest.mark.build
def test_generated_tree_has_every_page_in_every_language_and_kbsync_finds_nothing(tmp_path):
    root = tmp_path / "kb"
    planned = synthetic_kb.generate(root, 9, REPO)
    assert synthetic_kb.record_provenance(root, planned) is None
    synthetic_kb.commit(root)

    pages = sorted(path.relative_to(root / "docs").as_posix() for path in (root / "docs").rglob("*.md"))
    assert pages == sorted(f"{lang}/{page.path}" for lang in ("de", "it", "fr", "en") for page in planned)
    assert (root / "docs" / "termbase.yml").is_file()
    assert "l10n:" in (root / "docs" / "it" / planned[3].path).read_text("utf-8")
    check = subprocess.run([sys.executable, "-m", "kbsync", "check", "--fail-on", "outdated"], cwd=root,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    log = subprocess.run(["git", "log", "--format=%s"], cwd=root, capture_output=True, text=True, check=True)
    assert log.stdout == "Knowledge base\n"

"""The README's layout tree names every folder of the package and of the tests, and nothing that is not there.

One line per package of scripts/kbsync (`  reading/   ...`), every module at the package's root in
the lines of the kbsync block, and every folder of tests/ in the tests line: a package added or
removed without the README fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "scripts" / "kbsync"


def layout() -> list[str]:
    text = (REPO / "README.md").read_text("utf-8")
    return text.split("\n## Layout\n", 1)[1].split("```", 2)[1].splitlines()


def kbsync_block() -> list[str]:
    lines = layout()
    start = next(index for index, line in enumerate(lines) if line.startswith("scripts/kbsync/"))
    end = next(index for index, line in enumerate(lines) if index > start and not line.startswith(" "))
    return lines[start + 1:end]


def test_one_line_per_folder_of_the_package():
    listed = [match.group(1) for line in kbsync_block() if (match := re.match(r"  (\w+)/ ", line))]
    folders = sorted(path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__")
    assert sorted(listed) == folders and len(listed) == len(set(listed))


def test_every_module_at_the_package_root_is_named():
    named = set(re.findall(r"\b(\w+)\.py\b", "\n".join(kbsync_block())))
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert modules - named == set() and named - modules <= {"registry"}  # checks/registry.py


def test_the_tests_line_names_every_folder_of_tests():
    lines = layout()
    start = next(index for index, line in enumerate(lines) if line.startswith("tests/"))
    text = "\n".join(lines[start:])
    listed = set(re.findall(r"\b(\w+)/", text))
    folders = {path.name for path in (REPO / "tests").iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert folders <= listed

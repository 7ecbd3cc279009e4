"""The one list of checks, and the table of finding codes gathered from it.

A new check is a module in checks/ plus one line in `CHECKS` below. A check module declares
the codes it raises (`CODES`, a tuple of `kbsync.codes.Code`) and has exactly one entry
function, whose name says what kind of check it is:

* `check(pair, context)`: a pair check, run on each page and its source (a `CheckContext`);
* `check_tree(context)`: a tree check, run once on the docs tree as a whole (a `CheckContext`);
* `check_run(context)`: a run check, run once on every checked page's outline and the published
  record (a `RunContext`).

This module must not check anything or declare a code itself; it refuses, on import, a module
without exactly one entry function and a code declared twice.
"""

from __future__ import annotations

from types import ModuleType
from typing import Callable, Iterable

from kbsync.checks import (
    anchors,
    figures,
    front_matter,
    heading_ids,
    language_folders,
    links,
    local_sections,
    page_reading,
    published_links,
    release,
    retired_sections,
    review_date,
    section_aliases,
    structure,
    sync_status,
    termbase_groups,
    termbase_links,
    terms,
    untranslated,
)
from kbsync.codes import Code

CHECKS: tuple[ModuleType, ...] = (
    page_reading,
    front_matter,
    review_date,
    sync_status,
    structure,
    links,
    figures,
    terms,
    untranslated,
    language_folders,
    published_links,
    heading_ids,
    anchors,
    termbase_links,
    termbase_groups,
    section_aliases,
    retired_sections,
    local_sections,
    release,
)

ENTRY_FUNCTIONS = ("check", "check_tree", "check_run")


def entry_function(module: ModuleType) -> str:
    """The name of the module's one entry function."""
    found = [name for name in ENTRY_FUNCTIONS if callable(getattr(module, name, None))]
    if len(found) != 1:
        raise AssertionError(f"{module.__name__} must have exactly one of {', '.join(ENTRY_FUNCTIONS)}; "
                             f"it has {', '.join(found) or 'none'}")
    return found[0]


def gather_codes(modules: Iterable[ModuleType]) -> dict[str, Code]:
    """Every code the modules declare, by code; a code declared twice is refused."""
    table: dict[str, Code] = {}
    declared_by: dict[str, str] = {}
    for module in modules:
        for code in module.CODES:
            if code.code in table:
                raise ValueError(f"{code.code} is declared twice: by {declared_by[code.code]} and by "
                                 f"{module.__name__}; a code belongs to the one check that raises it")
            table[code.code] = code
            declared_by[code.code] = module.__name__
    return table


def _entries(kind: str) -> tuple[Callable, ...]:
    return tuple(getattr(module, kind) for module in CHECKS if entry_function(module) == kind)


PAIR_CHECKS = _entries("check")
TREE_CHECKS = _entries("check_tree")
RUN_CHECKS = _entries("check_run")
CODES = gather_codes(CHECKS)

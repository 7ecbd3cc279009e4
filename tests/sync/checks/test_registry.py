"""The registry of checks: one list of checks, one table of codes, and the README kept equal to it.

The source of kbsync is read as Python (ast), so a code written anywhere but in the check that
declares and raises it fails here.
"""

from __future__ import annotations

import ast
import inspect
import re
import types
from pathlib import Path

import pytest

import kbsync
from kbsync.checks import page_reading, registry
from kbsync.codes import Code, Severity, code_table

PACKAGE = Path(kbsync.__file__).resolve().parent
CODE_RE = re.compile(r"KB\d{3}")
PARAMETERS = {"check": ["pair", "context"], "check_tree": ["context"], "check_run": ["context"]}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def sources() -> dict[str, ast.Module]:
    """Every module of the package by its dotted name, parsed."""
    return {module_name(path): ast.parse(path.read_text("utf-8"), str(path))
            for path in sorted(PACKAGE.rglob("*.py"))}


def code_literals(tree: ast.AST) -> list[str]:
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE_RE.fullmatch(node.value)]


def declaration(tree: ast.Module) -> ast.AST | None:
    """The module's `CODES = (...)` statement."""
    return next((node for node in tree.body if isinstance(node, ast.Assign)
                 and any(isinstance(target, ast.Name) and target.id == "CODES" for target in node.targets)), None)


def declared_by() -> dict[str, str]:
    """Code -> the name of the registered module that declares it."""
    return {code.code: module.__name__ for module in registry.CHECKS for code in module.CODES}


def readme_rows() -> list[tuple[str, str, str, str]]:
    """(code, level, name, meaning) of each row of the README's "Finding codes" table."""
    text = (PACKAGE / "README.md").read_text("utf-8")
    section = text.split("\n## Finding codes\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split(" | ") for line in section.splitlines() if line.startswith("| KB")]
    assert all(len(row) == 4 for row in rows), "a row of the table does not have 4 columns"
    return [(code.strip(), level.strip(), name.strip(), meaning.strip()) for code, level, name, meaning in rows]


def test_readme_lists_every_code_of_the_registry_in_order():
    rows = readme_rows()
    expected = [(code.code, code.severity.label, code.name) for _, code in sorted(registry.CODES.items())]
    assert [row[:3] for row in rows] == expected


def test_readme_meaning_starts_with_the_declared_summary():
    # The README may say more (a limit, a hint); it marks names as `code`, the summaries do not.
    summaries = {code.code: code.summary.replace("`", "") for code in registry.CODES.values()}
    differing = [(code, meaning) for code, _, _, meaning in readme_rows()
                 if not meaning.replace("`", "").startswith(summaries.get(code, "\0"))]
    assert differing == []


def test_the_code_table_is_the_registry():
    assert code_table() is registry.CODES
    assert len(registry.CODES) == sum(len(module.CODES) for module in registry.CHECKS)
    assert all(isinstance(code, Code) and isinstance(code.severity, Severity)
               for code in registry.CODES.values())


def test_every_code_in_the_source_is_declared_by_the_module_that_uses_it():
    owners = declared_by()
    misplaced = [(module, code, owners.get(code)) for module, tree in sources().items()
                 for code in code_literals(tree) if owners.get(code) != module]
    assert misplaced == []


def test_every_declared_code_is_raised_by_its_module():
    parsed = sources()
    unraised = []
    for module in registry.CHECKS:
        if module is page_reading:
            continue  # the reading layer raises these by name: see the test below
        tree = parsed[module.__name__]
        used = {code for statement in tree.body if statement is not declaration(tree)
                for code in code_literals(statement)}
        unraised += [code.code for code in module.CODES if code.code not in used]
    assert unraised == []


def test_reading_problems_are_recorded_by_the_names_page_reading_declares():
    names = {code.name for code in page_reading.CODES}
    recorded: dict[str, list[str]] = {}
    unknown = []
    for module, tree in sources().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Problem":
                name = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
                recorded.setdefault(name, []).append(module)
            elif (isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute)
                  and node.left.attr == "name" and isinstance(node.left.value, ast.Name)
                  and node.left.value.id == "problem"):
                unknown += [(module, other.value) for other in node.comparators
                            if isinstance(other, ast.Constant) and other.value not in names]
    assert unknown == []
    assert set(recorded) == names, "every name page_reading declares, and only those, is recorded"
    assert {module for modules in recorded.values() for module in modules} <= {
        name for name in sources() if name.startswith("kbsync.reading.")}


@pytest.mark.parametrize("module", registry.CHECKS, ids=lambda module: module.__name__.rsplit(".", 1)[1])
def test_each_registered_check_has_one_entry_function(module):
    entries = [name for name in PARAMETERS if callable(getattr(module, name, None))]
    assert len(entries) == 1
    assert list(inspect.signature(getattr(module, entries[0])).parameters) == PARAMETERS[entries[0]]
    assert isinstance(module.CODES, tuple) and module.CODES


def test_every_check_module_is_registered():
    # A module of checks/ with an entry function or codes would otherwise never run.
    unregistered = [module for module, tree in sources().items()
                    if module.startswith("kbsync.checks.") and module != registry.__name__
                    and module not in {check.__name__ for check in registry.CHECKS}
                    and (declaration(tree) is not None or any(
                        isinstance(node, ast.FunctionDef) and node.name in PARAMETERS for node in tree.body))]
    assert unregistered == []
    assert len(set(registry.CHECKS)) == len(registry.CHECKS)


def test_the_kinds_of_check_come_from_the_entry_functions():
    kinds = {name: tuple(getattr(module, name) for module in registry.CHECKS if hasattr(module, name))
             for name in PARAMETERS}
    assert (registry.PAIR_CHECKS, registry.TREE_CHECKS, registry.RUN_CHECKS) == (
        kinds["check"], kinds["check_tree"], kinds["check_run"])


def test_a_code_declared_twice_is_refused():
    code = Code("KB101", Severity.ERROR, "invalid-utf8", "the file is not valid UTF-8")
    first = types.SimpleNamespace(__name__="kbsync.checks.first", CODES=(code,))
    second = types.SimpleNamespace(__name__="kbsync.checks.second", CODES=(code,))
    with pytest.raises(ValueError, match="KB101 is declared twice: by kbsync.checks.first and by "
                                         "kbsync.checks.second"):
        registry.gather_codes([first, second])


def test_a_check_with_two_entry_functions_is_refused():
    module = types.SimpleNamespace(__name__="kbsync.checks.both", check=lambda pair, context: (),
                                   check_tree=lambda context: ())
    with pytest.raises(AssertionError, match="exactly one of check, check_tree, check_run; it has "
                                             "check, check_tree"):
        registry.entry_function(module)

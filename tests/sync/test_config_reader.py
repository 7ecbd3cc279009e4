"""kbsync.config is the one reader of mkdocs.yml (issue 10): read as code, and watched while commands run.

The code of scripts/ is read as Python (ast): MkDocs' YAML loader, which resolves mkdocs.yml's tags,
is called by kbsync/config.py alone; MkDocs' own `load_config` only by the build and preview drivers,
which hand MkDocs the configuration it builds with (every option the tooling itself reads comes from
`SiteConfig`); and no other module opens or loads a path it names `mkdocs.yml`. Then the commands run
in a process that records every opening of mkdocs.yml (an audit hook) with the module that caused it.
"""

from __future__ import annotations

import ast
import functools
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import kbsync

PACKAGE = Path(kbsync.__file__).resolve().parent
SCRIPTS = PACKAGE.parent
CONFIG_MODULE = "kbsync/config.py"
# MkDocs builds from the configuration it loads itself; these drive MkDocs' build and serve.
MKDOCS_DRIVERS = {"kbsync/build/site.py", "kbsync/build/preview.py"}
READERS = {"open", "read_text", "read_bytes", "safe_load", "load", "yaml_load", "load_site_config"}


@functools.lru_cache(maxsize=1)
def modules() -> dict[str, ast.Module]:
    return {path.relative_to(SCRIPTS).as_posix(): ast.parse(path.read_text("utf-8"), str(path))
            for path in sorted(SCRIPTS.rglob("*.py"))}


def names_used(tree: ast.AST) -> set[str]:
    """Every name the module refers to or imports, attributes included (`utils.yaml_load`)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.ImportFrom):
            found.update(alias.name for alias in node.names)
    return found


def reads_of_mkdocs_yml(tree: ast.AST) -> list[int]:
    """Lines where a file named by a `"mkdocs.yml"` literal is opened or loaded by something but load_site_config."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in READERS or name == "load_site_config":
            continue
        named = [part for part in ast.walk(node) if isinstance(part, ast.Constant)
                 and isinstance(part.value, str) and part.value.endswith("mkdocs.yml")]
        if named:
            lines.append(node.lineno)
    return lines


def test_only_config_loads_mkdocs_yml_with_mkdocs_yaml_loader():
    users = sorted(name for name, tree in modules().items() if "yaml_load" in names_used(tree))
    assert users == [CONFIG_MODULE]


def test_only_the_build_drivers_have_mkdocs_load_its_configuration():
    users = {name for name, tree in modules().items() if "load_config" in names_used(tree)}
    assert users == MKDOCS_DRIVERS


def test_no_module_opens_mkdocs_yml_itself():
    found = {name: lines for name, tree in modules().items() if (lines := reads_of_mkdocs_yml(tree))}
    assert found == {}


def test_the_readers_of_the_code_find_what_they_look_for():
    sample = ast.parse(textwrap.dedent("""
        from mkdocs.utils import yaml_load
        raw = yaml.safe_load((root / "mkdocs.yml").read_text())
        config = load_site_config(root / "mkdocs.yml")
        text = open("docs/mkdocs.yml").read()
        """))
    assert "yaml_load" in names_used(sample)
    assert reads_of_mkdocs_yml(sample) == [3, 3, 5]


HOOK = """
import json, sys
from pathlib import Path
PACKAGE = Path(sys.argv[1])
opened = []
def hook(event, arguments):
    if event == "open" and isinstance(arguments[0], (str, Path)) and str(arguments[0]).endswith("mkdocs.yml"):
        frame, caller = sys._getframe(1), "MkDocs or Python"
        while frame:
            path = Path(frame.f_code.co_filename)
            if PACKAGE in path.parents:
                caller = path.relative_to(PACKAGE.parent).as_posix()
                break
            frame = frame.f_back
        opened.append(caller)
sys.addaudithook(hook)
from kbsync.cli import main
code = main(sys.argv[2:])
sys.stdout.write("\\n" + json.dumps({"exit": code, "opened": opened}))
"""


@pytest.mark.parametrize("arguments", [["check"], ["status", "--format", "json"], ["diff", "it"],
                                       ["export", "it", "--output", "{tmp}/it.xlf"]],
                         ids=lambda arguments: arguments[0])
def test_a_command_reads_mkdocs_yml_once_through_config(synced, tmp_path_factory, arguments):
    synced.init_git()
    synced.commit("knowledge base")
    arguments = [argument.format(tmp=tmp_path_factory.mktemp("out")) for argument in arguments]
    result = subprocess.run([sys.executable, "-c", HOOK, str(PACKAGE), *arguments], cwd=synced.root,
                            capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(SCRIPTS)))
    report = json.loads(result.stdout.rsplit("\n", 1)[1])
    assert report["exit"] in (0, 1), result.stderr
    assert report["opened"] == [CONFIG_MODULE]

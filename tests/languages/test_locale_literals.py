"""Locale literals live in the language profiles only (issue 10): nothing else of the tooling names a language.

Every module of scripts/kbsync outside kbsync/languages/, and of scripts/bench, is read as Python
(ast). A string constant, the literal parts of f-strings included, fails when it is a locale of
mkdocs.yml's languages (`"it"`, `"de-DE"`) or names one where a language is meant: an attribute
(`lang="en"`, `source-language="en"`, `locale: de`), a folder of a path (`docs/de/x.md`, `it/`),
or a code in quotes or backticks. A language's code belongs in its profile
(kbsync/languages/<locale>.py); the language of kbsync's own words is `kbsync.languages.CLI_LOCALE`.

Docstrings are exempt: their examples (`docs/it/x.md` pairs with `docs/de/x.md`) explain to a
reader, and no code reads them. Comments are not strings, so they are not read either.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import kbsync
from kbsync.config import load_site_config

PACKAGE = Path(kbsync.__file__).resolve().parent
SCRIPTS = PACKAGE.parent
PROFILES = PACKAGE / "languages"
LOCALES = load_site_config(SCRIPTS.parent / "mkdocs.yml").locales


def locale_patterns(locales: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a whole string that is a locale, a locale named inside text) for `locales`."""
    code = "(?:" + "|".join(re.escape(locale) for locale in sorted(locales, key=len, reverse=True)) + ")"
    whole = re.compile(rf"\s*{code}(?:[-_][A-Za-z]{{2,4}})?\s*")
    inside = re.compile(
        rf"(?:lang|language|locale)\s*[=:]\s*[\"']?{code}(?![\w-])"  # lang="en", source-language="en", locale: de
        rf"|(?:^|[/\\]){code}[/\\]"  # docs/de/x.md, it/
        rf"|([`\"']){code}\1"  # `it`, "fr"
        rf"|(?<![\w-]){code}[-_][A-Z]{{2}}(?![\w-])",  # de-DE, fr_FR
        re.IGNORECASE)
    return whole, inside


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of `tree`'s module, classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def locale_literals(source: str, locales: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, string) of each string constant of `source` that names one of `locales`, docstrings aside."""
    whole, inside = locale_patterns(locales)
    tree = ast.parse(source)
    exempt = docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in exempt
            and (whole.fullmatch(node.value) or inside.search(node.value))]


def tooling() -> list[Path]:
    """Every module of the tooling but the profiles: the installed package and the benchmarks."""
    return sorted(path for folder in (PACKAGE, SCRIPTS / "bench") for path in folder.rglob("*.py")
                  if PROFILES not in path.parents)


def test_the_site_has_languages_to_look_for():
    assert len(LOCALES) >= 2 and all(LOCALES)
    assert len(tooling()) > 100


def test_no_locale_literal_outside_the_language_profiles():
    found = [f"{path.relative_to(SCRIPTS)}:{line}: {text[:80]!r}"
             for path in tooling() for line, text in locale_literals(path.read_text("utf-8"), LOCALES)]
    assert found == [], "a language's code belongs in its profile, kbsync/languages/<locale>.py"


SAMPLE = '''
"""A docstring may show docs/it/x.md and `fr`."""
SKELETON = '<file source-language="en" datatype="plaintext">'
page = f'<html lang="en"><title>{title}</title>'
tagged = f'<html lang="{language}">'
source = "de"
region = "fr_FR"
path = f"docs/de/{page}"
message = "fix it first, then sync it"
quoted = "a code like `it`"
def help():
    """Pages pair by path: docs/de/x.md <-> docs/it/x.md."""
    return "a page: docs/<lang>/x.md or x.md"
'''


@pytest.mark.parametrize("line, text", [
    (3, '<file source-language="en" datatype="plaintext">'), (4, '<html lang="en"><title>'), (6, "de"),
    (7, "fr_FR"), (8, "docs/de/"), (10, "a code like `it`")])
def test_the_reader_finds_locale_literals_in_code_and_f_strings(line, text):
    assert (line, text) in locale_literals(SAMPLE, ("de", "it", "fr", "en"))


def test_the_reader_leaves_docstrings_prose_and_data_driven_attributes_alone():
    found = {line for line, _ in locale_literals(SAMPLE, ("de", "it", "fr", "en"))}
    assert found == {3, 4, 6, 7, 8, 10}

"""The registry of output formats: the --format choices come from it, and every format it lists
renders what it declares, through the real CLI on a real tiny knowledge base."""

from __future__ import annotations

import argparse
import datetime
import json
import types

import jsonschema
import pytest

from kbsync import formats
from kbsync.cli import build_parser, main
from kbsync.reading.schemas import load_schema

MKDOCS_YML = """\
site_name: Test KB
docs_dir: docs
theme:
  name: material
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      languages:
        - locale: de
          name: Deutsch
          default: true
          build: true
        - locale: it
          name: Italiano
          build: true
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
"""

PAGE = """\
---
title: {title}
description: {title}
owner: Team
last_reviewed: {reviewed}
review_interval_months: 12
---

# {title}

## {heading} {{#basics}}

{text}
"""


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A knowledge base in de and it whose Italian page has no provenance: one finding, one untracked page."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for lang, title, heading, text in (
            ("de", "Grundlagen", "Die Grundlagen", "Jeder Kontakt zählt für die Kundschaft."),
            ("it", "Fondamenti", "Gli elementi fondamentali", "Ogni contatto conta per la clientela.")):
        path = tmp_path / "docs" / lang / "basics.md"
        path.parent.mkdir(parents=True)
        path.write_text(PAGE.format(title=title, heading=heading, text=text, reviewed=datetime.date.today()),
                        encoding="utf-8")
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--no-cache", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def format_choices(command: str) -> list[str]:
    subparsers = next(action for action in build_parser()._actions
                      if isinstance(action, argparse._SubParsersAction))
    option = next(action for action in subparsers.choices[command]._actions if "--format" in action.option_strings)
    assert option.default == "text"
    return list(option.choices)


def test_format_choices_come_from_the_registry_in_its_order():
    assert format_choices("check") == list(formats.names_for("findings")) == ["text", "json", "github"]
    assert format_choices("status") == list(formats.names_for("status")) == ["text", "json", "markdown"]
    assert formats.names_for("summary") == ("text",)


def test_every_registered_format_renders_something():
    for name in formats.FORMATS:
        assert any(name in formats.names_for(kind) for kind in formats.KINDS), name


def test_asking_a_format_for_what_it_does_not_render_names_those_that_do():
    with pytest.raises(LookupError, match="'markdown' format renders no findings; these do: text, json, github"):
        formats.renderer("findings", "markdown")


@pytest.mark.parametrize("name", formats.names_for("findings"))
def test_check_writes_what_the_format_renders_and_only_text_writes_a_summary(tree, capsys, name):
    code, out, err = run(capsys, "check", "--fail-on", "outdated", "--format", name)
    assert code == 1
    assert "docs/it/basics.md" in out and "KB804" in out
    if name == "json":
        document = json.loads(out)
        jsonschema.validate(document, load_schema("check-report.schema.json"))
        assert document["failed"] is True
    if name in formats.names_for("summary"):
        assert err == "kbsync: 0 errors, 0 warnings, 1 outdated (fail on outdated)\n"
    else:
        assert err == ""


@pytest.mark.parametrize("name", formats.names_for("status"))
def test_status_writes_what_the_format_renders(tree, capsys, name):
    code, out, err = run(capsys, "status", "--format", name)
    assert (code, err) == (0, "")
    assert "docs/it/basics.md" in out
    if name == "json":
        document = json.loads(out)
        jsonschema.validate(document, load_schema("status-report.schema.json"))
        assert document["languages"][0]["name"] == "Italiano"
    else:
        assert "Italiano (it)" in out


def test_a_new_format_is_one_module_and_one_line_in_the_registry(tree, capsys, monkeypatch):
    csv = types.ModuleType("csv_status")
    csv.render_status = lambda report: "".join(f"{item.lang},{item.untracked_sections}\n"
                                               for item in report.languages)
    monkeypatch.setitem(formats.FORMATS, "csv", csv)
    assert format_choices("status")[-1] == "csv"
    assert "csv" not in format_choices("check")
    assert run(capsys, "status", "--format", "csv") == (0, "it,2\n", "")  # the intro and `basics`
    code, out, err = run(capsys, "check", "--format", "csv")
    assert code == 2 and "invalid choice: 'csv'" in err


def test_status_words_is_rendered_by_the_formats_that_render_words(tree, capsys, monkeypatch):
    assert formats.names_for("words") == ("text", "markdown")
    csv = types.ModuleType("csv_status")
    csv.render_status = lambda report: ""
    csv.render_words = lambda rows: "".join(f"{label},{counted.total_units},{counted.total_words}\n"
                                            for label, counted in rows)
    monkeypatch.setitem(formats.FORMATS, "csv", csv)
    assert run(capsys, "status", "--words", "--format", "csv") == (0, "Italiano (it),3,9\n", "")
    code, out, err = run(capsys, "status", "--words", "--format", "json")
    assert (code, out) == (2, "")
    assert "--words adds a table to the text, markdown or csv status (use --format text, markdown or csv)" in err

"""The command line: exit codes, output formats, --fail-on, path selection, config errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import kbsync

from kbsync.cache import code_key, source_digest
from kbsync.reading.schemas import load_schema

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"


@pytest.fixture
def warned(synced):
    """One warning (an external link differs), one outdated section, no error."""
    synced.edit(DE, "Kleine Teams", "Die kleinen Teams")
    synced.edit("docs/it/metrics/nps.md", "come percentuale.",
                "come percentuale ([Bain](https://www.bain.com/)).")
    return synced


def test_exit_0_when_nothing_reaches_the_fail_level(warned):
    assert warned.run("check").code == 0
    assert warned.run("check", "--fail-on", "error").code == 0


def test_exit_1_at_or_above_the_fail_level(warned):
    assert warned.run("check", "--fail-on", "warning").code == 1
    result = warned.run("check", "--fail-on", "outdated")
    assert result.code == 1
    assert result.err == "kbsync: 0 errors, 1 warning, 3 outdated (fail on outdated)\n"


def test_exit_2_for_usage_errors(kb):
    assert kb.run("check", "--format", "yaml").code == 2
    assert kb.run("frobnicate").code == 2
    assert kb.run().code == 2
    result = kb.run("check", "docs/it/nowhere.md")
    assert (result.code, result.err) == (2, "kbsync: error: docs/it/nowhere.md: no such page in "
                                            "any language (give an existing page or a folder under docs/)\n")


def test_exit_2_for_configuration_errors(kb):
    result = kb.run("--config", "missing.yml", "check")
    assert result.code == 2
    assert "missing.yml not found (run kbsync in the repository root or pass --config" in result.err
    kb.write("mkdocs.yml", kb.text("mkdocs.yml").replace("docs_structure: folder", "docs_structure: suffix"))
    result = kb.run("status")
    assert result.code == 2
    assert result.err.endswith("mkdocs.yml: plugins.i18n.docs_structure should be `folder` "
                               "(pages live at docs/<locale>/<path>.md)\n")
    kb.write("mkdocs.yml", kb.text("mkdocs.yml").replace("docs_structure: suffix", "docs_structure: folder")
             .replace("          default: true\n", ""))
    assert "should mark exactly one language `default: true`" in kb.run("check").err
    kb.write("mkdocs.yml", "site_name: [unclosed\n")
    result = kb.run("check")
    assert result.code == 2 and "Traceback" not in result.err


def test_env_tag_in_mkdocs_yml_is_resolved(kb, monkeypatch):
    monkeypatch.setenv("KB_DOCS", "docs")
    kb.write("mkdocs.yml", kb.text("mkdocs.yml").replace("docs_dir: docs", "docs_dir: !ENV KB_DOCS"))
    assert kb.run("check", "--fail-on", "outdated").code == 1


def test_text_output_is_sorted_and_stable(warned):
    first = warned.run("check", "--fail-on", "outdated").out
    assert warned.run("--no-cache", "check", "--fail-on", "outdated").out == first
    assert first.splitlines() == sorted(first.splitlines(), key=lambda line: (
        line.split(":")[0], int(line.split(":")[1])))


def test_json_output_follows_its_schema(warned):
    result = warned.run("check", "--format", "json", "--fail-on", "warning")
    document = json.loads(result.out)
    jsonschema.validate(document, load_schema("check-report.schema.json"))
    assert document["summary"] == {"error": 0, "warning": 1, "outdated": 3}
    assert document["failed"] is True and result.code == 1
    warning = next(item for item in document["findings"] if item["severity"] == "warning")
    assert warning == {"lang": "it", "path": "docs/it/metrics/nps.md", "line": 14, "section": "_intro",
                       "code": "KB404", "severity": "warning",
                       "message": "section `_intro`: Italiano links to `https://www.bain.com/` 1x, "
                                  "Deutsch 0x"}


def test_github_annotations(warned):
    result = warned.run("check", "--format", "github", "--lang", "it")
    assert result.lines == [
        f"::notice file={IT},line=23,title=KB801::KB801 section `quality-indicators` changed in "
        f"{DE}:18 since it was translated: `kbsync diff it guidelines/service-quality.md` shows how; "
        "update it, then run `kbsync sync it guidelines/service-quality.md`",
        "::warning file=docs/it/metrics/nps.md,line=14,title=KB404::KB404 section `_intro`: "
        "Italiano links to `https://www.bain.com/` 1x, Deutsch 0x",
    ]


def test_paths_and_lang_select_findings(warned):
    assert warned.run("check", "docs/it/metrics", "--fail-on", "outdated").lines[0].startswith(
        "docs/it/metrics/nps.md:14: KB404")
    lines = warned.run("check", "docs/fr", "--fail-on", "outdated").lines
    assert [line.split(":")[0] for line in lines] == ["docs/fr/guidelines/service-quality.md"]
    assert warned.run("check", "--lang", "en", "--fail-on", "outdated").lines[0].startswith(
        "docs/en/guidelines/service-quality.md:23: KB801")
    assert warned.run("check", DE, "--fail-on", "outdated").out == ""


def test_python_dash_m(kb):
    result = subprocess.run([sys.executable, "-m", "kbsync", "--version"], capture_output=True,
                            text=True, check=False)
    assert (result.returncode, result.stdout.startswith("kbsync ")) == (0, True)


def test_internal_errors_become_one_line(kb, monkeypatch):
    import kbsync.commands.status as status_command

    def broken(*_):
        raise RuntimeError("boom")
    monkeypatch.setattr(status_command, "run_checks", broken)
    result = kb.run("status")
    assert (result.code, result.err) == (2, "kbsync: internal error (RuntimeError: boom); run again "
                                            "with KBSYNC_DEBUG=1 for the traceback and report it\n")


def test_warm_run_reuses_the_cache_and_notices_changes(synced, monkeypatch):
    import kbsync.checks.runner

    first = synced.run("check", "--fail-on", "outdated")
    store = synced.root / ".cache/kbsync" / f"results-{code_key()}.pickle"
    assert store.is_file()
    checked = []
    original = kbsync.checks.runner._check_page
    monkeypatch.setattr(kbsync.checks.runner, "_check_page", lambda job: checked.append(job.page) or original(job))
    assert synced.run("check", "--fail-on", "outdated").out == first.out
    assert checked == []
    synced.edit(DE, "200 Antworten", "250 Antworten")
    assert synced.run("check", "--fail-on", "outdated").code == 1
    assert checked == ["guidelines/service-quality.md"]
    store.write_bytes(b"garbage")
    synced.edit(DE, "250 Antworten", "200 Antworten")
    assert synced.run("check", "--fail-on", "outdated").out == first.out
    assert checked[1:] == ["guidelines/service-quality.md", "metrics/nps.md"]



def test_results_of_other_code_are_never_read(synced, monkeypatch):
    # A check added, removed or changed must run on every page at once, not only on pages edited since.
    import kbsync.cache
    import kbsync.checks.runner

    first = synced.run("check", "--fail-on", "outdated")
    cache = synced.root / ".cache/kbsync"
    (cache / "results-1.0.0.pickle").write_bytes(b"a kbsync that named its stores by version")
    checked = []
    original = kbsync.checks.runner._check_page
    monkeypatch.setattr(kbsync.checks.runner, "_check_page", lambda job: checked.append(job.page) or original(job))
    monkeypatch.setattr(kbsync.cache, "code_key", lambda: "0123456789abcdef")  # as after a change to the code
    assert synced.run("check", "--fail-on", "outdated").out == first.out
    assert checked == ["guidelines/service-quality.md", "metrics/nps.md"]
    assert sorted(path.name for path in cache.glob("results-*")) == ["results-0123456789abcdef.pickle"]


def test_the_code_key_follows_every_module_of_kbsync(tmp_path):
    package = tmp_path / "kbsync"
    shutil.copytree(Path(kbsync.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    assert source_digest(package) == code_key()
    (package / "checks" / "title_length.py").write_text("CODES = ()\n", "utf-8")
    added = source_digest(package)
    assert added != code_key()
    with (package / "checks" / "figures.py").open("a", encoding="utf-8") as module:
        module.write("# changed\n")
    assert source_digest(package) not in (added, code_key())


def test_a_new_subcommand_is_one_module_and_one_entry_in_commands(kb, monkeypatch):
    import argparse
    import types

    from kbsync import cli
    from kbsync.errors import UsageError

    pages = types.ModuleType("kbsync.commands.pages", "`kbsync pages`: the source's pages.")

    def run(args: argparse.Namespace, session) -> int:
        if args.lang:
            raise UsageError(f"no pages in {args.lang}", hint="leave out --lang")
        sys.stdout.write(f"{session.config.source_lang}: pages\n")
        return 0
    pages.add_arguments = lambda parser: parser.add_argument("--lang")
    pages.run = run
    monkeypatch.setitem(cli.COMMANDS, "pages", (pages, "list the source's pages"))
    assert "pages" in kb.run("--help").out and "list the source's pages" in kb.run("--help").out
    assert (kb.run("pages").code, kb.run("pages").out) == (0, "de: pages\n")
    failed = kb.run("pages", "--lang", "it")
    assert (failed.code, failed.err) == (2, "kbsync: error: no pages in it (leave out --lang)\n")


def test_every_command_module_is_registered():
    import importlib
    import pkgutil

    from kbsync import cli, commands

    modules = [importlib.import_module(f"kbsync.commands.{info.name}") for info in pkgutil.iter_modules(commands.__path__)]
    runnable = {module for module in modules if callable(getattr(module, "run", None))
                and callable(getattr(module, "add_arguments", None))}
    assert runnable == {module for module, _ in cli.COMMANDS.values()}

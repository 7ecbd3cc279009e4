"""The commit gate fits the work (issue 11): a manager edits two German sections of a guideline and
commits before anyone translates them; what `make test` runs passes, while errors in what is synced
still fail it; the release gate (`make release-check`) waits for the translations and their review.

On a copy of the knowledge base with its own git history, with the exact kbsync command lines of
the Makefile and, for the content, the rules of tests/content/rules.py on a strict build of the copy.
"""

from __future__ import annotations

import datetime
import itertools
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.content import rules

REPO = Path(__file__).resolve().parents[2]
GUIDELINE = "guidelines/speed-and-follow-up.md"
NEW_SENTENCE = ("Ist das nicht möglich, melden Sie sich vorher und vereinbaren Sie einen neuen Termin.",
                "Ist das nicht möglich, melden Sie sich vorher und vereinbaren Sie einen neuen Termin. "
                "Bestätigen Sie den neuen Termin per SMS.")
NEW_NUMBER = ("zwischen 14 und 15 Uhr", "zwischen 14 und 16 Uhr")
EDITED = ("callbacks", "status-messages")
LANGS = ("it", "fr", "en")


def make_recipe(target: str) -> list[str]:
    lines = (REPO / "Makefile").read_text("utf-8").splitlines()
    start = lines.index(next(line for line in lines if line.startswith(f"{target}:")))
    return [line.strip() for line in itertools.takewhile(lambda line: line.startswith("\t"), lines[start + 1:])]


def kbsync_command(target: str) -> list[str]:
    """The arguments of the one `$(BIN)/kbsync` line of the Makefile's `target`."""
    commands = [shlex.split(line) for line in make_recipe(target) if line.startswith("$(BIN)/kbsync ")]
    assert len(commands) == 1, make_recipe(target)
    return commands[0][1:]


def kbsync(root: Path, arguments: list[str]) -> subprocess.CompletedProcess:
    """kbsync run as `make` runs it: a process in the knowledge base's folder."""
    return subprocess.run([sys.executable, "-m", "kbsync", *arguments], cwd=root, capture_output=True, text=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def pending(tmp_path_factory, kb_tools) -> Path:
    """A copy of the knowledge base after a committed German edit: a new sentence in `#callbacks`, a
    changed number in `#status-messages`, and the page's review date set to today; nothing translated."""
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("pending") / "kb")
    german = root / "docs/de" / GUIDELINE
    edit(german, *NEW_SENTENCE)
    edit(german, *NEW_NUMBER)
    text = german.read_text(encoding="utf-8")
    german.write_text(re.sub(r"last_reviewed: \S+", f"last_reviewed: {datetime.date.today()}", text, count=1),
                      encoding="utf-8")
    git(root, "commit", "-q", "-am", "Callbacks: confirm by SMS; status messages until 16:00")
    return root


def copy_of(root: Path, target: Path) -> Path:
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(".cache", "site"))
    return target


def test_make_test_runs_the_commit_gate_and_make_release_check_the_release_gate():
    assert kbsync_command("test") == ["check", "--fail-on", "error"]
    assert make_recipe("release-check") == ["$(BIN)/kbsync check --release"]
    assert re.search(r"^\.PHONY:.* release-check\b", (REPO / "Makefile").read_text("utf-8"), re.M)


def test_the_commit_gate_passes_while_the_translations_are_pending(pending):
    result = kbsync(pending, kbsync_command("test"))
    assert result.returncode == 0, result.stdout + result.stderr
    # It saw the edit: each edited section is outdated in every language, and nothing else is found.
    found = [(line.split(":")[0], line.split(" ")[1], re.search(r"section `([^`]+)`", line)[1])
             for line in result.stdout.splitlines()]
    assert sorted(found) == sorted((f"docs/{lang}/{GUIDELINE}", "KB801", section)
                                   for lang in LANGS for section in EDITED)
    status = json.loads(kbsync(pending, ["status", "--format", "json"]).stdout)
    assert [language["sections"]["outdated"] for language in status["languages"]] == [2, 2, 2]
    release = kbsync(pending, kbsync_command("release-check"))
    assert release.returncode == 1
    assert {line.split(" ")[1] for line in release.stdout.splitlines()} == {"KB801", "KB810"}


def test_a_missing_translation_page_does_not_fail_the_commit_gate(pending, tmp_path, kb_tools):
    _, git = kb_tools
    root = copy_of(pending, tmp_path / "kb")
    (root / "docs/fr/metrics/ces.md").unlink()
    git(root, "commit", "-q", "-am", "Remove the French CES page")
    result = kbsync(root, kbsync_command("test"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "docs/fr/metrics/ces.md:0: KB805 no translation of docs/de/metrics/ces.md" in result.stdout
    assert kbsync(root, kbsync_command("release-check")).returncode == 1


# Errors in what a translation claims to match (a synced section) still fail the commit gate.
ERRORS = {
    "a figure": ("docs/it/metrics/nps.md", "| Risposte totali | 200 |", "| Risposte totali | 250 |", "KB502"),
    "a link": (f"docs/it/{GUIDELINE}", "(../metrics/fcr.md)", "(../metrics/fcr-old.md)", "KB405"),
    "a heading ID": (f"docs/it/{GUIDELINE}", "{#speed}", "{#sped}", "KB303"),
    "the structure": (f"docs/it/{GUIDELINE}", "- Preparati ai ritardi: tieni pronta una spiegazione onesta e una "
                      "soluzione da proporre in quel caso.\n", "", "KB305"),
}


@pytest.mark.parametrize("error", sorted(ERRORS))
def test_an_error_in_a_synced_section_still_fails_the_commit_gate(error, pending, tmp_path):
    path, old, new, code = ERRORS[error]
    root = copy_of(pending, tmp_path / "kb")
    edit(root / path, old, new)
    result = kbsync(root, kbsync_command("test"))
    assert result.returncode == 1
    assert any(line.startswith(f"{path}:") and line.split(" ")[1] == code for line in result.stdout.splitlines()), \
        result.stdout


def test_the_same_difference_in_an_outdated_section_is_work_to_do(pending, tmp_path):
    """The Italian `#callbacks` lacks German's new sentence and `#status-messages` German's new number:
    while they are outdated, a figure or a list item less there is not an error."""
    root = copy_of(pending, tmp_path / "kb")
    edit(root / f"docs/it/{GUIDELINE}", "tra le 14 e le 15", "tra le 14 e le 15 (dal lunedì al venerdì, 5 giorni)")
    result = kbsync(root, kbsync_command("test"))
    assert result.returncode == 0, result.stdout


def built(root: Path, site: Path, mkdocs_build) -> rules.BuiltKnowledgeBase:
    result = mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    return rules.BuiltKnowledgeBase(root, site)


def broken_rules(kb: rules.BuiltKnowledgeBase) -> list[str]:
    problems = (rules.every_page_is_served_in_every_language(kb) + rules.synced_sections_keep_the_source_headings(kb)
                + rules.every_heading_carries_an_explicit_id(kb) + rules.front_matter_is_complete(kb)
                + rules.no_german_in_synced_sections(kb))
    for metric in rules.FORMULAS:
        problems += rules.worked_examples_hold(kb, metric)
    return problems


@pytest.mark.build
def test_the_content_rules_hold_on_the_copy_while_its_translations_are_pending(pending, tmp_path, mkdocs_build):
    kb = built(pending, tmp_path / "site", mkdocs_build)
    states = {(status.lang, section.id): section.state.value for status in kb.status.pages
              if status.page == GUIDELINE for section in status.sections if section.id in EDITED}
    assert set(states.values()) == {"outdated"} and len(states) == 6
    assert broken_rules(kb) == []

    # The rules are not blind: German pasted into the synced `#speed` of the built Italian page is
    # found, the same paragraph in the outdated `#callbacks` is not; a synced heading at another level is.
    site = Path(shutil.copytree(tmp_path / "site", tmp_path / "changed-site"))
    italian = kb.built_file("it", GUIDELINE)
    changed = site / italian.relative_to(kb.site)
    german = "<p>Bereiten Sie sich auf Verzögerungen vor und halten Sie eine ehrliche Erklärung bereit.</p>"
    html = changed.read_text(encoding="utf-8")
    for anchor in ("speed", "callbacks"):
        html = re.sub(rf'(<h2 id="{anchor}">.*?</h2>)', lambda match: match[1] + german, html, count=1)
    changed.write_text(re.sub(r'<h2 id="at-a-glance">(.*?)</h2>', r'<h3 id="at-a-glance">\1</h3>', html, count=1),
                       encoding="utf-8")
    damaged = rules.BuiltKnowledgeBase(pending, site)
    assert [problem.split(":")[0] for problem in rules.no_german_in_synced_sections(damaged)] == [
        f"it/{GUIDELINE}#speed"]
    assert f"it/{GUIDELINE}: synced section `at-a-glance` is h3, German's is h2" in \
        rules.synced_sections_keep_the_source_headings(damaged)


@pytest.mark.build
def test_the_content_rules_hold_with_a_translation_page_deleted(pending, tmp_path, mkdocs_build, kb_tools):
    _, git = kb_tools
    root = copy_of(pending, tmp_path / "kb")
    (root / "docs/it/metrics/nps.md").unlink()
    git(root, "commit", "-q", "-am", "Remove the Italian NPS page")
    assert kbsync(root, kbsync_command("test")).returncode == 0
    kb = built(root, tmp_path / "site", mkdocs_build)
    assert kb.page_status("it", "metrics/nps.md").state.value == "missing"
    assert kb.html("it", "metrics/nps.md").select_one("article .kb-banner--untranslated") is not None
    assert broken_rules(kb) == []

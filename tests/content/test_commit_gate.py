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
from dataclasses import dataclass
from pathlib import Path

import pytest

from kbsync.cache import Cache
from kbsync.checks.runner import run_checks
from kbsync.config import load_site_config
from kbsync.status import PageState, SectionState, StatusReport
from tests.content import rules

REPO = Path(__file__).resolve().parents[2]
GUIDELINES = "guidelines"  # the edit goes into the first guideline with two synced sections that fit it
NEW_SENTENCE = " Bestätigen Sie den neuen Termin per SMS."
LANGS = ("it", "fr", "en")
PROSE = re.compile(r"^\s*(?:[-*] |\d+\. )?[^\W\d_].*\.$")
NUMBER = re.compile(r"(?<![\w.,/#])\d{1,4}(?![\w.,/])")


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


@dataclass(frozen=True)
class Layout:
    """Where the sections of a page are, in German and in Italian, and which are synced."""

    page: str
    lines: dict[str, dict[str, range]]  # lang -> section ID -> its lines (1-based)
    synced: list[str]  # up to date in every language, in source order, `_intro` left out
    synced_it: list[str]  # up to date in Italian

    @classmethod
    def of(cls, root: Path, page: str, report: StatusReport | None = None) -> Layout | None:
        """None when the page is not translated (and tracked) in every language."""
        report = report or run_checks(load_site_config(root / "mkdocs.yml"), Cache(None)).status
        statuses = {lang: report.page(lang, page) for lang in LANGS}
        if any(status is None or status.state not in (PageState.UP_TO_DATE, PageState.OUTDATED)
               for status in statuses.values()):
            return None
        ids = [section.id for section in statuses["it"].sections if section.id != "_intro"]

        def synced(langs) -> list[str]:
            return [section_id for section_id in ids
                    if all((item := statuses[lang].section(section_id)) is not None
                           and item.state is SectionState.UP_TO_DATE for lang in langs)]

        lines = {"de": _lines(root / "docs/de" / page, [(item.source_line, item.id) for item in statuses["it"].sections]),
                 "it": _lines(root / "docs/it" / page, [(item.line, item.id) for item in statuses["it"].sections])}
        return cls(page, lines, synced(LANGS), synced(("it",)))


def _lines(path: Path, starts: list[tuple[int | None, str]]) -> dict[str, range]:
    starts = sorted((line, section_id) for line, section_id in starts if line is not None)
    total = len(path.read_text(encoding="utf-8").splitlines())
    return {section_id: range(line, starts[number + 1][0] if number + 1 < len(starts) else total + 1)
            for number, (line, section_id) in enumerate(starts)}


@dataclass(frozen=True)
class Pending:
    root: Path
    edited: tuple[str, str]  # the section with a new sentence, the section with a changed number
    layout: Layout  # after the edit

    @property
    def page(self) -> str:
        return self.layout.page

    def italian_prose(self, sections: list[str]) -> str:
        """The first of `sections` with a line of prose in Italian."""
        italian = self.root / "docs/it" / self.page
        found = next((section for section in sections if find_line(italian, self.layout.lines["it"][section], PROSE)), None)
        assert found is not None, f"no line of prose in {sections} of {italian}"
        return found


def find_line(path: Path, lines: range, pattern: re.Pattern) -> int | None:
    """The first line in `lines` that `pattern` finds something in, headings, tables and code left out."""
    text = path.read_text(encoding="utf-8").splitlines()
    fenced = False
    for number in lines:
        line = text[number - 1]
        fenced ^= line.lstrip().startswith(("```", "~~~"))
        if not fenced and not line.lstrip().startswith(("#", "|", "```", "~~~")) and pattern.search(line):
            return number
    return None


def change_line(path: Path, number: int, change) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = change(lines[number - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def pending(tmp_path_factory, kb_tools) -> Pending:
    """A copy of the knowledge base after a committed German edit of the guideline: a new sentence in
    one synced section, a changed number in another, and the page's review date set to today; nothing
    translated. The repository may have translations pending itself: only synced sections are edited."""
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("pending") / "kb")
    report = run_checks(load_site_config(root / "mkdocs.yml"), Cache(None)).status
    for path in sorted((root / "docs/de" / GUIDELINES).glob("*.md")):
        page = path.relative_to(root / "docs/de").as_posix()
        before = Layout.of(root, page, report)
        if before is None:
            continue
        lines = before.lines["de"]
        sentence = next((section for section in before.synced if find_line(path, lines[section], PROSE)), None)
        number = next((section for section in before.synced
                       if section != sentence and find_line(path, lines[section], NUMBER)), None)
        if sentence and number:
            break
    else:
        pytest.fail(f"no page in docs/de/{GUIDELINES}/ has two sections synced in every language, one with prose "
                    "and one with a number")
    change_line(path, find_line(path, lines[sentence], PROSE), lambda line: line + NEW_SENTENCE)
    change_line(path, find_line(path, lines[number], NUMBER),
                lambda line: NUMBER.sub(lambda match: str(int(match[0]) + 1), line, count=1))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"last_reviewed: \S+", f"last_reviewed: {datetime.date.today()}", text, count=1),
                    encoding="utf-8")
    git(root, "commit", "-q", "-am", "Guideline: a new sentence and a new figure")
    assert kbsync(root, ["status"]).returncode == 0  # fills the cache the copies of this copy start from
    return Pending(root, (sentence, number), Layout.of(root, page))


def translated_metric(root: Path, lang: str) -> str:
    """A metric page with a worked example that exists in `lang`."""
    return next(f"metrics/{metric}.md" for metric in sorted(rules.FORMULAS)
                if (root / "docs" / lang / "metrics" / f"{metric}.md").is_file())


def copy_of(root: Path, target: Path) -> Path:
    shutil.copytree(root, target, ignore=shutil.ignore_patterns("site"))
    return target


def test_make_test_runs_the_commit_gate_and_make_release_check_the_release_gate():
    assert kbsync_command("test") == ["check", "--fail-on", "error"]
    assert make_recipe("release-check") == ["$(BIN)/kbsync check --release"]
    assert re.search(r"^\.PHONY:.* release-check\b", (REPO / "Makefile").read_text("utf-8"), re.M)


def test_the_commit_gate_passes_while_the_translations_are_pending(pending):
    root, edited = pending.root, pending.edited
    result = kbsync(root, kbsync_command("test"))
    assert result.returncode == 0, result.stdout + result.stderr
    # It saw the edit: each edited section is outdated in every language.
    found = {(line.split(":")[0], line.split(" ")[1], match[1]) for line in result.stdout.splitlines()
             if (match := re.search(r"section `([^`]+)`", line))}
    assert {(f"docs/{lang}/{pending.page}", "KB801", section) for lang in LANGS for section in edited} <= found
    assert not [line for line in result.stdout.splitlines() if pending.page in line and " KB801 " not in line]
    release = kbsync(root, kbsync_command("release-check"))
    assert release.returncode == 1
    assert {"KB801", "KB810"} <= {line.split(" ")[1] for line in release.stdout.splitlines()}


def test_a_missing_translation_page_does_not_fail_the_commit_gate(pending, tmp_path, kb_tools):
    _, git = kb_tools
    root = copy_of(pending.root, tmp_path / "kb")
    page = translated_metric(root, "fr")
    (root / "docs/fr" / page).unlink()
    git(root, "commit", "-q", "-am", "Remove a French metric page")
    result = kbsync(root, kbsync_command("test"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"docs/fr/{page}:0: KB805 no translation of docs/de/{page}" in result.stdout
    assert kbsync(root, kbsync_command("release-check")).returncode == 1


# Errors in the translation of a section: (how, the code kbsync reports).
ERRORS = {
    "a figure": (lambda line, section: line + " 4711", "KB502"),
    "a link": (lambda line, section: line + " [FAQ](../no-such-page.md)", "KB405"),
    "the structure": (lambda line, section: line + "\n\n- Un punto in più.", "KB305"),
}


def damage(root: Path, layout: Layout, section: str, how) -> str:
    """Apply `how` to the first line of prose of `section` in the Italian page; its path."""
    italian = root / "docs/it" / layout.page
    change_line(italian, find_line(italian, layout.lines["it"][section], PROSE), lambda text: how(text, section))
    return f"docs/it/{layout.page}"


@pytest.mark.parametrize("error", [*sorted(ERRORS), "a heading ID"])
def test_an_error_in_a_synced_section_still_fails_the_commit_gate(error, pending, tmp_path):
    root = copy_of(pending.root, tmp_path / "kb")
    section = pending.italian_prose(pending.layout.synced_it)
    if error == "a heading ID":
        path, code = f"docs/it/{pending.page}", "KB303"
        edit(root / path, f"{{#{section}}}", f"{{#{section}-old}}")
    else:
        how, code = ERRORS[error]
        path = damage(root, pending.layout, section, how)
    result = kbsync(root, kbsync_command("test"))
    assert result.returncode == 1
    assert any(line.startswith(f"{path}:") and line.split(" ")[1] == code for line in result.stdout.splitlines()), \
        result.stdout


@pytest.mark.parametrize("error", ["a figure", "the structure"])
def test_the_same_difference_in_an_outdated_section_is_work_to_do(error, pending, tmp_path):
    """A section the German edit outdated still says what German said before: a figure or a list item
    more or less there is what the translator will change, not an error."""
    root = copy_of(pending.root, tmp_path / "kb")
    how, _ = ERRORS[error]
    damage(root, pending.layout, pending.italian_prose(list(pending.edited)), how)
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
    root, edited = pending.root, pending.edited
    kb = built(root, tmp_path / "site", mkdocs_build)
    states = {(status.lang, section.id): section.state.value for status in kb.status.pages
              if status.page == pending.page for section in status.sections if section.id in edited}
    assert set(states.values()) == {"outdated"} and len(states) == 6
    assert broken_rules(kb) == []

    # The rules are not blind: German put into a synced section of the built Italian page is found,
    # the same paragraph in an outdated section is not; a synced heading at another level is found.
    synced = pending.layout.synced_it[0]
    site = Path(shutil.copytree(tmp_path / "site", tmp_path / "changed-site"))
    changed = site / kb.built_file("it", pending.page).relative_to(kb.site)
    german = "<p>Bereiten Sie sich auf Verzögerungen vor und halten Sie eine ehrliche Erklärung bereit.</p>"
    html = changed.read_text(encoding="utf-8")
    for anchor in (synced, edited[0]):
        html = re.sub(rf'(<h[2-6] id="{anchor}">.*?</h[2-6]>)', lambda match: match[1] + german, html, count=1)
    level = re.search(rf'<h([2-6]) id="{synced}">', html)[1]
    other = "3" if level == "2" else "2"
    changed.write_text(re.sub(rf'<h{level} id="{synced}">(.*?)</h{level}>', rf'<h{other} id="{synced}">\1</h{other}>',
                              html, count=1), encoding="utf-8")
    damaged = rules.BuiltKnowledgeBase(root, site)
    assert [problem.split(":")[0] for problem in rules.no_german_in_synced_sections(damaged)] == [
        f"it/{pending.page}#{synced}"]
    assert f"it/{pending.page}: synced section `{synced}` is h{other}, German's is h{level}" in \
        rules.synced_sections_keep_the_source_headings(damaged)


@pytest.mark.build
def test_the_content_rules_hold_with_a_translation_page_deleted(pending, tmp_path, mkdocs_build, kb_tools):
    _, git = kb_tools
    root = copy_of(pending.root, tmp_path / "kb")
    page = translated_metric(root, "it")  # a metric page: its worked example is then German's, in Italian
    (root / "docs/it" / page).unlink()
    git(root, "commit", "-q", "-am", "Remove an Italian metric page")
    assert kbsync(root, kbsync_command("test")).returncode == 0
    kb = built(root, tmp_path / "site", mkdocs_build)
    assert kb.page_status("it", page).state.value == "missing"
    assert kb.html("it", page).select_one("article .kb-banner--untranslated") is not None
    assert broken_rules(kb) == []

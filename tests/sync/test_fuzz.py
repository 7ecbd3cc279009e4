"""Fuzz: malformed trees through every command. No traceback, no file changed but what the command
documents, and no command that runs away.

Hypothesis draws a tree from the test knowledge base with one to three defects of the kinds testers
found (bytes that are not text, broken or hostile front matter, deep nesting, bad heading IDs,
symlinks in and out of docs/, folders and files in each other's place, names that are not UTF-8 or
not `.md`, broken termbase and published record), then runs check and status in every format, sync,
ack, review, diff and publish through the real CLI. What each command may write is what its
documentation says: sync, ack and review the `l10n` lines of translations, publish `docs/published.yml`. Commands run
in-process; a generous time bound catches a hang, not a slow machine.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

PAGE = "guidelines/service-quality.md"
PAGES = [f"docs/{lang}/{page}" for lang in ("de", "it", "fr", "en") for page in (PAGE, "metrics/nps.md")]
SECONDS_PER_COMMAND = 30  # a hang, not a slow run: every command here takes well under a second
COMMANDS = [
    *(["check", "--fail-on", "outdated", "--format", name] for name in ("text", "json", "github")),
    ["check", "--release"],
    *(["status", "--format", name] for name in ("text", "json", "markdown")),
    ["sync", "it", PAGE],
    ["sync", "fr", PAGE, "--section", "basics"],
    ["ack", PAGE, "--section", "basics"],
    ["review", "it", PAGE, "metrics/nps.md", "--reviewer", "Anna Rossi"],
    ["diff", "it", PAGE],
    ["publish"],
]
# What each command may change (documented in scripts/kbsync/README.md).
MAY_WRITE = {"sync": "l10n", "ack": "l10n", "review": "l10n", "publish": "published"}

ALIAS_BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]",
                        *(f"{chr(98 + index)}: &{chr(98 + index)} [*{chr(97 + index)}, *{chr(97 + index)}, "
                          f"*{chr(97 + index)}, *{chr(97 + index)}, *{chr(97 + index)}, *{chr(97 + index)}]"
                          for index in range(8))])


def _front(body: str) -> str:
    return f"---\n{body}\n---\n\n# Titel\n\nText.\n"


DEFECTS = {
    "nul-byte": lambda text: text[: len(text) // 2] + "\x00" + text[len(text) // 2:],
    "truncated": lambda text: text[: len(text) // 3],
    "no-closing-front-matter": lambda text: text.replace("\n---\n", "\n", 1),
    "alias-bomb": lambda text: _front(ALIAS_BOMB),
    "yaml-not-a-mapping": lambda text: _front("- just\n- a list"),
    "deep-list": lambda text: text + "\n" + "".join("  " * depth + "- x\n" for depth in range(300)),
    "deep-quote": lambda text: text + "\n" + ">" * 500 + " tief\n",
    "bad-heading-id": lambda text: text + "\n## Neu {#Qualität Neu}\n\nText.\n",
    "duplicate-heading-id": lambda text: text + "\n## Noch einmal {#basics}\n\nText.\n",
    "crlf-and-bom": lambda text: "\ufeff" + text.replace("\n", "\r\n"),
    "huge-line": lambda text: text + "\n" + "Kundenzufriedenheitsmessung " * 20000 + "\n",
    "broken-l10n": lambda text: text.replace("---\n", "---\nl10n:\n  source_sections:\n    basics: 42\n    "
                                             "quality-indicators: [x]\n", 1),
    "future-review": lambda text: text.replace("last_reviewed:", "last_reviewed: 2999-01-01\nold_reviewed:", 1),
}
TREE_DEFECTS = ("symlink-out", "symlink-in", "folder-as-page", "language-folder-is-a-file", "non-utf8-name",
                "upper-case-extension", "termbase-broken", "published-broken", "unreadable-source")


@st.composite
def defects(draw) -> list[tuple[str, str]]:
    """One to three (defect, file) pairs."""
    chosen = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            chosen.append((draw(st.sampled_from(sorted(DEFECTS))), draw(st.sampled_from(PAGES))))
        else:
            chosen.append((draw(st.sampled_from(TREE_DEFECTS)), draw(st.sampled_from(PAGES))))
    return chosen


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def apply(root: Path, defect: str, target: str, outside: Path) -> None:
    path = root / target
    if any(folder.exists() and not folder.is_dir() for folder in path.relative_to(root).parents
           if folder != Path(".") for folder in [root / folder]):
        return  # an earlier defect put a file where the page's folder was
    if defect in DEFECTS:
        if path.is_file() and not path.is_symlink():
            text = path.read_bytes().decode("utf-8", "replace")
            path.write_bytes(DEFECTS[defect](text).encode("utf-8", "surrogatepass"))
    elif defect == "symlink-out":
        outside.write_text(_front("title: Draußen"), "utf-8")
        _remove(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(outside)
    elif defect == "symlink-in":
        _remove(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(root / "docs/de" / PAGE)
    elif defect == "folder-as-page":
        _remove(path)
        path.mkdir(parents=True, exist_ok=True)
    elif defect == "language-folder-is-a-file":
        folder = root / "docs/en"
        _remove(folder)
        folder.write_text("not a folder\n", "utf-8")
    elif defect == "non-utf8-name":
        os.makedirs(root / "docs/it/guidelines", exist_ok=True)
        Path(os.fsdecode(os.fsencode(str(root / "docs/it/guidelines")) + b"/caf\xe9.md")).write_text(
            _front("title: Café"), "utf-8")
    elif defect == "upper-case-extension":
        (root / "docs/it/notes.MD").parent.mkdir(parents=True, exist_ok=True)
        (root / "docs/it/notes.MD").write_text(_front("title: Note"), "utf-8")
    elif defect == "termbase-broken":
        (root / "docs/termbase.yml").write_text("version: 1\nconcepts:\n  - id: [unclosed\n", "utf-8")
    elif defect == "published-broken":
        (root / "docs/published.yml").write_text("pages: {a.md: [x, [y]]}\n", "utf-8")
    elif defect == "unreadable-source":
        if path.is_file() and not path.is_symlink():
            path.chmod(0o000)


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file under root (but the cache) -> its bytes, or where a symlink points."""
    files: dict[str, bytes | str] = {}
    for directory, folders, names in os.walk(root):
        folders[:] = [name for name in folders if name not in (".cache", ".git")]
        for name in names + [folder for folder in folders if os.path.islink(os.path.join(directory, folder))]:
            path = os.path.join(directory, name)
            key = os.path.relpath(path, root)
            if os.path.islink(path):
                files[key] = "-> " + os.readlink(path)
            else:
                try:
                    with open(path, "rb") as stream:
                        files[key] = stream.read()
                except OSError as error:
                    files[key] = f"unreadable: {error.strerror}"
    return files


def l10n_only(before: bytes, after: bytes) -> bool:
    """Whether `after` differs from `before` only in the lines of the `l10n` key (on a page without
    front matter, sync adds one holding only that key)."""
    def rest(data: bytes) -> list[bytes]:
        lines, kept, inside = data.replace(b"\r\n", b"\n").split(b"\n"), [], False
        for line in lines:
            if line.startswith(b"l10n:"):
                inside = True
                continue
            if inside and (line.startswith(b" ") or not line.strip()):
                continue
            inside = False
            kept.append(line)
        if kept[:2] in ([b"---", b"---"], [b"\xef\xbb\xbf---", b"---"]):
            kept = kept[2:] if kept[0] == b"---" else [kept[0][:3] + kept[2], *kept[3:]] if len(kept) > 2 else []
        return kept
    return rest(before) == rest(after)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(chosen=defects())
def test_malformed_trees_give_messages_not_tracebacks_and_change_only_what_commands_document(
        synced, tmp_path_factory, chosen):
    # A fresh copy of the synced tree for each example (the fixture is made once for all of them).
    root = tmp_path_factory.mktemp("tree")
    shutil.copytree(synced.root, root, symlinks=True, dirs_exist_ok=True)
    kb = type(synced)(root, synced.capsys)
    outside = tmp_path_factory.mktemp("outside") / "page.md"
    for defect, target in chosen:
        event(defect)
        apply(root, defect, target, outside)
    working_folder = os.getcwd()
    os.chdir(root)
    try:
        for argv in COMMANDS:
            before = snapshot(root)
            started = time.monotonic()
            result = kb.run(*argv)
            took = time.monotonic() - started
            shown = f"{chosen} kbsync {' '.join(argv)} -> {result.code}\n{result.out[-2000:]}\n{result.err[-2000:]}"
            assert result.code in (0, 1, 2), shown
            assert "Traceback" not in result.out + result.err, shown
            assert "internal error" not in result.err, shown
            assert took < SECONDS_PER_COMMAND, shown
            after = snapshot(root)
            changed = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
            allowed = MAY_WRITE.get(argv[0])
            for key in changed:
                if allowed == "published":
                    assert key == "docs/published.yml", (key, shown)
                elif allowed == "l10n":
                    old, new = before.get(key), after.get(key)
                    assert key.startswith("docs/") and not key.startswith("docs/de/"), (key, shown)
                    assert isinstance(old, bytes) and isinstance(new, bytes) and l10n_only(old, new), (key, shown)
                else:
                    raise AssertionError(f"{argv[0]} changed {key}: {shown}")
            assert [key for key in after if key.endswith(".tmp")] == [], shown  # no temporary file left
    finally:
        os.chdir(working_folder)
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                path.chmod(0o644)


# Front matter published as text: its keys one after another, as a page would show them.
RAW_FRONT_MATTER = re.compile(r"(?:last_reviewed|review_interval_months|source_sections):[^<\n]*\s*(?:<br />)?\s*"
                              r"(?:review_interval_months|l10n|source_sections|_intro|[a-z-]+):")
CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.S)
BUILD_PAGES = [f"docs/{lang}/{page}" for lang in ("de", "it") for page in (PAGE, "metrics/nps.md")]


@pytest.mark.build
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(chosen=st.lists(st.tuples(st.sampled_from(sorted(DEFECTS) + list(TREE_DEFECTS)),
                                 st.sampled_from(BUILD_PAGES)), min_size=1, max_size=2))
def test_a_build_of_a_malformed_tree_fails_with_a_message_or_publishes_nothing_broken(
        kb_tools, mkdocs_build, tmp_path_factory, chosen):
    """The real knowledge base with one or two defects, built with `mkdocs build --strict`."""
    copy_knowledge_base, _ = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("kb"))
    outside = tmp_path_factory.mktemp("outside") / "page.md"
    for defect, target in chosen:
        event(f"build: {defect}")
        apply(root, defect, target, outside)
    site = tmp_path_factory.mktemp("site") / "site"
    started = time.monotonic()
    try:
        result = mkdocs_build(root / "mkdocs.yml", site)
    finally:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                path.chmod(0o644)
    shown = f"{chosen} -> {result.returncode}\n{result.stderr[-3000:]}"
    assert result.returncode in (0, 1), shown
    assert "Traceback" not in result.stderr + result.stdout, shown
    assert time.monotonic() - started < 10 * SECONDS_PER_COMMAND, shown
    if result.returncode:
        # kbsync's validation stops the build before anything is rendered; MkDocs' strict mode
        # (a link to a section the truncated page lost) renders, then fails on its warnings.
        assert "ERROR" in result.stderr or "Aborted with" in result.stdout, shown
        if "kbsync" in result.stderr.split("ERROR", 1)[-1]:
            assert not list(site.rglob("*.html")), f"a build stopped by kbsync publishes nothing: {shown}"
    for page in site.rglob("*.html"):  # no page shows raw front matter, whatever the outcome
        # (a YAML example in a code block, as managing-content.md shows one, is the page's text)
        text = CODE_BLOCK.sub("", page.read_text("utf-8", "replace"))
        assert not RAW_FRONT_MATTER.search(text), (page, shown)

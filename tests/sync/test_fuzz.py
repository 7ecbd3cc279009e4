"""Fuzz: malformed trees through every command. No traceback, no file changed but what the command
documents, and no command that runs away.

Hypothesis draws a tree from the test knowledge base with one to three defects of the kinds testers
found (bytes that are not text, broken or hostile front matter, deep nesting, bad heading IDs,
symlinks in and out of docs/, folders and files in each other's place, names that are not UTF-8 or
not `.md`, broken termbase and published record, fingerprints of an older scheme), an `--output`
place that cannot be written whole (a link, read-only, a folder, a missing folder, docs/ through a
link) and a hand-off package, valid or damaged (truncated, NUL, not UTF-8, entity bomb, external
entity, another or an unknown language, a renamed, duplicated or stale unit, no targets, random
bytes spliced in), then runs check and status in every format, sync, ack, review, diff, publish,
export, import, termbase and migrate through the real CLI. What each command may write is what its
documentation says: sync, ack, review and migrate the `l10n` lines of translations, import the
translations, publish `docs/published.yml`, export, diff and termbase their `--output` file, whole.
Commands run in-process; a generous time bound catches a hang, not a slow machine.
"""

from __future__ import annotations

import contextlib
import copy
import os
import signal
import re
import shutil
import time
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from lxml import etree

PAGE = "guidelines/service-quality.md"
PAGES = [f"docs/{lang}/{page}" for lang in ("de", "it", "fr", "en") for page in (PAGE, "metrics/nps.md")]
SECONDS_PER_COMMAND = 30  # a hang, not a slow run: every command here takes well under a second
# {OUT}: the drawn --output place, {PACKAGE}: the drawn hand-off package (filled in per example).
COMMANDS = [
    *(["check", "--fail-on", "outdated", "--format", name] for name in ("text", "json", "github")),
    ["check", "--release"],
    *(["status", "--format", name] for name in ("text", "json", "markdown")),
    ["migrate", "--dry-run"],
    ["export", "it", "--output", "{OUT}/it.xlf"],
    ["export", "fr", PAGE, "--format", "po"],
    ["diff", "it", "--format", "html", "--output", "{OUT}/it.html"],
    ["termbase", "--output", "{OUT}/terms.tbx"],
    ["import", "{PACKAGE}", "--translator", "Anna Rossi"],
    ["migrate"],
    ["sync", "it", PAGE],
    ["sync", "fr", PAGE, "--section", "basics"],
    ["ack", PAGE, "--section", "basics"],
    ["review", "fr", PAGE, "metrics/nps.md", "--reviewer", "Anna Rossi"],
    ["diff", "it", PAGE],
    ["publish"],
]
# What each command may change (documented in scripts/kbsync/README.md).
MAY_WRITE = {"sync": "l10n", "ack": "l10n", "review": "l10n", "migrate": "l10n", "publish": "published",
             "import": "translations", "export": "output", "diff": "output", "termbase": "output"}

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
    "scheme-1-fingerprints": lambda text: text.replace(': "2:', ': "'),  # what `migrate` rewrites
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


# Where --output goes: a plain folder, or one of the places kbsync must refuse (kbsync.writing.output).
OUTPUT_DEFECTS = ("plain", "symlink", "read-only", "read-only-folder", "a-folder", "missing-folder", "docs-through-a-link")


def output_place(out: Path, defect: str, root: Path) -> Path:
    """The folder the commands get as {OUT}, spoiled for each of its files as `defect` says."""
    names = ("it.xlf", "it.html", "terms.tbx")
    if defect == "missing-folder":
        return out / "missing"
    if defect == "docs-through-a-link":
        (out / "docs").symlink_to(root / "docs/it")
        return out / "docs"
    for name in names:
        if defect == "symlink":
            (out / f"{name}.real").write_text("keep")
            (out / name).symlink_to(out / f"{name}.real")
        elif defect in ("read-only", "read-only-folder"):
            (out / name).write_text("keep")
            if defect == "read-only":
                (out / name).chmod(0o444)
        elif defect == "a-folder":
            (out / name).mkdir()
    if defect == "read-only-folder":
        out.chmod(0o555)
    return out


def _fill_xliff(data: bytes) -> bytes:
    """Every unit translated with the translation the export offered it (its alt-trans target)."""
    tree = etree.fromstring(data)
    for unit in tree.iter(f"{{{XLIFF}}}trans-unit"):
        offered = unit.find(f"{{{XLIFF}}}alt-trans/{{{XLIFF}}}target")
        if unit.find(f"{{{XLIFF}}}target") is None and offered is not None:
            target = copy.deepcopy(offered)
            target.set("state", "translated")
            target.tail = None
            unit.insert(list(unit).index(unit.find(f"{{{XLIFF}}}source")) + 1, target)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def _fill_po(data: bytes) -> bytes:
    """Every fuzzy entry confirmed, as a translator who accepts the offered translation (polib)."""
    catalog = polib.pofile(data.decode("utf-8"), wrapwidth=0)
    for entry in catalog:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
    return str(catalog).encode("utf-8")


def packages(synced) -> tuple[Path, dict[str, bytes]]:
    """The tree every example starts from, and a valid hand-off package per format, made once: the
    synced tree with `basics` of the Italian guideline untracked (so that export has work), exported,
    every unit confirmed with the translation offered; importing it records `basics` again (checked
    here, so that "valid" is valid)."""
    if synced.root in _PACKAGES:
        return _PACKAGES[synced.root]
    root = synced.root.parent / "package-tree"
    shutil.copytree(synced.root, root, symlinks=True)
    kb = type(synced)(root, synced.capsys)
    kb.write(f"docs/it/{PAGE}", re.sub(r"\n    basics: \"[^\"]+\"", "", kb.text(f"docs/it/{PAGE}"), count=1))
    working_folder = os.getcwd()
    os.chdir(root)
    try:
        made = {}
        for kind, suffix, fill in (("xliff", "xlf", _fill_xliff), ("po", "po", _fill_po)):
            out = root.parent / f"package.{suffix}"
            assert kb.run("export", "it", PAGE, "--format", kind, "--output", str(out)).code == 0
            made[suffix] = fill(out.read_bytes())
            out.write_bytes(made[suffix])
            result = kb.run("import", str(out), "--dry-run")
            assert result.code == 0 and "would import basics" in result.out, (kind, result.out, result.err)
    finally:
        os.chdir(working_folder)
    _PACKAGES[synced.root] = root, made
    return root, made


_PACKAGES: dict[Path, tuple[Path, dict[str, bytes]]] = {}
XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
BOMB = ('<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + index)} "{("&" + chr(97 + index) + ";") * 10}">' for index in range(9)) + "]>")


def _first_target(data: bytes, entity: str, doctype: str) -> bytes:
    data = data.replace(b"?>\n", f"?>\n{doctype}\n".encode(), 1)
    return re.sub(rb'(<target[^>]*>)', rb"\1&" + entity.encode() + b";", data, count=1)


PACKAGE_DEFECTS = {
    "valid": lambda data, kind: data,
    "truncated": lambda data, kind: data[:len(data) // 2],
    "nul-byte": lambda data, kind: data[:len(data) // 2] + b"\x00" + data[len(data) // 2:],
    "not-utf8": lambda data, kind: data.replace("à".encode(), b"\xe0").replace("è".encode(), b"\xe8")
    if "à".encode() in data or "è".encode() in data else data + b"\xff\n",
    "billion-laughs": lambda data, kind: _first_target(data, "j", BOMB) if kind == "xlf" else
    data.replace(b"charset=UTF-8", b"charset=NOPE-1"),
    "external-entity": lambda data, kind: _first_target(data, "e", '<!DOCTYPE xliff [<!ENTITY e SYSTEM '
                                                        '"file:///etc/passwd">]>') if kind == "xlf" else
    data.replace(b'msgstr "', b'msgstr \x01"', 1),
    "another-language": lambda data, kind: data.replace(b'target-language="it"', b'target-language="fr"')
    .replace(b"Language: it", b"Language: fr"),
    "unknown-language": lambda data, kind: data.replace(b'target-language="it"', b'target-language="xx"')
    .replace(b"Language: it", b"Language: xx"),
    "renamed-unit": lambda data, kind: data.replace(b"#basics/", b"#basics-renamed/", 1),
    "duplicate-unit": lambda data, kind: re.sub(rb"(<trans-unit .*?</trans-unit>)", rb"\1\1", data, count=1, flags=re.S)
    if kind == "xlf" else data + data[data.index(b"\n\n") + 2:],
    "stale-fingerprint": lambda data, kind: re.sub(rb"2:[0-9a-f]{16}", b"2:0000000000000000", data),
    "no-targets": lambda data, kind: re.sub(rb"<target[^>]*>.*?</target>", b"", data, flags=re.S) if kind == "xlf"
    else re.sub(rb'msgstr "[^\n]*"', b'msgstr ""', data),
}


@st.composite
def package(draw) -> tuple[str, str, bytes | None, int]:
    """(format, defect, bytes to splice in or None, where)."""
    kind = draw(st.sampled_from(["xlf", "po"]))
    if draw(st.integers(0, 5)) == 0:  # random bytes at a random place
        return kind, "spliced-bytes", draw(st.binary(min_size=1, max_size=64)), draw(st.integers(0, 10_000))
    return kind, draw(st.sampled_from(sorted(PACKAGE_DEFECTS))), None, 0


def make_package(made: dict[str, bytes], drawn: tuple[str, str, bytes | None, int], folder: Path) -> Path:
    kind, defect, spliced, where = drawn
    data = made[kind]
    if spliced is not None:
        where %= len(data)
        data = data[:where] + spliced + data[where:]
    else:
        data = PACKAGE_DEFECTS[defect](data, kind)
    path = folder / f"package.{kind}"
    path.write_bytes(data)
    return path


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


class Hang(BaseException):
    """Raised by the alarm in a command that runs away (a BaseException: the CLI's one handler of
    unexpected errors must not turn it into a message)."""


@contextlib.contextmanager
def hang_bound(shown: str, seconds: float = 2 * SECONDS_PER_COMMAND):
    """Stop a command that runs in-process for longer than `seconds` (a hang would stop the suite)."""
    def alarm(signum, frame):
        raise Hang(f"still running after {seconds:.0f} s: {shown}")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Each defect class at least once, whatever hypothesis draws (the statistics count these too).
EXPLICIT = [*([(defect, f"docs/de/{PAGE}"), (defect, f"docs/it/{PAGE}")] for defect in sorted(DEFECTS)),
            *([(defect, f"docs/it/{PAGE}")] for defect in TREE_DEFECTS)]


def explicit_examples(test):
    """One example per page or tree defect, per --output defect and per package defect."""
    kinds = ["xlf", "po"]
    outputs, packages_ = list(OUTPUT_DEFECTS), sorted(PACKAGE_DEFECTS)
    rows = max(len(EXPLICIT), len(outputs), len(packages_) * len(kinds))
    for index in range(rows):
        drawn = (kinds[index % 2], packages_[(index // 2) % len(packages_)], None, 0)
        test = example(chosen=EXPLICIT[index % len(EXPLICIT)], output=outputs[index % len(outputs)],
                       drawn=drawn)(test)
    return test


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@explicit_examples
@given(chosen=defects(), output=st.sampled_from(OUTPUT_DEFECTS), drawn=package())
def test_malformed_trees_give_messages_not_tracebacks_and_change_only_what_commands_document(
        synced, tmp_path_factory, chosen, output, drawn):
    base, made = packages(synced)
    # A fresh copy of the tree for each example (the fixture is made once for all of them).
    root = tmp_path_factory.mktemp("tree")
    shutil.copytree(base, root, symlinks=True, dirs_exist_ok=True)
    kb = type(synced)(root, synced.capsys)
    outside = tmp_path_factory.mktemp("outside") / "page.md"
    for defect, target in chosen:
        event(defect)
        apply(root, defect, target, outside)
    event(f"output: {output}")
    event(f"package: {drawn[1]}")
    out_root = tmp_path_factory.mktemp("out")
    out = output_place(out_root, output, root)
    package_path = make_package(made, drawn, tmp_path_factory.mktemp("package"))
    working_folder = os.getcwd()
    os.chdir(root)
    try:
        for template in COMMANDS:
            argv = [part.replace("{OUT}", str(out)).replace("{PACKAGE}", str(package_path)) for part in template]
            before, outputs_before = snapshot(root), snapshot(out_root)
            started = time.monotonic()
            with hang_bound(f"{chosen} output {output} package {drawn[:2]} kbsync {' '.join(argv)}"):
                result = kb.run(*argv)
            took = time.monotonic() - started
            shown = (f"{chosen} output {output} package {drawn[:2]} kbsync {' '.join(argv)} -> {result.code}\n"
                     f"{result.out[-2000:]}\n{result.err[-2000:]}")
            assert result.code in (0, 1, 2), shown
            assert "Traceback" not in result.out + result.err, shown
            assert "internal error" not in result.err, shown
            assert took < SECONDS_PER_COMMAND, shown
            after, outputs_after = snapshot(root), snapshot(out_root)
            changed = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
            allowed = MAY_WRITE.get(argv[0])
            if result.code == 2:
                assert changed == [], shown  # an error changes nothing
            for key in changed:
                old, new = before.get(key), after.get(key)
                if allowed == "published":
                    assert key == "docs/published.yml", (key, shown)
                elif allowed == "l10n":
                    assert key.startswith("docs/") and not key.startswith("docs/de/"), (key, shown)
                    assert isinstance(old, bytes) and isinstance(new, bytes) and l10n_only(old, new), (key, shown)
                elif allowed == "translations":
                    assert key.startswith(("docs/it/", "docs/fr/", "docs/en/")), (key, shown)
                    assert isinstance(new, bytes) and isinstance(old, (bytes, type(None))), (key, shown)
                else:
                    raise AssertionError(f"{argv[0]} changed {key}: {shown}")
            written = sorted(key for key in outputs_before.keys() | outputs_after.keys()
                             if outputs_before.get(key) != outputs_after.get(key))
            if allowed == "output" and "--output" in argv:
                target = Path(argv[argv.index("--output") + 1])
                if output == "plain" and result.code != 2 and "no file written" not in result.err:
                    assert written == [target.relative_to(out_root).as_posix()], shown
                    data = target.read_bytes()
                    assert data.rstrip().endswith(b"</html>" if target.suffix == ".html" else b">"), shown  # whole
                else:  # refused, or nothing to export
                    assert written == [] and (result.code == 2 or "no file written" in result.err), shown
            else:
                assert written == [], shown
            assert [key for key in [*after, *outputs_after] if key.endswith((".tmp", ".orig"))] == [], shown
    finally:
        os.chdir(working_folder)
        out_root.chmod(0o755)
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

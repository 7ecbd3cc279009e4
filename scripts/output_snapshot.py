"""Everything the project outputs, written to a folder, to compare two versions of the code file by file.

A restructure must not change what readers and translators get. Run this in a checkout of each
version (each with its own `.venv`, from `make install`) and compare:

    .venv/bin/python scripts/output_snapshot.py /tmp/before            # in the old checkout
    .venv/bin/python scripts/output_snapshot.py /tmp/after --compare /tmp/before

It writes, with a fixed build time (SOURCE_DATE_EPOCH):

- the site, built by `mkdocs build --strict` and by `make build`'s parallel driver;
- a copy of the knowledge base with a German change committed (a changed and a new section, a
  deleted French page, a page due for review), and its site built both ways;
- kbsync's output on both: `check` in every format, `status` in every format, `diff`, `sync`, the
  help texts and a usage error, with exit codes.

`--compare` lists every file that differs or exists on one side only and exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
ENVIRONMENT = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1764400000",
                   GIT_AUTHOR_NAME="Snapshot", GIT_AUTHOR_EMAIL="snapshot@example.invalid",
                   GIT_COMMITTER_NAME="Snapshot", GIT_COMMITTER_EMAIL="snapshot@example.invalid")
PAGE = "guidelines/service-quality.md"
CLI_RUNS = {
    **{f"check-{name}": ["check", "--fail-on", "outdated", "--format", name] for name in ("text", "json", "github")},
    **{f"status-{name}": ["status", "--format", name] for name in ("text", "json", "markdown")},
    "check-it": ["check", "docs/it", "--lang", "it"],
    "diff-it": ["diff", "it", PAGE],
    "bad-format": ["check", "--format", "xml"],
    "help": ["--help"],
    **{f"help-{command}": [command, "--help"] for command in ("check", "status", "sync", "ack", "diff", "publish")},
}


def run(command: list[str], cwd: Path, output: Path, quiet_info: bool = False) -> None:
    """Run `command`; its stdout, stderr and exit code go to `output`.out / .err.

    Commit IDs become `<commit>`: the changed copy's commits name a tree that holds the version's own
    mkdocs.yml and overrides. With `quiet_info`, MkDocs' INFO lines (folders, timings) are left out.
    """
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENVIRONMENT)
    errors = result.stderr
    if quiet_info:
        errors = "".join(line for line in errors.splitlines(keepends=True) if not line.startswith("INFO"))
    output.with_suffix(".out").write_text(_commitless(result.stdout), "utf-8")
    output.with_suffix(".err").write_text(_commitless(errors) + f"exit {result.returncode}\n", "utf-8")


def _commitless(text: str) -> str:
    return re.sub(r"@[0-9a-f]{12}\b", "@<commit>", text)


def build_site(root: Path, out: Path, name: str) -> None:
    run([PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out / f"{name}-mkdocs")], root,
        out / f"{name}-mkdocs-build", quiet_info=True)
    run(make_build_command() + ["--site-dir", str(out / f"{name}-parallel")], root, out / f"{name}-parallel-build",
        quiet_info=True)


def make_build_command() -> list[str]:
    """`make build`'s command, with this Python."""
    recipe = (REPO / "Makefile").read_text("utf-8").split("\nbuild:", 1)[1].split("\n")[1].strip()
    program, *arguments = recipe.split()
    return [PYTHON, *arguments]


def kbsync_outputs(root: Path, out: Path, name: str) -> None:
    for label, arguments in CLI_RUNS.items():
        run([PYTHON, "-m", "kbsync", *arguments], root, out / f"{name}-kbsync-{label}")


def changed_copy(target: Path) -> Path:
    """The knowledge base with a German change committed after it: outdated, new and missing sections."""
    for folder in ("docs", "overrides"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    git(target, "init", "-q", "-b", "main")
    commit(target, "knowledge base", "2026-11-20T09:00:00")
    page = target / "docs/de" / PAGE
    lines = page.read_text("utf-8").split("\n")
    headings = [index for index, line in enumerate(lines) if line.startswith("## ")]
    lines.insert(headings[1] + 2, "Ein neuer Satz für die Prüfung der Banner, mit 42 Prozent.\n")
    lines.insert(headings[-1] + 1, "## Neuer Abschnitt {#brand-new-section}\n\nGanz neuer Text hier.\n")
    page.write_text("\n".join(lines), "utf-8")
    (target / "docs/fr/metrics/ces.md").unlink()
    review = target / "docs/en/metrics/nps.md"
    review.write_text(re.sub(r"^last_reviewed:.*$", "last_reviewed: 2020-01-01", review.read_text("utf-8"),
                             count=1, flags=re.M), "utf-8")
    commit(target, "change", "2026-11-25T10:00:00")
    return target


def git(root: Path, *arguments: str, date: str | None = None) -> None:
    environment = dict(ENVIRONMENT, **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}))
    subprocess.run(["git", *arguments], cwd=root, env=environment, check=True, capture_output=True)


def commit(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


def snapshot(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    build_site(REPO, out, "repository")
    kbsync_outputs(REPO, out, "repository")
    work = out / "work"
    copy = changed_copy(work / "kb")
    build_site(copy, out, "changed")
    kbsync_outputs(copy, out, "changed")
    run([PYTHON, "-m", "kbsync", "sync", "it", PAGE], copy, out / "changed-kbsync-sync-it")
    shutil.copy2(copy / "docs/it" / PAGE, out / "changed-synced-it.md")
    shutil.rmtree(work)


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ between the two folders, or exist in one only, as relative paths."""
    found = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in {comparison.left}: {prefix}{name}" for name in comparison.left_only)
        found.extend(f"only in {comparison.right}: {prefix}{name}" for name in comparison.right_only)
        for name in comparison.common_files:
            if (Path(comparison.left) / name).read_bytes() != (Path(comparison.right) / name).read_bytes():
                found.append(f"differs: {prefix}{name}")
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("output", type=Path, help="folder to write the snapshot into (replaced)")
    parser.add_argument("--compare", type=Path, metavar="DIR", help="a snapshot of another version to compare with")
    args = parser.parse_args(argv)
    snapshot(args.output.resolve())
    files = sum(1 for path in args.output.rglob("*") if path.is_file())
    print(f"{args.output}: {files} files")
    if args.compare is None:
        return 0
    found = differences(args.compare.resolve(), args.output.resolve())
    print("\n".join(found) if found else f"identical to {args.compare}: every file, byte for byte")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

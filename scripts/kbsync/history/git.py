"""Earlier versions of a source page from git, to show what changed and to re-baseline.

Git is used only here and only to look back; detection never depends on it. Without git, in a
shallow clone or for an untracked file, `HistoryUnavailable` says why.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from kbsync.reading.analysis import Analyzer
from kbsync.model import PageContent, Section
from kbsync.config import SiteConfig


class HistoryUnavailable(Exception):
    """Why git cannot tell (no git, not a repository, no commits of the file)."""


@dataclass(frozen=True)
class SectionVersion:
    commit: str
    section: Section | None


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """The output of a git command in `root`; `HistoryUnavailable` when git cannot answer."""
    try:
        result = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True,
                                check=False)
    except FileNotFoundError as error:
        raise HistoryUnavailable("git is not installed") from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryUnavailable(message[0] if message else f"git {args[0]} failed")
    return result.stdout


def _commits(root: Path, relative: str, max_commits: int | None = None) -> list[str]:
    git(root, "rev-parse", "--is-inside-work-tree")
    limit = [f"-n{max_commits}"] if max_commits else []
    commits = git(root, "log", *limit, "--format=%H", "--", relative).decode().split()
    if not commits:
        shallow = git(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"
        reason = "the clone is shallow (git fetch --unshallow)" if shallow else \
            f"{relative} has no commits"
        raise HistoryUnavailable(reason)
    return commits


def _blobs(root: Path, commits: list[str], relative: str) -> Iterator[tuple[str, bytes]]:
    requests = "".join(f"{commit}:./{relative}\n" for commit in commits).encode()
    output = git(root, "cat-file", "--batch", stdin=requests)
    position = 0
    for commit in commits:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 2 and header[1] == b"missing":
            continue
        size = int(header[2])
        yield commit, output[position:position + size]
        position += size + 1


def section_versions(config: SiteConfig, path: Path, section_id: str) -> Iterator[SectionVersion]:
    """The section in every committed version of `path`, newest first."""
    for commit, content in page_versions(config, path):
        yield SectionVersion(commit, content.section(section_id))


def page_versions(config: SiteConfig, path: Path, analyzer: Analyzer | None = None) -> Iterator[tuple[str, PageContent]]:
    """Every committed version of the source page `path`, analysed, newest first: one pass over
    the history for all the sections a caller looks for (`analyzer`: one the caller reuses)."""
    analyzer = analyzer or Analyzer(config)
    for commit, data in page_sources(config, path):
        yield commit, analyzer.analyze(data, config.source_lang)


def page_sources(config: SiteConfig, path: Path, max_versions: int | None = None) -> Iterator[tuple[str, bytes]]:
    """The bytes of every committed version of `path` (the newest `max_versions`), newest first,
    from one `git log` and one `git cat-file --batch`."""
    relative = path.relative_to(config.root).as_posix()
    yield from _blobs(config.root, _commits(config.root, relative, max_versions), relative)


def is_shallow(config: SiteConfig) -> bool:
    try:
        return git(config.root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"
    except HistoryUnavailable:
        return False


def git_user_name(config: SiteConfig) -> str | None:
    """git's `user.name` for the repository (None when git has none or cannot answer)."""
    try:
        name = git(config.root, "config", "user.name").decode("utf-8", "replace").strip()
    except HistoryUnavailable:
        return None
    return name or None

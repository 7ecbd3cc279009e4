"""What changed in the source text and when, section by section, read from git history.

For the site's "what changed" page, the dates in its outdated banners and each page's "text last
changed" line. Detection of outdated translations never depends on this (kbsync.status does not
use git); without history `HistoryUnavailable` says why and the site says so.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass

from kbsync.reading.analysis import Analyzer
from kbsync.cache import Cache, remembered
from kbsync.history.git import HistoryUnavailable, git, is_shallow
from kbsync.model import PageContent
from kbsync.config import SiteConfig

PAGE_ADDED, PAGE_REMOVED = "page-added", "page-removed"
ADDED, CHANGED, REMOVED = "added", "changed", "removed"
_RECORD, _FIELD = "\x1e", "\x1f"
_CACHE = "source-changes"


@dataclass(frozen=True)
class SectionChange:
    """One change of the source: a section added, changed or removed, or a page added or removed."""

    date: datetime.date
    commit: str
    page: str  # path inside the language folder, e.g. guidelines/service-quality.md
    section: str | None  # None for a whole page
    kind: str


def source_changes(config: SiteConfig, cache: Cache | None = None, max_commits: int = 200) -> tuple[SectionChange, ...]:
    """Changes of the source pages in the newest `max_commits` commits that touched them, newest first.

    The result depends only on the history read (and how Markdown is read), so it is cached by that.
    """
    folder = _source_folder(config)
    log = git(config.root, "log", f"-n{max_commits}", "--no-renames", "--name-status",
              f"--format={_RECORD}%H{_FIELD}%cs{_FIELD}%P", "--", folder).decode("utf-8", "replace")
    if not log.strip():
        raise HistoryUnavailable("the clone is shallow (git fetch --unshallow)" if is_shallow(config)
                                 else f"{folder} has no commits")
    key = hashlib.sha256(f"{config.markdown_key}\0{log}".encode()).hexdigest()
    return remembered(cache, _CACHE, key, lambda: _changes_in(config, folder, log))


def _changes_in(config: SiteConfig, folder: str, log: str) -> tuple[SectionChange, ...]:
    touched = []  # (commit, parent, date, status, path inside the folder)
    for record in log.split(_RECORD)[1:]:
        header, *lines = record.strip("\n").split("\n")
        commit, date, parents = header.split(_FIELD)
        parent = parents.split()[0] if parents else None
        for line in lines:
            status, _, path = line.partition("\t")
            if path.startswith(folder + "/") and path.endswith(".md"):
                touched.append((commit, parent, datetime.date.fromisoformat(date), status[:1], path))
    reader = _VersionReader(config)
    changes: list[SectionChange] = []
    for commit, parent, date, status, path in touched:
        page = path[len(folder) + 1:]
        before = reader.read(parent, path) if parent and status != "A" else None
        after = reader.read(commit, path) if status != "D" else None
        if before is None or after is None:
            kind = PAGE_ADDED if after is not None else PAGE_REMOVED
            changes.append(SectionChange(date, commit, page, None, kind))
            continue
        old = {section.id: section.fingerprint for section in before.sections}
        for section in after.sections:
            kind = ADDED if section.id not in old else CHANGED if old[section.id] != section.fingerprint else None
            if kind:
                changes.append(SectionChange(date, commit, page, section.id, kind))
        now = set(after.section_ids)
        changes += [SectionChange(date, commit, page, section_id, REMOVED)
                    for section_id in old if section_id not in now]
    return tuple(changes)


def last_changed(config: SiteConfig) -> dict[str, datetime.date]:
    """For every committed page file (path relative to the repository root) the date of the last
    commit that changed its text.

    A commit that changed only bookkeeping lines (the `l10n` fingerprints that `kbsync sync` and
    `kbsync migrate` write, or `last_reviewed`, which the footer shows apart) is no change of the
    text readers see. One `git log -p` of the docs folder, read once: linear in the history.
    """
    docs = config.docs_dir.relative_to(config.root).as_posix()
    log = git(config.root, "-c", "core.quotePath=false", "log", "-p", "--unified=0", "--no-renames", "--no-color",
              "--no-ext-diff",
              f"--format={_RECORD}%cs", "--", docs).decode("utf-8", "replace")
    dates: dict[str, datetime.date] = {}
    for record in log.split(_RECORD)[1:]:
        date_text, _, diff = record.partition("\n")
        date = datetime.date.fromisoformat(date_text.strip())
        for path, changed in _changed_lines(diff):
            if path not in dates and not all(_BOOKKEEPING_LINE.match(line) for line in changed):
                dates[path] = date
    return dates


# A line of the `l10n` key as kbsync writes it, or the review date: not the page's text.
_BOOKKEEPING_LINE = re.compile(r'^[+-]\s*(?:l10n:|source_sections:(?: \{\})?|translated:|reviewed:|'
                               r'acknowledged:|last_reviewed: .*|'
                               r'(?:"[^"]*"|[A-Za-z0-9_][A-Za-z0-9_-]*): (?:"(?:\d+:)?[0-9a-f]{16}"|'
                               r'\{by: "(?:[^"\\]|\\.)*", date: \d{4}-\d\d-\d\d(?:, reason: "(?:[^"\\]|\\.)*")?\}))\s*$')


def _changed_lines(diff: str) -> list[tuple[str, list[str]]]:
    """(path, its added and removed lines) for each file of one commit's patch. A file added,
    removed or binary gets a line that is not bookkeeping, so it always counts."""
    files: list[tuple[str, list[str]]] = []
    for part in ("\n" + diff).split("\ndiff --git ")[1:]:
        header, _, body = part.partition("\n@@")
        path = header.split("\n", 1)[0].split(" b/", 1)[-1]
        # The body starts at the first hunk, after the `---`/`+++` file header lines.
        lines = [line for line in body.split("\n") if line.startswith(("+", "-"))]
        if "\nnew file mode" in header or "\ndeleted file mode" in header or "Binary files" in header or not body:
            lines.append("+<file>")
        files.append((path, lines))
    return files


def _source_folder(config: SiteConfig) -> str:
    return (config.docs_dir / config.source_lang).relative_to(config.root).as_posix()


class _VersionReader:
    """A source file as it was in a commit, analysed once per distinct content."""

    def __init__(self, config: SiteConfig):
        self.config = config
        self.analyzer = Analyzer(config)
        self.by_hash: dict[str, PageContent] = {}

    def read(self, commit: str, path: str) -> PageContent | None:
        try:
            data = git(self.config.root, "show", f"{commit}:{path}")
        except HistoryUnavailable:
            return None
        key = hashlib.sha256(data).hexdigest()
        if key not in self.by_hash:
            self.by_hash[key] = self.analyzer.analyze(data, self.config.source_lang)
        return self.by_hash[key]

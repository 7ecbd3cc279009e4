"""Which figures of an outdated source section changed since its translation was made.

A translation records the fingerprint of the source section it was made from; the text of that
version is in the source page's git history (the version whose fingerprint equals the recorded
one, as `kbsync diff` finds it). Its figures, read as the figure check reads them (the Section's
`figures`, from kbsync.reading.figures), plus the numbers the source writes as words (as `kbsync
ack` reads them: `fünf` is 5), are paired with the figures of the section now by difflib: a figure
replaced by another is "now 3 (before: 5)", one without a partner was added or removed. Values are
compared, not how they are written: `1.000` -> `1000` is no change, nor a figure that only moved.

For the site (kbsync.site.changed_facts says it in the reader's language). Without history the
result is empty and the site says what it said before. Each page's history is read once per build,
newest first, only as far back as the oldest version wanted and at most `MAX_VERSIONS` versions; a
section's figures are cached under its fingerprint (a fingerprint is the section's text, so its
figures never change), so a build with nothing new reads no history at all.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from kbsync.cache import Cache
from kbsync.config import SiteConfig
from kbsync.history.git import HistoryUnavailable, git, page_sources
from kbsync.languages import profile
from kbsync.model import INTRO_ID, Section
from kbsync.pairing import page_path
from kbsync.reading.analysis import Analyzer
from kbsync.reading.fingerprints import fingerprint as fingerprint_of
from kbsync.reading.front_matter import FRONT_MATTER_RE
from kbsync.reading.page_text import decode_page
from kbsync.signoff.meaning import section_figures
from kbsync.status import SectionState, StatusReport

REPLACED, ADDED, REMOVED = "replaced", "added", "removed"
MAX_VERSIONS = 200  # versions of one page read at most, as the what-changed page reads 200 commits
_CACHE = "section-figures"


@dataclass(frozen=True)
class FigureChange:
    """One figure of a source section that changed: values as kbsync.reading.figures writes them
    (`1000.5`, `30%`, `2026-03-01`, `14:30`); `old` is None for an added figure, `new` for a removed one."""

    kind: str  # REPLACED, ADDED or REMOVED
    new: str | None
    old: str | None


def pair_figures(old: Sequence[str], new: Sequence[str]) -> tuple[FigureChange, ...]:
    """The changes from the figures `old` to `new` (each in text order): difflib's replaced runs
    pair figure by figure, the rest of a run and its inserts and deletes are added or removed. A
    value both removed and added only moved, and is neither; each change is named once."""
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    replaced: list[tuple[str, str]] = []
    added: list[str] = []
    removed: list[str] = []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = old[old_start:old_end], new[new_start:new_end]
        pairs = min(len(olds), len(news)) if tag == "replace" else 0
        replaced += zip(news[:pairs], olds[:pairs])
        added += news[pairs:]
        removed += olds[pairs:]
    moved = Counter(added) & Counter(removed)
    added, removed = _without(added, moved), _without(removed, moved)
    changes = [FigureChange(REPLACED, now, before) for now, before in replaced]
    changes += [FigureChange(ADDED, value, None) for value in added]
    changes += [FigureChange(REMOVED, None, value) for value in removed]
    return tuple(dict.fromkeys(changes))


def _without(values: list[str], taken: Counter) -> list[str]:
    left, kept = Counter(taken), []
    for value in values:
        if left[value]:
            left[value] -= 1
        else:
            kept.append(value)
    return kept


def figure_values(section: Section, lang: str) -> tuple[str, ...]:
    """The values of the section's figures in text order, then of its numbers written as words."""
    return tuple(value for value, _ in section_figures(section, lang))


def changed_facts(config: SiteConfig, status: StatusReport, cache: Cache | None = None,
                  ) -> dict[tuple[str, str, str], tuple[FigureChange, ...]]:
    """(lang, page, section ID) -> how its figures changed, for every outdated section of a
    translation whose source figures changed since the version it was translated from.

    Raises HistoryUnavailable when git cannot answer at all (no git, not a repository); a page
    without the version wanted in its history (new, a shallow clone) leaves its sections out.
    """
    outdated: dict[str, dict[tuple[str, str], str]] = {}  # page -> {(section, recorded): current fingerprint}
    for item in status.pages:
        for section in item.sections:
            if section.state is SectionState.OUTDATED and section.recorded and section.current:
                outdated.setdefault(item.page, {})[section.id, section.recorded] = section.current
    if not outdated:
        return {}
    stored = cache.load(_CACHE) if cache else {}
    # What else a section's figures depend on: how Markdown is read and which words are numbers.
    salt = f"{config.markdown_key}\0{sorted(profile(config.source_lang).number_words.items())}\0"
    figures: dict[str, tuple[str, ...]] = {}  # fingerprint -> figure values, for those known
    reader = _PageReader(config)
    for page, wanted in sorted(outdated.items()):
        fingerprints = {fingerprint for (_, recorded), current in wanted.items() for fingerprint in (recorded, current)}
        figures.update((fingerprint, stored[salt + fingerprint]) for fingerprint in fingerprints
                       if salt + fingerprint in stored)
        missing = {key for key in wanted if key[1] not in figures}
        if missing or any(current not in figures for current in wanted.values()):
            figures.update(reader.figures(page, missing, set(wanted.values()) - set(figures)))
    used = {salt + fingerprint: values for fingerprint, values in figures.items()}
    if cache is not None and used != stored:
        cache.save(_CACHE, used)  # what this build used: the store never outgrows the outdated sections
    changes: dict[tuple[str, str, str], tuple[FigureChange, ...]] = {}
    for item in status.pages:
        for section in item.sections:
            if section.state is not SectionState.OUTDATED or section.recorded not in figures \
                    or section.current not in figures:
                continue
            found = pair_figures(figures[section.recorded], figures[section.current])
            if found:
                changes[item.lang, item.page, section.id] = found
    return changes


class _PageReader:
    """Source sections by fingerprint: the page now, then its history, newest first, each read once.

    Python-Markdown reads a version only when one of its sections, cut at its headings without
    Markdown (`section_sources`), has a fingerprint wanted: a page's history costs one fingerprint
    per distinct section text, and a full reading per version found.
    """

    def __init__(self, config: SiteConfig):
        self.config = config
        self.analyzer: Analyzer | None = None
        self.git_checked = False

    def figures(self, page: str, wanted: Iterable[tuple[str, str]], current: set[str]) -> Mapping[str, tuple[str, ...]]:
        """fingerprint -> figure values, for the `current` fingerprints (from the page as it is) and
        the (section ID, fingerprint) `wanted` found in the page's history."""
        config, lang = self.config, self.config.source_lang
        self.analyzer = self.analyzer or Analyzer(config)
        path = page_path(config, lang, page)
        found: dict[str, tuple[str, ...]] = {}
        if current:
            now = self.analyzer.analyze(path.read_bytes(), lang)
            found.update((section.fingerprint, figure_values(section, lang)) for section in now.sections
                         if section.fingerprint in current)
        looking = {(section_id, fingerprint) for section_id, fingerprint in wanted if fingerprint not in found}
        if not looking:
            return found
        if not self.git_checked:  # no git or no repository: no page has history
            git(config.root, "rev-parse", "--is-inside-work-tree")
            self.git_checked = True
        fingerprints: dict[str, str] = {}  # a section's source -> its fingerprint: most versions share most sections
        try:
            for _, data in page_sources(config, path, MAX_VERSIONS):
                sources = section_sources(data)
                hits = [(section_id, fingerprint) for section_id, fingerprint in looking if section_id in sources
                        and fingerprints.setdefault(sources[section_id], fingerprint_of(sources[section_id])) == fingerprint]
                if not hits:
                    continue
                content = self.analyzer.analyze(data, lang)  # the reader has the last word, and the figures
                for section_id, fingerprint in hits:
                    section = content.section(section_id)
                    if section is not None and section.fingerprint == fingerprint:
                        found[fingerprint] = figure_values(section, lang)
                        looking.discard((section_id, fingerprint))
                if not looking:
                    break
        except HistoryUnavailable:
            pass  # this page has no history (new, a shallow clone): the other pages may have theirs
        return found


# What starts a section for the reader (kbsync.reading.markdown_reader): a heading of level 2 to 6 with
# an ID in its attribute list, outside fenced code.
_SECTION_HEADING = re.compile(r"#{2,6}[ \t].*\{:?[^{}\n]*?#([A-Za-z0-9_-]+)[^{}\n]*\}[ \t]*#*[ \t]*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def section_sources(data: bytes) -> dict[str, str]:
    """Section ID -> its source lines, as the reader cuts them, found without Markdown: a quick
    first look at an old version of a page. Where this differs from the reader (a heading inside an
    HTML block), a fingerprint is not found and the section's note stays as it was, never wrong."""
    decoded = decode_page(data)
    if not decoded.readable:
        return {}
    text = decoded.text
    front = FRONT_MATTER_RE.match(text)
    lines = text[front.end() if front else 0:].split("\n")
    starts: list[tuple[int, str]] = [(0, INTRO_ID)]
    seen = {INTRO_ID}
    fence: str | None = None
    for number, line in enumerate(lines):
        if opening := _FENCE.match(line):
            marks = opening.group(1)
            if fence is None:
                fence = marks
            elif marks[0] == fence[0] and len(marks) >= len(fence) and not line[opening.end():].strip():
                fence = None
        elif fence is None and line.startswith("##") and (heading := _SECTION_HEADING.fullmatch(line.rstrip())) \
                and heading.group(1) not in seen:  # a repeated ID starts no section (KB109)
            starts.append((number, heading.group(1)))
            seen.add(heading.group(1))
    sources: dict[str, str] = {}
    for index, (start, section_id) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        chunk = lines[start:end]
        if section_id == INTRO_ID:  # the reader's `_intro` starts at its first line of text
            chunk = chunk[next((number for number, line in enumerate(chunk) if line.strip()), 0):]
        sources[section_id] = "\n".join(chunk)
    return sources

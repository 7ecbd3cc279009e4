"""Turn one file's bytes into a `PageContent`: decode, front matter, provenance, sections.

Pure: bytes and settings in, data out. The same bytes always give the same result, which is
what lets kbsync cache results by content hash (kbsync.checks.runner). Files are read in docs_tree.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from typing import Any, Callable

import yaml

from kbsync import __version__
from kbsync.languages import profile
from kbsync.reading.front_matter import FRONT_MATTER_RE, json_ready, split_front_matter
from kbsync.reading.language_id import distinguishes, identify, may_be, model_language
from kbsync.reading.fingerprints import VALUE_PATTERN
from kbsync.reading.markdown_reader import MarkdownReader
from kbsync.model import LOCAL_KEY, LocalEntry, MalformedEntry, PageContent, Problem, Provenance, Record
from kbsync.reading.page_text import decode_page
from kbsync.config import SiteConfig
from kbsync.reading.yaml_source import YamlSourceError, compose_mapping

PROVENANCE_KEY = "l10n"
FINGERPRINT_RE = re.compile(VALUE_PATTERN)  # any scheme's value (kbsync.reading.fingerprints)
SOURCE_SECTIONS_KEY = "source_sections"
# The per-section records beside the fingerprints, in the order kbsync writes them (model.Record).
RECORD_KEYS = ("translated", "reviewed", "acknowledged")


def content_key(data: bytes, lang: str, config: SiteConfig) -> str:
    """The hash of what a page's analysis depends on: its bytes, its language, how Markdown is read."""
    digest = hashlib.sha256(data)
    digest.update(f"\0{lang}\0{config.markdown_key}\0{__version__}".encode())
    return digest.hexdigest()


class Analyzer:
    """Holds what is expensive to build (the Markdown instance) across pages of one process."""

    def __init__(self, config: SiteConfig):
        self.config = config
        self.reader = MarkdownReader(config)

    def analyze(self, data: bytes, lang: str) -> PageContent:
        decoded = decode_page(data)
        if not decoded.readable:
            return PageContent(readable=False, problems=decoded.problems)
        front = split_front_matter(decoded.text)
        problems = list(decoded.problems)
        if front.error:
            problems.append(Problem("front-matter-yaml", front.error_line,
                                    f"{front.error}: fix the YAML between the `---` lines"))
        body = decoded.text[front.end:]
        is_source = lang == self.config.source_lang
        result = self.reader.read(body, front.body_line, lang, self._language_of(lang),
                                  fingerprints=is_source, local_sections=not is_source)
        return PageContent(
            readable=True, has_front_matter=front.present,
            front_matter=front.data, key_lines=front.key_lines,
            provenance=read_provenance(front.data, decoded.text), headings=result.headings,
            sections=result.sections, problems=tuple(problems) + result.problems,
            local_entries=read_local_entries(front.data, front.entry_lines, front.key_lines.get(LOCAL_KEY, 1)))

    def _language_of(self, lang: str) -> Callable[[str, list[str]], str | None] | None:
        """How to tell a paragraph's language from its text and its lowercase words on a page in
        `lang` (None on source pages). Only the source language matters: a paragraph that cannot
        be in it is not given to the model."""
        source = self.config.source_lang
        locales = self.config.locales
        if lang == source or model_language(lang) == model_language(source):
            return None
        source_code, source_profile = model_language(source), profile(source)

        def language_of(text: str, words: list[str]) -> str | None:
            if not may_be(source_profile, text, words) or not distinguishes(source, lang, locales):
                return None
            code = identify(text, locales)
            return source if code == source_code else code
        return language_of


def read_provenance(front_matter: dict[str, Any], text: str = "") -> Provenance | None:
    """The recorded fingerprints and records when the key has the form schemas/l10n.schema.json
    wants; None when it has not. An entry that is not in that form is kept in `malformed`, with
    its line in `text` (the page's text), so that it is reported and never silently dropped."""
    value = front_matter.get(PROVENANCE_KEY)
    if not isinstance(value, dict) or SOURCE_SECTIONS_KEY not in value \
            or not set(value) <= {SOURCE_SECTIONS_KEY, *RECORD_KEYS}:
        return None
    if not all(isinstance(entries, dict) for entries in value.values()):
        return None
    recorded: dict[str, str] = {}
    malformed: list[tuple[str, int, str, Any]] = []
    for position, (section_id, fingerprint) in enumerate(value[SOURCE_SECTIONS_KEY].items()):
        key = "" if section_id is None else str(section_id)
        if key and isinstance(fingerprint, str) and FINGERPRINT_RE.fullmatch(fingerprint):
            recorded[key] = fingerprint
        else:
            malformed.append((SOURCE_SECTIONS_KEY, position, key, fingerprint))
    records: dict[str, dict[str, Record]] = {}
    for name in RECORD_KEYS:
        records[name] = {}
        for position, (section_id, entry) in enumerate(value.get(name, {}).items()):
            key = "" if section_id is None else str(section_id)
            record = _record(entry)
            if key and record is not None:
                records[name][key] = record
            else:
                malformed.append((name, position, key, entry))
    if not malformed:
        return Provenance(recorded, **records)
    lines = {name: _entry_lines(text, len(value[name]), name) for name in {name for name, *_ in malformed}}
    return Provenance(recorded, tuple(
        MalformedEntry(key, _as_written(entry),
                       lines[name][0][position] if lines[name][0] else lines[name][1], name)
        for name, position, key, entry in malformed), **records)


def read_local_entries(front_matter: dict[str, Any], entry_lines: dict[tuple[str, str], int],
                       key_line: int) -> tuple[LocalEntry, ...]:
    """The entries of `local_sections` (section ID -> owner, review date, interval, group section it
    adds to), each with its line; a value not in the form the schema gives is None, for
    checks/local_sections.py to report. Not a mapping: no entries (that check reports the key)."""
    value = front_matter.get(LOCAL_KEY)
    if not isinstance(value, dict):
        return ()
    entries = []
    for section_id, fields in value.items():
        key = "" if section_id is None else str(section_id)
        fields = fields if isinstance(fields, dict) else {}
        owner, reviewed = fields.get("owner"), fields.get("last_reviewed")
        months, adds_to = fields.get("review_interval_months"), fields.get("adds_to")
        entries.append(LocalEntry(
            id=key, line=entry_lines.get((LOCAL_KEY, key), key_line),
            owner=owner.strip() if isinstance(owner, str) and owner.strip() else None,
            last_reviewed=reviewed if type(reviewed) is datetime.date else None,
            review_interval_months=months if type(months) is int and months >= 1 else None,
            adds_to=adds_to if isinstance(adds_to, str) and adds_to else None))
    return tuple(entries)


def _record(entry: Any) -> Record | None:
    """A record (`{by: NAME, date: DATE}`, with `reason` for an override) or None when malformed."""
    if not isinstance(entry, dict) or not {"by", "date"} <= set(entry) <= {"by", "date", "reason"}:
        return None
    by, on, reason = entry["by"], entry["date"], entry.get("reason")
    if not isinstance(by, str) or not by.strip() or type(on) is not datetime.date:
        return None
    if reason is not None and (not isinstance(reason, str) or not reason.strip()):
        return None
    return Record(by, on, reason)


def _entry_lines(text: str, count: int, name: str) -> tuple[list[int], int]:
    """The file line of each `l10n.<name>` entry, in order (empty when they cannot be told
    apart), and the line of `<name>` itself. Parsed again only for a page with a malformed
    entry, so the common case pays nothing for it."""
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        return [], 1
    try:
        node = compose_mapping(match.group(1), 2, "front matter")
    except YamlSourceError:
        return [], 1
    fallback = 1
    for step in (PROVENANCE_KEY, name):
        if not isinstance(node, yaml.MappingNode):
            return [], fallback
        pair = next(((key, value) for key, value in node.value if key.value == step), None)
        if pair is None:
            return [], fallback
        fallback, node = 2 + pair[0].start_mark.line, pair[1]
    if not isinstance(node, yaml.MappingNode) or len(node.value) != count:
        return [], fallback  # a merge key (`<<`) or the like: entries and lines do not pair up
    return [2 + key.start_mark.line for key, _ in node.value], fallback


def _as_written(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(json_ready(value), ensure_ascii=False)

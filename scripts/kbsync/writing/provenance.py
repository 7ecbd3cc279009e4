"""Set the `l10n` key of a page's front matter, leaving every other byte as it was.

A surgical text edit: the lines of the `l10n` key (or, when there is none, a new block at the
end of the front matter) are replaced, and nothing else; comments, key order, quoting, a BOM
and CRLF line endings stay. The result is parsed again and must hold exactly the old data with
the new provenance, or the edit is refused. Writing is left to the caller (atomically).
"""

from __future__ import annotations

import json
import re

import yaml

from kbsync.reading.analysis import PROVENANCE_KEY, SOURCE_SECTIONS_KEY
from kbsync.errors import InputError
from kbsync.model import Provenance, Record
from kbsync.reading.page_text import BOM, MAX_PAGE_BYTES
from kbsync.reading.yaml_source import YamlSourceError, compose_mapping, construct

FENCED_RE = re.compile(r"^---[ \t]*\r?\n(.*?\r?\n)(?:\.\.\.|---)[ \t]*\r?\n", re.S)
PLAIN_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def _key(section_id: str) -> str:
    plain = PLAIN_KEY_RE.match(section_id) and section_id.lower() not in YAML_WORDS
    return section_id if plain else json.dumps(section_id, ensure_ascii=False)


def provenance_lines(provenance: Provenance, indent: str, newline: str) -> str:
    recorded = provenance.source_sections
    if not recorded:
        lines = [f"{indent}{PROVENANCE_KEY}:", f"{indent}  {SOURCE_SECTIONS_KEY}: {{}}"]
    else:
        lines = [f"{indent}{PROVENANCE_KEY}:", f"{indent}  {SOURCE_SECTIONS_KEY}:"]
        # Always quoted: unquoted, YAML 1.1 reads `2:0123` as a number (base 60) and `1e10` as a float.
        lines += [f'{indent}    {_key(section_id)}: "{fingerprint}"'
                  for section_id, fingerprint in recorded.items()]
    for name, records in provenance.records().items():
        if records:
            lines.append(f"{indent}  {name}:")
            lines += [f"{indent}    {_key(section_id)}: {_record(record)}"
                      for section_id, record in records.items()]
    return newline.join(lines) + newline


def _record(record: Record) -> str:
    """One record as a flow mapping on one line; text JSON-quoted (valid YAML, any character)."""
    parts = [f"by: {json.dumps(record.by, ensure_ascii=False)}", f"date: {record.date.isoformat()}"]
    if record.reason is not None:
        parts.append(f"reason: {json.dumps(record.reason, ensure_ascii=False)}")
    return "{" + ", ".join(parts) + "}"


def provenance_data(provenance: Provenance) -> dict:
    """What the `l10n` key holds once written, as YAML reads it back."""
    data: dict = {SOURCE_SECTIONS_KEY: dict(provenance.source_sections)}
    for name, records in provenance.records().items():
        if records:
            data[name] = {section_id: {"by": record.by, "date": record.date,
                                       **({"reason": record.reason} if record.reason is not None else {})}
                          for section_id, record in records.items()}
    return data


def set_provenance(data: bytes, provenance: Provenance | dict[str, str], shown: str) -> bytes:
    """`data` with its `l10n` key recording `provenance` (a bare map of fingerprints records
    them without records); an InputError if it cannot be done safely."""
    if not isinstance(provenance, Provenance):
        provenance = Provenance(dict(provenance))
    recorded = provenance
    if len(data) > MAX_PAGE_BYTES or b"\x00" in data:
        raise InputError("not a page kbsync edits (binary or larger than 1 MiB)", path=shown)
    bom = data.startswith(BOM)
    try:
        text = data[len(BOM) if bom else 0:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError("not valid UTF-8: save the file as UTF-8", path=shown,
                         line=data[:error.start].count(b"\n") + 1) from error
    match = FENCED_RE.match(text)
    if match is None:
        if text.startswith("---"):
            raise InputError("front matter has no closing `---` line", path=shown, line=1,
                             hint="close it, then run the command again")
        newline = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
        edited = f"---{newline}{provenance_lines(recorded, '', newline)}---{newline}{text}"
    else:
        edited = text[:match.start(1)] + _edit_block(match.group(1), recorded, shown) + text[match.end(1):]
    _verify(text, edited, recorded, shown)
    return (BOM if bom else b"") + edited.encode("utf-8")


def _edit_block(block: str, recorded: Provenance, shown: str) -> str:
    newline = "\r\n" if "\r\n" in block else "\n"
    lines = block.splitlines(keepends=True)
    node = _compose(block, shown)
    if node is None:
        return block + provenance_lines(recorded, "", newline)
    if node.flow_style:
        raise InputError("front matter is written as a `{...}` flow mapping; kbsync edits "
                         "`key: value` lines only", path=shown, line=2)
    starts = [(key.value, key.start_mark.line, key.start_mark.column) for key, _ in node.value]
    if len({line for _, line, _ in starts}) != len(starts):
        raise InputError("front matter has two keys on one line; put each key on its own line",
                         path=shown, line=2)
    indent = " " * starts[0][2]
    for position, (key, line, column) in enumerate(starts):
        if key != PROVENANCE_KEY:
            continue
        end = starts[position + 1][1] if position + 1 < len(starts) else len(lines)
        while end > line + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1  # comments and blank lines before the next key belong to that key
        new = provenance_lines(recorded, " " * column, newline)
        return "".join(lines[:line]) + new + "".join(lines[end:])
    return block + provenance_lines(recorded, indent, newline)


def _compose(block: str, shown: str) -> yaml.MappingNode | None:
    try:
        return compose_mapping(block.replace("\r\n", "\n"), 2, "front matter")
    except YamlSourceError as error:
        raise InputError(error.message, path=shown, line=error.line,
                         hint="fix the YAML; the file was not changed") from error


def _data(text: str, shown: str) -> dict:
    match = FENCED_RE.match(text)
    if match is None:
        return {}
    node = _compose(match.group(1), shown)
    if node is None:
        return {}
    try:
        return construct(node, 2, "front matter")
    except YamlSourceError as error:
        raise InputError(error.message, path=shown, line=error.line) from error


def _verify(before: str, after: str, recorded: Provenance, shown: str) -> None:
    old, new = _data(before, shown), _data(after, shown)
    old.pop(PROVENANCE_KEY, None)
    written = new.pop(PROVENANCE_KEY, None)
    if old != new or written != provenance_data(recorded):
        raise InputError("kbsync could not edit this front matter without changing other keys; "
                         "the file was not changed", path=shown, line=1,
                         hint="move `l10n` to the end of the front matter as a block mapping")

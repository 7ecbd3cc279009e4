"""Find and parse a page's YAML front matter, with the line of every top-level key and of the
entries of top-level mappings (`local_sections: {local-x: ...}`).

The block is found with MkDocs' own pattern and read with the loader MkDocs uses (see
kbsync.reading.yaml_source), so kbsync sees what the site sees. ruamel.yaml's round-trip loader would
give the same data ten times slower, and a cold check parses every page; edits are surgical
text edits (kbsync.writing.provenance), which keep bytes that no YAML dumper keeps.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kbsync.reading.yaml_source import YamlSourceError, compose_mapping, construct

# mkdocs.utils.meta.YAML_RE
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
WHAT = "front matter"
OPENING_RE = re.compile(r"^-{3}[ \t]*\n")


@dataclass(frozen=True)
class FrontMatter:
    """`end` is the offset and `body_line` the file line where the Markdown starts."""

    present: bool
    data: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    # (top-level key, entry) -> line, for the entries of top-level mappings
    entry_lines: dict[tuple[str, str], int] = field(default_factory=dict)
    end: int = 0
    body_line: int = 1
    error: str | None = None
    error_line: int = 1


def split_front_matter(text: str) -> FrontMatter:
    """Parse the front matter of LF text. A YAML error is reported in `error`, never raised."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        if OPENING_RE.match(text):
            # MkDocs would render the whole block as text, fingerprints and all.
            return FrontMatter(present=True, error="the front matter has no closing `---` line", error_line=1)
        return FrontMatter(present=False)
    block = match.group(1)
    body_line = text[:match.end()].count("\n") + 1
    try:
        node = compose_mapping(block, 2, WHAT)
        data = construct(node, 2, WHAT) if node is not None else {}
    except YamlSourceError as error:
        return FrontMatter(present=True, end=match.end(), body_line=body_line,
                           error=error.message, error_line=error.line)
    key_lines = {key.value: 2 + key.start_mark.line for key, _ in node.value} if node else {}
    entry_lines = {(key.value, entry.value): 2 + entry.start_mark.line
                   for key, value in (node.value if node else ()) if isinstance(value, yaml.MappingNode)
                   for entry, _ in value.value if isinstance(entry, yaml.ScalarNode)}
    return FrontMatter(present=True, data=data, key_lines=key_lines, entry_lines=entry_lines,
                       end=match.end(), body_line=body_line)


def json_ready(value: Any) -> Any:
    """Front matter values as JSON Schema sees them: dates as ISO text."""
    if isinstance(value, dict):
        return {str(key): json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_ready(item) for item in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value

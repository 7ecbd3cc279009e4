"""YAML with line numbers: the loader kbsync reads front matter and the termbase with.

PyYAML's C SafeLoader, the loader MkDocs uses for front matter, so kbsync reads what the site
reads; node marks give the line of every key for messages like `file:line: key: ...`.

What it reads is bounded: anchors and aliases (`&name`, `*name`) are refused, because aliases let
a few lines stand for an exponential tree ("billion laughs") that every later step would walk;
and nesting deeper than `MAX_DEPTH` is refused before the node tree is built, because libyaml
builds it recursively (a deep enough `[[[...` crashes the process) and scans deep flow
collections in quadratic time. Both are found on libyaml's event stream, which is iterative,
and only for text that could hold them (`_may_exceed`), so a plain front matter pays nothing.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor


class SourceLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that keeps an impossible date (`2024-13-01`) as text for the schema to report."""


def _timestamp(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


SourceLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class YamlSourceError(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


#: The deepest nesting of mappings and sequences accepted (front matter needs 3, the termbase 5).
MAX_DEPTH = 20
# Each level of block nesting starts a line further in, after spaces and `- ` or `? ` indicators.
_LINE_START = re.compile(r"^[ \t?:-]*", re.M)


def compose_mapping(text: str, first_line: int, what: str) -> yaml.MappingNode | None:
    """The node tree of YAML text that must be a mapping with unique plain keys (None if empty)."""
    if _may_exceed(text):
        _check_bounds(text, first_line, what)
    loader = SourceLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        # Where the broken construct starts (an unclosed `[`) says more than where it broke.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = (getattr(error, "problem", None) or str(error)).splitlines()[0]
        raise YamlSourceError(f"{what} is not valid YAML: {problem}", line) from error
    finally:
        loader.dispose()
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        raise YamlSourceError(f"{what} should be a mapping of `key: value` lines",
                              first_line + node.start_mark.line)
    _unique_keys(node, first_line, what)
    return node


def _may_exceed(text: str) -> bool:
    """Whether `text` may hold an anchor, an alias or nesting deeper than MAX_DEPTH (a cheap
    upper bound: each level needs a bracket or a line that starts further in)."""
    if "&" in text or "*" in text:
        return True
    brackets = text.count("[") + text.count("{")
    indent = max((len(match.group()) for match in _LINE_START.finditer(text)), default=0)
    return brackets + indent + 1 > MAX_DEPTH


def _check_bounds(text: str, first_line: int, what: str) -> None:
    """Refuse anchors, aliases and deep nesting, reading libyaml's events (no tree is built)."""
    loader = SourceLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = first_line + event.start_mark.line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                raise YamlSourceError(
                    f"{what} uses the YAML {'alias' if sign == '*' else 'anchor'} `{sign}{event.anchor}`: "
                    "anchors and aliases are not allowed here; write the value out", line)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlSourceError(f"{what} nests mappings and lists more than {MAX_DEPTH} "
                                          "levels deep: flatten it", line)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # composing reports the error, with its line
    finally:
        loader.dispose()


def _unique_keys(node: yaml.MappingNode, first_line: int, what: str) -> None:
    seen: dict[str, int] = {}
    for key, value in node.value:
        line = first_line + key.start_mark.line
        if not isinstance(key, yaml.ScalarNode):
            raise YamlSourceError(f"{what} keys should be plain names like `title`", line)
        if key.value in seen:
            raise YamlSourceError(f"{what} has the key `{key.value}` twice "
                                  f"(lines {seen[key.value]} and {line})", line)
        seen[key.value] = line
        if isinstance(value, yaml.MappingNode):
            _unique_keys(value, first_line, what)


def construct(node: yaml.Node, first_line: int, what: str) -> Any:
    loader = SourceLoader("")
    try:
        return loader.construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise YamlSourceError(f"{what} is not valid YAML: {error}", first_line) from error
    finally:
        loader.dispose()


def line_at(node: yaml.Node, path: list[str | int], first_line: int) -> int:
    """The line of the deepest node on `path` (keys and list indexes) that exists."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next((value for key, value in node.value if key.value == step), None)
            if match is None:
                key_node = next((key for key, _ in node.value if key.value == step), None)
                return first_line + (key_node or node).start_mark.line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
    return first_line + node.start_mark.line

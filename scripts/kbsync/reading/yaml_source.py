"""YAML with line numbers: the loader kbsync reads front matter and the termbase with.

PyYAML's C SafeLoader, the loader MkDocs uses for front matter, so kbsync reads what the site
reads; node marks give the line of every key for messages like `file:line: key: ...`.
"""

from __future__ import annotations

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


def compose_mapping(text: str, first_line: int, what: str) -> yaml.MappingNode | None:
    """The node tree of YAML text that must be a mapping with unique plain keys (None if empty)."""
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

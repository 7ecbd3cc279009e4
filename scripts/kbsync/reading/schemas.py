"""The JSON Schemas kbsync validates with, and their errors as messages a user can act on.

The schema files live in kbsync/schemas/ and are also the documentation of the formats.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

REQUIRED_RE = re.compile(r"^'(.+)' is a required property$")


@dataclass(frozen=True)
class SchemaProblem:
    path: tuple[str | int, ...]
    message: str

    @property
    def key_path(self) -> str:
        return format_path(self.path)


def format_path(path: tuple[str | int, ...] | list[str | int]) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def load_schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("kbsync").joinpath("schemas", name).read_text("utf-8"))


def _inline_references(schema: Any) -> Any:
    """The schema with `{"$ref": "other.schema.json"}` replaced by that file's schema.

    The files stay separate for reading; validation through a registry look-up per instance
    was most of the cost of checking every page's front matter.
    """
    if isinstance(schema, list):
        return [_inline_references(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    reference = schema.get("$ref", "")
    if reference.endswith(".schema.json"):
        embedded = _inline_references(load_schema(reference))
        embedded.pop("$id")
        embedded.pop("$schema", None)
        return {**embedded, **{key: value for key, value in schema.items() if key != "$ref"}}
    return {key: _inline_references(value) for key, value in schema.items()}


@functools.lru_cache(maxsize=None)
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(_inline_references(load_schema(name)),
                                format_checker=FormatChecker())


def validate(name: str, instance: Any) -> list[SchemaProblem]:
    validator = _validator(name)
    root = validator.schema
    problems = []
    for error in sorted(validator.iter_errors(instance), key=lambda item: list(map(str, item.path))):
        path = tuple(error.absolute_path)
        required = REQUIRED_RE.match(error.message) if error.validator == "required" else None
        if required:
            path = (*path, required.group(1))
            description = (error.schema.get("properties", {}).get(required.group(1), {})
                           .get("description"))
            message = "is missing"
        else:
            description = error.schema.get("description")
            message = error.message
        if description is None and path and isinstance(path[0], str):
            description = root.get("properties", {}).get(path[0], {}).get("description")
        expected = f"; expected {description}" if description else ""
        problems.append(SchemaProblem(path, f"{message}{expected}"))
    return problems

"""Load and validate the termbase (``docs/termbase.yml``): one file, every language.

Shared by the terms check and the site's glossary. Reading only; it never writes the file.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError


_CONCEPT_KEYS = {"id", "abbreviation"}


class TermbaseError(Exception):
    """The termbase cannot be used; the message names the file, line and fix."""


def load_termbase(path: Path, locales: list[str] | None = None) -> dict:
    """Return ``{"version": 1, "concepts": [...]}`` or raise ``TermbaseError``.

    With ``locales``, every concept must give a ``term`` for each of them.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TermbaseError(f"{path}: not found; create it (see scripts/kbsync/README.md, 'Termbase')") from None
    except (OSError, UnicodeDecodeError) as error:
        raise TermbaseError(f"{path}: cannot be read as UTF-8 text ({error})") from None
    try:
        data = YAML(typ="rt").load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise TermbaseError(f"{path}{line}: invalid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        raise TermbaseError(f"{path}:1: expected a mapping with 'version: 1' and a 'concepts:' list")
    seen: dict[str, int] = {}
    for index, concept in enumerate(data["concepts"]):
        where = f"{path}:{_line(data['concepts'], index)}"
        if not isinstance(concept, dict) or not isinstance(concept.get("id"), str):
            raise TermbaseError(f"{where}: concepts[{index}] needs an 'id' like 'nps'")
        cid = concept["id"]
        if cid in seen:
            raise TermbaseError(f"{where}: concepts[{index}].id '{cid}' is already used on line {seen[cid]}; IDs must be unique")
        seen[cid] = _line(data["concepts"], index)
        for locale in locales or [k for k in concept if k not in _CONCEPT_KEYS]:
            entry = concept.get(locale)
            if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) or not entry["term"].strip():
                raise TermbaseError(f"{where}: concepts[{cid}].{locale}.term is missing; expected {locale}: {{term: ...}}")
            for key in ("variants", "forbidden"):
                value = entry.get(key, [])
                if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                    raise TermbaseError(f"{where}: concepts[{cid}].{locale}.{key} should be a list of strings like [a, b]")
    return data


def _line(sequence, index: int) -> int:
    try:
        return sequence.lc.item(index)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return 1

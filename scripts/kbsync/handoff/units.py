"""The plain data of a hand-off: translation units, their IDs and states.

A unit is one sentence of a source block (`p2.s1`: block 2 of the section, sentence 1), or a
whole block (`p2`) where the block's sentences do not pair up with the translation's, or a
front matter value of a missing page (`front:title`). Its ID names the page and the section:
`guidelines/service-quality.md#basics/p2.s1`. Each unit carries the fingerprint of its
section's source when it was exported, so that an import refuses a section whose source has
changed since.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass

from kbsync.handoff.inline import Token

FRONT_SECTION = "front"
# The front matter keys of a source page offered for a missing page, in this order.
FRONT_KEYS = ("title", "description", "owner")
UNIT_ID_RE = re.compile(r"^(?P<page>[^#]+\.md)#(?:(?P<section>[^/#]+)/p(?P<block>[1-9][0-9]*)"
                        r"(?:\.s(?P<sentence>[1-9][0-9]*))?|front:(?P<key>[a-z_]+))$")


class UnitState(str, enum.Enum):
    NEW = "new"  # nothing to start from: translate
    FUZZY = "fuzzy"  # the source changed: the previous translation is a suggestion to revise
    TRANSLATED = "translated"  # the source did not change: the current translation, pre-filled


@dataclass(frozen=True)
class Unit:
    """One segment to translate. `source` and `target` are tokens whose codes are numbered from 1
    (the same numbers in both); `previous_source` is the source text the previous translation
    was made from (a fuzzy unit), with its own numbering."""

    id: str
    page: str
    section: str
    fingerprint: str
    line: int
    source: tuple[Token, ...]
    state: UnitState
    target: tuple[Token, ...] | None = None
    previous_source: tuple[Token, ...] | None = None
    note: str | None = None


@dataclass(frozen=True)
class UnitId:
    """A unit ID taken apart: `block`/`sentence` for a section's unit, `key` for front matter."""

    page: str
    section: str
    block: int | None = None
    sentence: int | None = None
    key: str | None = None

    @classmethod
    def parse(cls, text: str) -> UnitId | None:
        match = UNIT_ID_RE.match(text)
        if match is None:
            return None
        if match.group("key"):
            return cls(match.group("page"), FRONT_SECTION, key=match.group("key"))
        sentence = match.group("sentence")
        return cls(match.group("page"), match.group("section"), int(match.group("block")),
                   int(sentence) if sentence else None)


def unit_id(page: str, section: str, block: int, sentence: int | None = None) -> str:
    return f"{page}#{section}/p{block}" + (f".s{sentence}" if sentence is not None else "")


def front_id(page: str, key: str) -> str:
    return f"{page}#{FRONT_SECTION}:{key}"


def value_fingerprint(value: str) -> str:
    """The fingerprint of a front matter value: it stands where a section's fingerprint stands."""
    return "fm:" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class FileUnit:
    """A unit as an import file gives it back: `target` is None when it has none; its codes are
    known only by number (`Code.kind` names the element or placeholder it was written as) until
    the importer gives them the source's markup. `confirmed`: the translator has confirmed the
    target (not fuzzy, not `needs-...`). `problem`: why the target could not be read."""

    id: str
    line: int
    target: tuple[Token, ...] | None
    fingerprint: str | None
    confirmed: bool = True
    problem: str | None = None


@dataclass(frozen=True)
class ImportFile:
    """An import file's units; `langs`: the target languages it declares."""

    path: str
    format: str
    langs: list[str]
    units: tuple[FileUnit, ...]

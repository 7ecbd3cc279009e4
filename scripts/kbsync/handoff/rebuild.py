"""Translated sections back into a page: the section's skeleton from the current source, the
translator's text in its holes, and exactly those lines replaced in the translation.

Every line outside the replaced sections keeps its bytes (its CRLF, the page's BOM); a section new
in the source is inserted before the next section the translation has, in source order. A
missing page is made from the source page: its front matter with `title`, `description` and
`owner` translated (and the source-only keys `section_aliases` and `retired_sections` left out),
every section translated. Writes nothing: kbsync.handoff.importing stages the bytes.
"""

from __future__ import annotations

import json
import re

from kbsync.errors import InputError
from kbsync.handoff.inline import Token, render
from kbsync.handoff.memory import translatable
from kbsync.handoff.segments import segment_section, sentences
from kbsync.model import FORMER_KEYS, Section
from kbsync.reading.figures import extract_figures
from kbsync.reading.front_matter import FRONT_MATTER_RE
from kbsync.reading.page_text import BOM
from kbsync.reading.yaml_source import YamlSourceError, compose_mapping, construct

PLAIN_SCALAR_RE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#\n]*$")


def section_text(source: Section, source_lang: str, lang: str, translation: Section | None,
                 targets: dict[tuple[int, int | None], tuple[Token, ...]]) -> str:
    """The section's Markdown in `lang`: the source's skeleton, each translatable block from its
    units (`targets[(block, sentence)]`, sentence None: the whole block), each block of figures
    only from the translation when its figures still agree (else from the source)."""
    current = segment_section(source.raw, source.line)
    theirs = _aligned(current, translation)
    texts = []
    for position, block in enumerate(current.blocks):
        if not translatable(block):
            kept = theirs[position] if theirs is not None else None
            same = kept is not None and _figures(kept, lang) == _figures(block.text, source_lang)
            texts.append(kept if same else block.text)
            continue
        whole = targets.get((block.number, None))
        if whole is not None:
            texts.append(render(whole))
            continue
        split = sentences(block.text, source_lang)
        texts.append(split.join([render(targets[block.number, number + 1])
                                 for number in range(len(split.items))]))
    return current.rebuild(texts)


def _aligned(current, translation: Section | None) -> list[str] | None:
    """The translation's block texts, when its blocks pair with the source's kind by kind."""
    if translation is None:
        return None
    blocks = segment_section(translation.raw, translation.line).blocks
    if [block.kind for block in blocks] != [block.kind for block in current.blocks]:
        return None
    return [block.text for block in blocks]


def _figures(text: str, lang: str) -> list[str]:
    return sorted(figure.value for figure in extract_figures(text, lang, 1))


class PageText:
    """A page's text as lines, edited by file line numbers; `bytes()` gives it back with every
    untouched line as it was."""

    def __init__(self, data: bytes):
        self.bom = data.startswith(BOM)
        text = data[len(BOM) if self.bom else 0:].decode("utf-8")
        self.lines = text.split("\n")  # a line keeps its "\r" here; the reader's lines do not
        self.crlf = any(line.endswith("\r") for line in self.lines[:-1])

    def replace(self, start: int, end: int, text: str) -> None:
        """Lines `start`..`end` (1-based, inclusive; LF text as kbsync reads it) become `text`."""
        new = text.split("\n")
        last = end == len(self.lines)
        ending = "\r" if self.crlf else ""
        self.lines[start - 1:end] = [line + ending if not (last and number == len(new) - 1) else line
                                     for number, line in enumerate(new)]

    def insert(self, before: int, text: str) -> None:
        """`text` (a section) inserted before line `before`, a heading (past the last line: at
        the end), with a blank line on either side."""
        new = text.split("\n")
        while new and not new[-1].strip():
            new.pop()
        at_end = before > len(self.lines) or (before == len(self.lines) and self.lines[-1] == "")
        if at_end:  # the file's final newline stays last
            at = len(self.lines) - 1 if self.lines[-1] == "" else len(self.lines)
        else:
            at = before - 1
            new.append("")  # the blank line before the next heading
        if at > 0 and self.lines[at - 1].strip():
            new.insert(0, "")
        ending = "\r" if self.crlf else ""
        followed = at < len(self.lines)  # a newline follows the last inserted line
        self.lines[at:at] = [line + ending if followed or number < len(new) - 1 else line
                             for number, line in enumerate(new)]

    def bytes(self) -> bytes:
        return (BOM if self.bom else b"") + "\n".join(self.lines).encode("utf-8")


def translated_front_matter(data: bytes, values: dict[str, str], shown: str) -> bytes:
    """A source page's bytes with the front matter keys of `values` set to the translated
    values, and the source-only keys (`section_aliases`, `retired_sections`) left out. Each key's
    lines are replaced, nothing else; the result must parse to exactly that."""
    text = data.decode("utf-8-sig")
    match = FRONT_MATTER_RE.match(text.replace("\r\n", "\n"))
    if match is None:
        raise InputError("the source page has no front matter to translate", path=shown, line=1)
    block = match.group(1)
    try:
        node = compose_mapping(block, 2, "front matter")
        before = construct(node, 2, "front matter") if node is not None else {}
    except YamlSourceError as error:
        raise InputError(error.message, path=shown, line=error.line) from error
    lines = block.split("\n")
    starts = [(key.value, key.start_mark.line) for key, _ in node.value] if node is not None else []
    edits: list[tuple[int, int, list[str]]] = []
    for position, (key, line) in enumerate(starts):
        end = starts[position + 1][1] if position + 1 < len(starts) else len(lines) - 1
        if key in FORMER_KEYS:
            edits.append((line, end, []))
        elif key in values:
            edits.append((line, end, [f"{key}: {_scalar(values[key])}"]))
    for start, end, new in reversed(edits):
        lines[start:end] = new
    edited = "\n".join(lines)
    after = construct(compose_mapping(edited, 2, "front matter"), 2, "front matter")
    expected = {key: values.get(key, value) for key, value in before.items() if key not in FORMER_KEYS}
    if after != expected:
        raise InputError("the translated front matter would not hold the source's keys; nothing was "
                         "written", path=shown, line=2, hint="write the source's front matter as `key: value` lines")
    return ("---\n" + edited + text.replace("\r\n", "\n")[match.end(1):]).encode("utf-8")


def _scalar(value: str) -> str:
    """A YAML scalar for `value`: plain where YAML reads it back as the same text, else quoted."""
    if PLAIN_SCALAR_RE.match(value) and ": " not in value and value == value.strip() \
            and value.lower() not in {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"} \
            and not re.fullmatch(r"[-+.0-9:eE_]+", value):
        return value
    return json.dumps(value, ensure_ascii=False)

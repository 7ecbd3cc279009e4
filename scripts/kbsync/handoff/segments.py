"""A section's Markdown as a skeleton with holes: the blocks a translator translates, in sentences.

`segment_section` reads the section's source lines as blocks: heading text (never its `{#id}`),
paragraphs, list items (the marker stays in the skeleton), table cells (separator rows are
skeleton), admonition titles and bodies, definition terms and definitions, the expansion of an
abbreviation (`*[NPS]: ...`). Code blocks, HTML comments, lines of HTML tags only, link
definitions and rules are skeleton. `SectionText.rebuild` fills the holes with other texts and
gives the section's Markdown back; with the blocks' own texts it gives the section exactly, but
for a paragraph wrapped over several lines, which comes back on one line (a soft line break is a
space to every reader).

`sentences` splits a block's tokens with translate-toolkit's rules for the language, after
protecting the dots that end no sentence: the profile's abbreviations (`z. B.`), initials
(`F. F. Reichheld`) and a day before a month name (`1. März`). A sentence never ends inside a
link or emphasis.

Hand-written because the Markdown libraries give no source spans for blocks, and
translate-toolkit's Markdown store does not know the site's extensions (attr_list, admonition,
def_list, abbr, md_in_html). Linear in the section's lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kbsync.handoff.inline import Close, Open, Token, merge_text, strip_edges, tokenize
from kbsync.languages import profile_or_none

FENCE_RE = re.compile(r"^(`{3,}|~{3,})")
HEADING_RE = re.compile(r"^(#{1,6}[ \t]+)(.*?)((?:[ \t]*\{[^{}\n]*\})?[ \t]*(?:#+[ \t]*)?)$")
ADMONITION_RE = re.compile(r'^((?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*[ \t]+")(.*)("[ \t]*)$')
ADMONITION_PLAIN_RE = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*[ \t]*$")
HR_RE = re.compile(r"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
LIST_RE = re.compile(r"^((?:[-*+]|[0-9]{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(.*)$")
DEFINITION_RE = re.compile(r"^(:[ \t]+)(.*)$")
ABBREVIATION_RE = re.compile(r"^(\*\[[^\]]+\]:[ \t]*)(.*)$")
LINK_DEFINITION_RE = re.compile(r"^\[[^\]]+\]:[ \t]*\S")
QUOTE_RE = re.compile(r"^[ ]{0,3}>[ ]?")
TAGS_ONLY_RE = re.compile(r"^(?:</?[A-Za-z][^<>]*>[ \t]*)+$")
ATTRIBUTES_LINE_RE = re.compile(r"^\{:?[^{}]*\}[ \t]*$")
TABLE_SEPARATOR_RE = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# A period is protected by this character while sentences are split (a private-use code point).
KEPT_DOT = "\ue0f0"
# Codes stand in the text given to the sentence splitter as one private-use character each.
CODE_BASE = 0xF0000
MAX_CODES = 60000


@dataclass(frozen=True)
class Block:
    """A translatable block of a section: `number` counts from 1 in the section, `text` is its
    Markdown (lines of a wrapped paragraph joined by a space), `line` the file line it starts on."""

    number: int
    kind: str  # heading, paragraph, item, cell, title, term, definition, abbreviation
    text: str
    line: int


@dataclass(frozen=True)
class SectionText:
    """A section's Markdown as skeleton pieces (text, or the index of a block in `blocks`)."""

    pieces: tuple[str | int, ...]
    blocks: tuple[Block, ...]

    def rebuild(self, texts: list[str] | tuple[str, ...]) -> str:
        """The section with block `i` replaced by `texts[i]`."""
        return "".join(texts[piece] if isinstance(piece, int) else piece for piece in self.pieces)


class _Builder:
    def __init__(self) -> None:
        self.lines: list[list[str | int]] = []
        self.blocks: list[Block] = []
        self.texts: list[list[str]] = []

    def line(self, pieces: list[str | int]) -> None:
        self.lines.append(pieces)

    def hole(self, kind: str, text: str, line: int) -> int:
        self.blocks.append(Block(len(self.blocks) + 1, kind, "", line))
        self.texts.append([text])
        return len(self.blocks) - 1

    def result(self) -> SectionText:
        pieces: list[str | int] = []
        for number, line in enumerate(self.lines):
            if number:
                pieces.append("\n")
            pieces.extend(line)
        # The skeleton's strings between two holes as one, joined once (adding each line to the
        # last string was quadratic in a long code block: 2.8 MB of indented code took 23 s).
        merged: list[str | int] = []
        run: list[str] = []
        for piece in pieces + [-1]:
            if isinstance(piece, str):
                run.append(piece)
                continue
            if "".join(run):
                merged.append("".join(run))
            run.clear()
            if piece != -1:
                merged.append(piece)
        blocks = tuple(Block(block.number, block.kind, " ".join(self.texts[index]), block.line)
                       for index, block in enumerate(self.blocks))
        return SectionText(tuple(merged), blocks)


def segment_section(raw: str, first_line: int) -> SectionText:
    """The skeleton and blocks of a section's Markdown `raw`, whose first line is `first_line`."""
    builder = _Builder()
    lines = raw.split("\n")
    fence: str | None = None
    comment = False
    table = False
    container = False  # inside a list item, admonition or definition: indented lines belong to it
    open_block: int | None = None  # the block a following line continues (a wrapped paragraph)
    open_depth = 0
    previous_blank = True
    for index, text in enumerate(lines):
        number = first_line + index
        quote, body = _quote(text)
        depth = quote.count(">")
        stripped = body.lstrip(" \t")
        indent = body[:len(body) - len(stripped)]
        if fence is not None:
            builder.line([text])
            if stripped.startswith(fence) and not stripped.strip(fence[0]).strip():
                fence = None
            previous_blank = False
            continue
        if comment:
            builder.line([text])
            comment = "-->" not in text
            continue
        if not stripped.strip():
            builder.line([text])
            open_block, table, previous_blank = None, False, True
            continue
        lead = quote + indent
        columns = len(indent.expandtabs(4))
        if columns >= 4 and not container and (previous_blank or open_block is None) and not table:
            builder.line([text])  # indented code
            previous_blank = False
            continue
        fenced = FENCE_RE.match(stripped)
        if fenced:
            fence = fenced.group(1)
            builder.line([text])
            open_block, previous_blank = None, False
            continue
        if stripped.startswith("<!--"):
            builder.line([text])
            comment = "-->" not in stripped
            open_block, previous_blank = None, False
            continue
        if columns < 4 and depth == 0 and not _starts_container(stripped):
            container = False
        next_text = lines[index + 1] if index + 1 < len(lines) else ""
        if "|" in stripped and (table or TABLE_SEPARATOR_RE.match(_quote(next_text)[1].strip())):
            table = True
            open_block = None
            if TABLE_SEPARATOR_RE.match(stripped.rstrip()):
                builder.line([text])
            else:
                builder.line([lead, *_cells(builder, stripped, number)])
            previous_blank = False
            continue
        table = False
        kind, head, content, tail = _classify(stripped)
        if kind in ("item", "title", "definition"):
            container = True
        if kind == "paragraph" and open_block is not None and not previous_blank and depth == open_depth:
            builder.texts[open_block].append(content.strip())  # a wrapped line continues the block
            builder.line([])
            builder.lines[-2].extend(builder.lines.pop())  # no line of its own in the rebuild
            previous_blank = False
            continue
        content, trailing = _split_trailing(content)
        if kind == "skeleton" or not content:
            builder.line([text])
            open_block = None
        else:
            hole = builder.hole(kind, content, number)
            builder.line([lead + head, hole, trailing + tail])
            open_block = hole if kind in ("paragraph", "item", "definition", "term") else None
            open_depth = depth
        previous_blank = False
    result = builder.result()
    return _with_terms(result)


def _starts_container(stripped: str) -> bool:
    return bool(LIST_RE.match(stripped) or DEFINITION_RE.match(stripped)
                or ADMONITION_RE.match(stripped) or ADMONITION_PLAIN_RE.match(stripped))


def _quote(text: str) -> tuple[str, str]:
    """(the `>` markers at the start of a line, the rest)."""
    quote = ""
    while True:
        match = QUOTE_RE.match(text)
        if match is None:
            return quote, text
        quote += match.group()
        text = text[match.end():]


def _classify(stripped: str) -> tuple[str, str, str, str]:
    """(kind, skeleton before the text, the text, skeleton after it) of a line without indent."""
    match = HEADING_RE.match(stripped)
    if match:
        return "heading", match.group(1), match.group(2), match.group(3)
    match = ADMONITION_RE.match(stripped)
    if match:
        return "title", match.group(1), match.group(2), match.group(3)
    if ADMONITION_PLAIN_RE.match(stripped) or HR_RE.match(stripped) or LINK_DEFINITION_RE.match(stripped) \
            or TAGS_ONLY_RE.match(stripped) or ATTRIBUTES_LINE_RE.match(stripped):
        return "skeleton", "", "", ""
    match = ABBREVIATION_RE.match(stripped)
    if match:
        return "abbreviation", match.group(1), match.group(2), ""
    match = DEFINITION_RE.match(stripped)
    if match:
        return "definition", match.group(1), match.group(2), ""
    match = LIST_RE.match(stripped)
    if match:
        return "item", match.group(1), match.group(2), ""
    return "paragraph", "", stripped, ""


def _split_trailing(content: str) -> tuple[str, str]:
    """(the text, its trailing whitespace: a hard line break stays in the skeleton)."""
    text = content.rstrip(" \t")
    return text, content[len(text):]


def _cells(builder: _Builder, row: str, number: int) -> list[str | int]:
    """The pieces of a table row: pipes and padding are skeleton, each cell's text a hole."""
    pieces: list[str | int] = []
    start = 0
    index = 0
    in_code = False
    while index <= len(row):
        char = row[index] if index < len(row) else "|"
        if char == "\\" and index + 1 < len(row):
            index += 2
            continue
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code or index == len(row):
            cell = row[start:index]
            text = cell.strip(" \t")
            if text:
                before = cell[:len(cell) - len(cell.lstrip(" \t"))]
                after = cell[len(before) + len(text):]
                pieces += [before, builder.hole("cell", text, number), after]
            else:
                pieces.append(cell)
            if index < len(row):
                pieces.append("|")
            start = index + 1
        index += 1
    return pieces


def _with_terms(result: SectionText) -> SectionText:
    """A paragraph right before a definition is a definition term."""
    blocks = list(result.blocks)
    for position in range(len(blocks) - 1):
        block, following = blocks[position], blocks[position + 1]
        if block.kind == "paragraph" and following.kind == "definition":
            blocks[position] = Block(block.number, "term", block.text, block.line)
    return SectionText(result.pieces, tuple(blocks))


# -- sentences --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sentences:
    """A block's sentences (tokens, codes numbered block-wide) and the whitespace around them:
    `gaps[0]` before the first, `gaps[i]` between sentence i-1 and i, `gaps[-1]` after the last."""

    items: tuple[tuple[Token, ...], ...]
    gaps: tuple[str, ...]

    def join(self, texts: list[str]) -> str:
        return self.gaps[0] + "".join(text + gap for text, gap in zip(texts, self.gaps[1:]))


def sentences(text: str, lang: str) -> Sentences:
    """The sentences of a block's Markdown `text` in `lang`."""
    tokens = tokenize(text)
    flat_parts: list[str] = []
    spans: list[tuple[int, Token]] = []  # (length in the flat text, token)
    code_count = 0
    for token in tokens:
        if isinstance(token, str):
            flat_parts.append(token)
            spans.append((len(token), token))
        else:
            code_count += 1
            flat_parts.append(chr(CODE_BASE + min(code_count, MAX_CODES)))
            spans.append((1, token))
    flat = "".join(flat_parts)
    if code_count > MAX_CODES:
        return _whole(tokens)
    protected = _protect(flat, lang)
    pieces = split_sentences(protected, lang)
    if "".join(pieces) != protected:  # the splitter dropped something: keep the block whole
        return _whole(tokens)
    bounds = []
    offset = 0
    for piece in pieces[:-1]:
        offset += len(piece)
        bounds.append(offset)
    groups = _cut(spans, bounds)
    items: list[tuple[Token, ...]] = []
    gaps = [""]
    for group in groups:
        lead, core, trail = strip_edges(group)
        gaps[-1] += lead
        if core:
            items.append(core)
            gaps.append(trail)
        else:
            gaps[-1] += trail
    if not items:
        return Sentences((), ("",) if not text else (text,))
    return Sentences(tuple(items), tuple(gaps))


def _whole(tokens: tuple[Token, ...]) -> Sentences:
    lead, core, trail = strip_edges(tokens)
    return Sentences((core,), (lead, trail))


def _cut(spans: list[tuple[int, Token]], bounds: list[int]) -> list[tuple[Token, ...]]:
    """The tokens cut at the flat-text offsets `bounds`, except where a paired code is open."""
    groups: list[list[Token]] = [[]]
    position = 0
    depth = 0
    pending = 0  # the next bound to reach
    for length, token in spans:
        while pending < len(bounds) and bounds[pending] < position:
            pending += 1
        if isinstance(token, str):
            last = 0
            while pending < len(bounds) and bounds[pending] < position + length:
                cut = bounds[pending] - position
                pending += 1
                if depth or (cut == 0 and not groups[-1]):
                    continue
                groups[-1].append(token[last:cut])
                groups.append([])
                last = cut
            groups[-1].append(token[last:])
        else:
            if pending < len(bounds) and bounds[pending] == position:
                pending += 1
                if not depth and groups[-1] and not isinstance(token, Close):
                    groups.append([])
            groups[-1].append(token)
            depth += 1 if isinstance(token, Open) else -1 if isinstance(token, Close) else 0
        position += length
    return [merge_text(group) for group in groups]


@functools.lru_cache(maxsize=None)
def _splitter(lang: str):
    from translate.lang import factory

    return factory.getlanguage(lang)


def split_sentences(text: str, lang: str) -> list[str]:
    """translate-toolkit's sentences of `text` in `lang` (strip=False: they join to `text`), in
    linear time.

    Its pattern is `(?s).*?END` (END: a sentence mark, spaces, no lower case after), and
    `finditer` tries it at every position after the last cut, each attempt scanning to the end of
    the text when no END follows: quadratic, minutes on a 500 KB paragraph without a full stop.
    Searching END alone from each cut finds the same cuts (the earliest END after the cut, as
    `.*?` does) in one pass. A language whose pattern has another form keeps translate-toolkit's."""
    end = _sentence_end(lang)
    if end is None:
        return _splitter(lang).sentences(text, strip=False)
    pieces, start = [], 0
    for match in end.finditer(text):
        pieces.append(text[start:match.end()])
        start = match.end()
    if text[start:]:
        pieces.append(text[start:])
    return pieces


@functools.lru_cache(maxsize=None)
def _sentence_end(lang: str) -> re.Pattern[str] | None:
    """END of translate-toolkit's sentence pattern for `lang` (see split_sentences), or None."""
    pattern = _splitter(lang).sentencere
    source, found = re.subn(r"^\s*\(\?s\)[ \t]*(?:#[^\n]*)?\s*\.\*\?", "", pattern.pattern, count=1)
    return re.compile(source, pattern.flags) if found else None


@functools.lru_cache(maxsize=None)
def _protections(lang: str) -> re.Pattern[str]:
    """One pattern for the dots of `lang` that end no sentence."""
    from kbsync.reading.figures import _locale_data

    found = profile_or_none(lang)  # a language without profile splits without abbreviations
    abbreviations = sorted(found.abbreviations, key=len, reverse=True) if found else []
    alternatives = [r"(?<![\w.])" + r"\s+".join(re.escape(part) for part in abbreviation.split())
                    for abbreviation in abbreviations]
    alternatives.append(r"(?<![\w.])[A-ZÀ-ÖØ-Þ]\.(?=\s+[A-ZÀ-ÖØ-Þ])")  # initials: F. F. Reichheld
    months = "|".join(sorted((re.escape(name) for name in _locale_data(lang)[3]), key=len, reverse=True))
    if months:
        alternatives.append(r"(?<![\w.])[0-9]{1,2}\.(?=\s+(?i:" + months + r")\b)")  # 1. März
    return re.compile("|".join(f"(?:{alternative})" for alternative in alternatives))


def _protect(flat: str, lang: str) -> str:
    if KEPT_DOT in flat:
        return flat
    return _protections(lang).sub(lambda match: match.group().replace(".", KEPT_DOT), flat)

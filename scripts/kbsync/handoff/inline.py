"""Inline Markdown as text and protected codes: what a translator may change and what not.

A block's text becomes a sequence of tokens: plain text (translatable), paired codes around
translatable text (a link's `[` ... `](target)`, emphasis, an image's `![` ... `](src)`) and
standalone codes (inline code, raw HTML, entities, autolinks, `{...}` attribute lists). Link
targets and code are markup, never text. Rendering the tokens gives back the exact Markdown
(`render(tokenize(text)) == text`), so a target written with the source's codes is the source's
markup around the translator's words.

Hand-written: the Markdown libraries (Python-Markdown, markdown-it) render to HTML and do not
give back the source spans of inline markup. The scanner is linear in the text: each position is
visited once, brackets are matched with a bounded look-ahead (`MAX_LOOKAHEAD`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Union

# How far a `[` looks for its `]` and a `(` for its `)`: longer spans stay text (linear work).
MAX_LOOKAHEAD = 2000
PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”„«»‘’‚–—…")
ESCAPABLE = set("\\`*_{}[]()#+-.!<>|~\"'&:")
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
AUTOLINK_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>")
TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# attr_list's `{#id .class key=value}` / `{: ...}`, and text that reads like a PO placeholder.
ATTRIBUTES_RE = re.compile(r"\{:?[ \t]*(?:[#.][^\s}]|[A-Za-z_][\w-]*=)[^{}\n]*\}")
PLACEHOLDER_LIKE_RE = re.compile(r"\{/?[0-9]+/?\}")


@dataclass(frozen=True)
class Code:
    """Markup the translator must keep: `kind` names it (link, strong, code, html...);
    `opening` is the markup before the enclosed text, or the whole markup of a standalone code;
    `closing` the markup after the enclosed text (None: standalone)."""

    kind: str
    opening: str
    closing: str | None = None

    @property
    def paired(self) -> bool:
        return self.closing is not None


@dataclass(frozen=True)
class Open:
    id: int
    code: Code


@dataclass(frozen=True)
class Close:
    id: int
    code: Code


@dataclass(frozen=True)
class Alone:
    id: int
    code: Code


Token = Union[str, Open, Close, Alone]


# -- scanning ---------------------------------------------------------------------------------

@dataclass
class _Run:
    """A run of `*` or `_`: what it can do, and what it became once paired."""

    char: str
    length: int
    can_open: bool
    can_close: bool
    opens: list  # of Code, in text order
    closes: list  # of Code, in text order


@dataclass
class _Span:
    """A link or image: its markup around scanned inner items."""

    code: Code
    inner: list


def _flanking(text: str, start: int, end: int) -> tuple[bool, bool]:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left = not after.isspace() and (after not in PUNCTUATION or before.isspace() or before in PUNCTUATION)
    right = not before.isspace() and (before not in PUNCTUATION or after.isspace() or after in PUNCTUATION)
    return left, right


def _matching(text: str, start: int, opening: str, closing: str, limit: int) -> int:
    """The index of the `closing` bracket that matches the `opening` one at `start`, skipping
    escapes and code spans; -1 when there is none within `limit`."""
    depth = 0
    index = start
    end = min(len(text), limit)
    while index < end:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            run_end = index
            while run_end < end and text[run_end] == "`":
                run_end += 1
            # Only up to `end`: a code span closing past it leaves the bracket unmatched either way,
            # and a search to the end of the block from every bracket was quadratic in the block.
            close = text.find("`" * (run_end - index), run_end, end)
            if close == -1:
                return -1
            index = close + run_end - index
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _scan(text: str, start: int, end: int) -> list:
    """The items of text[start:end]: strings, standalone Codes, _Span links, _Run delimiters."""
    items: list = []
    buffer: list[str] = []
    index = start

    def flush() -> None:
        if buffer:
            items.append("".join(buffer))
            buffer.clear()

    while index < end:
        char = text[index]
        if char == "\\" and index + 1 < end and text[index + 1] in ESCAPABLE:
            buffer.append(text[index:index + 2])
            index += 2
            continue
        if char == "`":
            run_end = index
            while run_end < end and text[run_end] == "`":
                run_end += 1
            run = run_end - index
            close = text.find("`" * run, run_end, end)
            while close != -1 and close + run < end and text[close + run] == "`":
                close = text.find("`" * run, close + run + 1, end)  # a longer run does not close
            if close == -1:
                buffer.append(text[index:run_end])
                index = run_end
                continue
            flush()
            items.append(Code("code", text[index:close + run]))
            index = close + run
            continue
        if char == "<":
            match = (COMMENT_RE.match(text, index, end) or AUTOLINK_RE.match(text, index, end)
                     or TAG_RE.match(text, index, end))
            if match:
                flush()
                kind = "comment" if match.group().startswith("<!--") else \
                    "autolink" if AUTOLINK_RE.fullmatch(match.group()) else "html"
                items.append(Code(kind, match.group()))
                index = match.end()
                continue
        elif char == "&":
            match = ENTITY_RE.match(text, index, end)
            if match:
                flush()
                items.append(Code("entity", match.group()))
                index = match.end()
                continue
        elif char == "{":
            match = ATTRIBUTES_RE.match(text, index, end) or PLACEHOLDER_LIKE_RE.match(text, index, end)
            if match:
                flush()
                kind = "attributes" if ATTRIBUTES_RE.fullmatch(match.group()) else "literal"
                items.append(Code(kind, match.group()))
                index = match.end()
                continue
        elif char == "[" or (char == "!" and index + 1 < end and text[index + 1] == "["):
            span = _link(text, index + (char == "!"), end, image=char == "!")
            if span is not None:
                flush()
                span_item, index = span
                items.append(span_item)
                continue
        elif char in "*_":
            run_end = index
            while run_end < end and text[run_end] == char:
                run_end += 1
            flush()
            left, right = _flanking(text, index, run_end)
            if char == "_":
                before = text[index - 1] if index > 0 else " "
                after = text[run_end] if run_end < len(text) else " "
                can_open = left and (not right or before in PUNCTUATION)
                can_close = right and (not left or after in PUNCTUATION)
            else:
                can_open, can_close = left, right
            items.append(_Run(char, run_end - index, can_open, can_close, [], []))
            index = run_end
            continue
        buffer.append(char)
        index += 1
    flush()
    return items


def _link(text: str, bracket: int, end: int, image: bool) -> tuple[_Span, int] | None:
    """A link `[text](target)`, `[text][ref]`, `[text][]` (or an image) starting at `bracket`."""
    limit = min(end, bracket + MAX_LOOKAHEAD)
    close = _matching(text, bracket, "[", "]", limit)
    if close == -1 or close + 1 >= end:
        return None
    follower = text[close + 1]
    if follower == "(":
        stop = _matching(text, close + 1, "(", ")", min(end, close + 1 + MAX_LOOKAHEAD))
    elif follower == "[":
        stop = text.find("]", close + 2, min(end, close + 2 + MAX_LOOKAHEAD))
    else:
        return None
    if stop == -1:
        return None
    start = bracket - 1 if image else bracket
    code = Code("image" if image else "link", text[start:bracket + 1], text[close:stop + 1])
    return _Span(code, _scan(text, bracket + 1, close)), stop + 1


def _pair_runs(items: list) -> None:
    """Pair emphasis runs of one level (CommonMark's delimiter rules, simplified): a closing
    run takes the nearest opening run of its character; `**` pairs as strong, `*` as emphasis."""
    openers: list[_Run] = []
    # Per character, the indexes in `openers` of its runs, ascending: the nearest opening run of a
    # character is found at once, not by walking back over the runs of the other one (which was
    # quadratic: 384 KB of `*a b_ ` took 470 s).
    positions: dict[str, list[int]] = {"*": [], "_": []}
    for item in items:
        if isinstance(item, _Span):
            _pair_runs(item.inner)
            continue
        if not isinstance(item, _Run):
            continue
        while item.can_close and item.length:
            mine = positions[item.char]
            if not mine:
                break
            position = mine[-1]
            opener = openers[position]
            for between in openers[position + 1:]:  # runs between them stay text
                positions[between.char].pop()
            del openers[position + 1:]
            use = 2 if opener.length >= 2 and item.length >= 2 else 1
            kind = "strong" if use == 2 else "emphasis"
            markup = item.char * use
            code = Code(kind, markup, markup)
            opener.opens.insert(0, code)  # the characters nearest the text pair first: inner
            item.closes.append(code)
            opener.length -= use
            item.length -= use
            if not opener.length:
                openers.pop()
                mine.pop()
        if item.can_open and item.length:
            positions[item.char].append(len(openers))
            openers.append(item)


def _flatten(items: list, counter: list[int], out: list[Token]) -> None:
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Code):
            counter[0] += 1
            out.append(Alone(counter[0], item))
        elif isinstance(item, _Span):
            counter[0] += 1
            number = counter[0]
            out.append(Open(number, item.code))
            _flatten(item.inner, counter, out)
            out.append(Close(number, item.code))
        else:  # a _Run: closes, what stayed text, opens
            for code in item.closes:
                out.append(_close_for(out, code))
            if item.length:
                out.append(item.char * item.length)
            for code in item.opens:
                counter[0] += 1
                out.append(Open(counter[0], code))


def _close_for(out: list[Token], code: Code) -> Close:
    for token in reversed(out):
        if isinstance(token, Open) and token.code is code:
            return Close(token.id, code)
    raise AssertionError("a closing run without its opening run")  # _pair_runs pairs them in order


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a block's inline Markdown, codes numbered from 1 in order of appearance."""
    items = _scan(text, 0, len(text))
    _pair_runs(items)
    out: list[Token] = []
    _flatten(items, [0], out)
    return merge_text(out)


# -- working with tokens -----------------------------------------------------------------------

def merge_text(tokens: Iterable[Token]) -> tuple[Token, ...]:
    """Adjacent strings as one; empty strings dropped. The strings of a run are joined once (adding
    each to the last was quadratic in the run: a paragraph of 384 KB of unpaired `*` took 2 s)."""
    out: list[Token] = []
    run: list[str] = []
    for token in tokens:
        if isinstance(token, str):
            run.append(token)
            continue
        if run:
            joined = "".join(run)
            run.clear()
            if joined:
                out.append(joined)
        out.append(token)
    joined = "".join(run)
    if joined:
        out.append(joined)
    return tuple(out)


def render(tokens: Iterable[Token]) -> str:
    """The Markdown of the tokens."""
    parts = []
    for token in tokens:
        if isinstance(token, str):
            parts.append(token)
        elif isinstance(token, Close):
            parts.append(token.code.closing or "")
        else:
            parts.append(token.code.opening)
    return "".join(parts)


def plain(tokens: Iterable[Token]) -> str:
    """What a reader reads: the text, and the text inside paired codes; standalone codes
    (inline code, HTML, attributes) left out, as the checks leave code out."""
    return "".join(token for token in tokens if isinstance(token, str))


def renumber(tokens: Iterable[Token]) -> tuple[Token, ...]:
    """The tokens with their codes numbered from 1 in order of appearance (one unit's numbering)."""
    numbers: dict[int, int] = {}
    out: list[Token] = []
    for token in tokens:
        if isinstance(token, (Open, Alone)):
            numbers[token.id] = len(numbers) + 1
            out.append(type(token)(numbers[token.id], token.code))
        elif isinstance(token, Close):
            out.append(Close(numbers[token.id], token.code))
        else:
            out.append(token)
    return tuple(out)


def codes(tokens: Iterable[Token]) -> dict[int, Code]:
    """The codes of a unit by ID."""
    return {token.id: token.code for token in tokens if isinstance(token, (Open, Alone))}


def strip_edges(tokens: tuple[Token, ...]) -> tuple[str, tuple[Token, ...], str]:
    """(leading whitespace, tokens without it at either end, trailing whitespace)."""
    lead = trail = ""
    items = list(tokens)
    if items and isinstance(items[0], str):
        stripped = items[0].lstrip()
        lead = items[0][:len(items[0]) - len(stripped)]
        items[0] = stripped
    if items and isinstance(items[-1], str):
        stripped = items[-1].rstrip()
        trail = items[-1][len(stripped):]
        items[-1] = stripped
    return lead, merge_text(items), trail


def map_codes(tokens: tuple[Token, ...], onto: dict[int, Code]) -> tuple[tuple[Token, ...], bool]:
    """`tokens` (a translation's) with each code replaced by the code of `onto` (a source unit's)
    of the same kind, matched in order of appearance. Returns the mapped tokens and whether the
    mapping is complete both ways (every code of each side has its partner); a code without
    partner stays as its markup, as text."""
    free: dict[str, list[tuple[int, Code]]] = {}
    for number, code in onto.items():
        free.setdefault(_family(code), []).append((number, code))
    numbers: dict[int, tuple[int, Code] | None] = {}
    out: list[Token] = []
    complete = True
    for token in tokens:
        if isinstance(token, (Open, Alone)):
            family = free.get(_family(token.code))
            partner = family.pop(0) if family else None
            numbers[token.id] = partner
            if partner is None:
                complete = False
                out.append(token.code.opening)
            else:
                out.append(type(token)(partner[0], partner[1]))
        elif isinstance(token, Close):
            partner = numbers.get(token.id)
            out.append(token.code.closing or "" if partner is None else Close(partner[0], partner[1]))
        else:
            out.append(token)
    if any(free.values()):
        complete = False
    return merge_text(out), complete


def _family(code: Code) -> str:
    return f"{code.kind}:{code.paired}"

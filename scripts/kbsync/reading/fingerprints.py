"""Section fingerprints: what a translation records of each source section it was made from.

A fingerprint must change when the reader of the source section would see something else, and
only then. Scheme 2 (the current one) computes it from the section's Markdown source, normalized
here, and hashes that; no Markdown library takes part. Scheme 1 hashed the block tree that
Python-Markdown built with the site's extensions, so a new Python-Markdown, a new extension or
one changed extension option (`pymdownx.highlight`'s line numbers) could change every
fingerprint at once and report every translation as outdated although no word had changed.
The source is what authors and translators edit, and its meaning is fixed by the Markdown
syntax, not by a library's version.

Normalized (`blocks`), a section is a list of blocks, each one string:

* Blocks are split at blank lines; a run of blank lines is one. Lines of one paragraph, list
  item, definition or HTML block are joined with single spaces (re-wrapping changes nothing),
  and whitespace runs in text are one space (indentation, trailing spaces, tabs do not count).
* Structure is kept: a heading's level and text; a list item, with `-` for any bullet (`*`,
  `+`), an ordered one with its number (the first is where the list starts, which the reader
  sees; renumbering the others is rare enough to count as a change); an admonition's
  type and title (`!!!`, `???`, `???+`); a table row per line, its cells trimmed, the
  alignment row as `---` per column (alignment moves text, it changes no word); a block quote's
  depth; a definition; a horizontal rule; raw HTML lines. Nesting is the depth of the list
  items and admonitions a block is inside, by Markdown's rule (content indented 4 columns past
  its marker), so nesting a list changes the fingerprint and indenting by 2 or 3 spaces more
  does not.
* Code is verbatim: fenced and indented code blocks line by line (only the fence's own
  indentation and trailing spaces dropped), inline code spans as written. A fence keeps its
  language and its `title`; every other option (`linenums`, `hl_lines`, attributes for the
  highlighter) only changes how the code is drawn.
* Inline: `_` and `__` emphasis are written `*` and `**` (the same emphasis), an attribute
  list `{: #id .class }` as `{#id .class}`; link targets and link text stay as written, so a
  changed target changes the fingerprint. A reference-style link's target belongs to the
  section that defines it (`[ref]: url`).

The normalization follows Markdown closely, not exactly (a list right after a paragraph line,
which Python-Markdown reads as text, is a list here): where the two differ it can only report
a change the page did not render, never miss one. It is linear in the section's length.

A recorded value names its scheme: `2:` and 16 hex digits (the first 64 bits of the SHA-256 of
the blocks, joined by U+001E); bare 16 hex digits are scheme 1. `kbsync migrate` rewrites
values of an older scheme; scheme 1 itself (the block tree) lives in markdown_reader, for that
command only. This module reads no files and must not import a Markdown library.
"""

from __future__ import annotations

import hashlib
import re

SCHEME = 2
FINGERPRINT_LENGTH = 16
# A recorded value of any scheme: `<scheme>:<hex>`, or bare hex digits for scheme 1.
VALUE_PATTERN = f"(?:[1-9][0-9]{{0,3}}:)?[0-9a-f]{{{FINGERPRINT_LENGTH}}}"
SEPARATOR = "\x1e"
# A line starting with none of these continues an open paragraph (the rest need a closer look).
MARKUP_STARTS = frozenset("#>-*+!?:|<[`~_0123456789")

FENCE_RE = re.compile(r"(`{3,}|~{3,})[ \t]*(.*)")
HEADING_RE = re.compile(r"(#{1,6})(.*)")
CLOSING_HASHES_RE = re.compile(r"\s#+$")
LIST_RE = re.compile(r"([-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)")
ADMONITION_RE = re.compile(r"(!!!|\?\?\?\+?)[ \t]*(.*)")
RULE_RE = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
DEFINITION_RE = re.compile(r":[ \t]+")
REFERENCE_RE = re.compile(r"\*?\[[^\]]+\]:")  # link reference, abbreviation, footnote
HTML_RE = re.compile(
    r"<!--|</?(?:address|article|aside|blockquote|details|dialog|div|dl|dd|dt|fieldset|figcaption|"
    r"figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|"
    r"tfoot|th|thead|tr|ul|iframe|script|style|noscript|video|audio|canvas)(?=[\s/>]|$)", re.I)
SEPARATOR_ROW_RE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")
FENCE_OPTION_RE = re.compile(r"""([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S*))|(\S+)""")
UNDERSCORES_RE = re.compile(r"(?<![\w\\])_+|_+(?!\w)")
ATTRIBUTES_RE = re.compile(r"\{:?([^{}\n]*)\}")
ATTRIBUTE_RE = re.compile(r"""\s*(?:[#.][^\s{}]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}"']*))\s*""")
BACKTICKS_RE = re.compile(r"`+")
LINK_TARGET_RE = re.compile(r"\]\([^)\s]*|<[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*>|[A-Za-z][A-Za-z0-9+.-]*://[^\s)>]+")
SPACES_RE = re.compile(r"\s+")


def fingerprint(raw: str) -> str:
    """The current scheme's value for a section whose source lines are `raw`."""
    digest = hashlib.sha256(SEPARATOR.join(blocks(raw)).encode("utf-8")).hexdigest()
    return f"{SCHEME}:{digest[:FINGERPRINT_LENGTH]}"


def scheme_of(value: str) -> int:
    """The scheme that made a recorded value (one of VALUE_PATTERN's forms)."""
    prefix, colon, _ = value.partition(":")
    return int(prefix) if colon else 1


def digits_of(value: str) -> str:
    """A recorded value's hex digits, without its scheme."""
    return value.rpartition(":")[2]


class _Blocks:
    """The line machine behind `blocks`: one pass over the lines, one open block at a time."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.kind = ""  # the open text block: p, li, dd, tr, html, ref ("" when none)
        self.head = ""  # its kind, depth and quote depth, as written into the block
        self.parts: list[str] = []
        self.containers: list[int] = []  # content indentation of each enclosing item/admonition
        self.quote = 0
        self.at_start = True  # the next line starts a block (after a blank line or a one-line block)
        self.fence: tuple[str, int] | None = None  # (closing run, indentation) inside a fence
        self.code_indent: int | None = None  # inside an indented code block
        self.code_head = ""
        self.code: list[str] = []

    def feed(self, line: str) -> None:
        line = line.rstrip()
        if self.fence is not None:
            self._fenced(line)
            return
        if self.code_indent is not None:
            expanded = line.expandtabs(4)
            if not line or _indent(expanded) >= self.code_indent:
                self.code.append(_dedent(expanded, self.code_indent))
                return
            self._close_code()
        body = line.lstrip()
        if body and body[0] not in MARKUP_STARTS and self.kind and self.kind != "tr" \
                and not self.at_start:
            self.parts.append(body)  # the common line: more text of the open block
            return
        quote, content = _unquote(line)
        body = content.lstrip()
        if not body:
            self._close_text()
            self.at_start = True
            return
        expanded = content.expandtabs(4)
        indent = _indent(expanded)
        fence = FENCE_RE.fullmatch(body) if body[0] in "`~" else None
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            self._close_text()
            depth = self._settle(indent, quote)
            self.fence = (fence.group(1), indent)
            self.code_head = f"code|{depth}|{quote}|{_fence_info(fence.group(2))}"
            self.code = []
            return
        if self.kind and not self.at_start:
            where = self.head.partition("|")[2]
            if self.kind == "tr" or (self.kind == "p" and len(self.parts) == 1 and "|" in body
                                     and "|" in self.parts[0] and SEPARATOR_ROW_RE.fullmatch(body)):
                self.kind, self.head = "tr", f"tr|{where}"  # a table: each line up to a blank one is a row
                self._close_text()
                self._open("tr", where, body)
                return
            if not self._interrupts(body, quote):
                self.parts.append(body)  # a continuation line: wrapping does not count
                return
        self._close_text()
        depth = self._settle(indent, quote)
        base = self.containers[-1] if self.containers else 0
        if self.at_start and indent >= base + 4:
            self.code_indent = base + 4
            self.code_head = f"code|{depth}|{quote}||"
            self.code = [_dedent(expanded, self.code_indent)]
            return
        self._start(body, indent, depth, quote)

    def _start(self, body: str, indent: int, depth: int, quote: int) -> None:
        where = f"{depth}|{quote}"
        if body[0] not in MARKUP_STARTS:
            self._open("p", where, body)
            return
        heading = HEADING_RE.fullmatch(body)
        if heading:
            text = CLOSING_HASHES_RE.sub("", heading.group(2).strip())
            self._one(f"h{len(heading.group(1))}|{where}|{_inline(text)}")
            return
        if RULE_RE.fullmatch(body):
            self._one(f"hr|{where}")
            return
        admonition = ADMONITION_RE.fullmatch(body)
        if admonition:
            self._one(f"{admonition.group(1)}|{where}|{_inline(admonition.group(2))}")
            self.containers.append(indent + 4)
            return
        item = LIST_RE.match(body)
        if item:  # at a block's start, or after an item (a paragraph line does not start a list)
            marker = "-" if item.group(1) in "-*+" else item.group(1)  # a number is a figure
            self._open("li", f"{where}|{marker}", body[item.end():])
            self.containers.append(indent + 4)
            return
        if DEFINITION_RE.match(body):
            self._open("dd", where, body[DEFINITION_RE.match(body).end():])  # type: ignore[union-attr]
            self.containers.append(indent + 4)
            return
        if REFERENCE_RE.match(body):
            self._open("ref", where, body)
        elif HTML_RE.match(body):
            self._open("html", where, body)
        else:
            self._open("p", where, body)

    def _interrupts(self, body: str, quote: int) -> bool:
        """Whether a line right after a text line starts a block of its own."""
        if quote > self.quote or self.kind == "tr":
            return True
        if body.startswith("#") or RULE_RE.fullmatch(body) or ADMONITION_RE.fullmatch(body):
            return True
        if DEFINITION_RE.match(body) or REFERENCE_RE.match(body) or HTML_RE.match(body):
            return True
        return self.kind == "li" and LIST_RE.match(body) is not None

    def _settle(self, indent: int, quote: int) -> int:
        """Leave the containers a block at `indent` is not inside; its depth."""
        if quote != self.quote:
            self.containers.clear()
            self.quote = quote
        while self.containers and indent < self.containers[-1]:
            self.containers.pop()
        return len(self.containers)

    def _open(self, kind: str, where: str, text: str) -> None:
        self.kind, self.head, self.parts = kind, f"{kind}|{where}", [text]
        self.at_start = False

    def _one(self, block: str) -> None:
        self.out.append(block)
        self.at_start = True

    def _close_text(self) -> None:
        if not self.kind:
            return
        text = " ".join(self.parts)
        self.out.append(f"{self.head}|{_row(text) if self.kind == 'tr' else _inline(text)}")
        self.kind, self.parts = "", []

    def _fenced(self, line: str) -> None:
        run, indent = self.fence  # type: ignore[misc]
        stripped = line.strip()
        if stripped.startswith(run) and stripped == stripped[0] * len(stripped):
            self.fence = None
            self._emit_code()
            return
        self.code.append(_dedent(line, indent))

    def _close_code(self) -> None:
        self.code_indent = None
        while self.code and not self.code[-1]:
            self.code.pop()  # blank lines after an indented block separate, they are not code
        self._emit_code()

    def _emit_code(self) -> None:
        self.out.append(self.code_head + "\n" + "\n".join(self.code))
        self.code = []
        self.at_start = True

    def finish(self) -> list[str]:
        if self.fence is not None:
            self.fence = None
            self._emit_code()  # an unclosed fence runs to the end, as Markdown reads it
        elif self.code_indent is not None:
            self._close_code()
        self._close_text()
        return self.out


def blocks(raw: str) -> list[str]:
    """The normalized blocks of a section's source lines (see the module docstring)."""
    machine = _Blocks()
    for line in raw.split("\n"):
        machine.feed(line)
    return machine.finish()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dedent(line: str, columns: int) -> str:
    """`line` without up to `columns` leading spaces."""
    return line[min(columns, _indent(line)):]


def _unquote(line: str) -> tuple[int, str]:
    """The block quote depth of a line and its text after the `>` markers."""
    depth = 0
    content = line
    while True:
        stripped = content.lstrip(" ")
        if not stripped.startswith(">") or len(content) - len(stripped) > 3:
            return depth, content
        depth += 1
        content = stripped[2:] if stripped[1:2] == " " else stripped[1:]


def _fence_info(info: str) -> str:
    """A fence's language and title; the options that only change how code is drawn dropped."""
    info = info.strip().strip("{}")
    language = title = ""
    for key, double, single, bare, word in FENCE_OPTION_RE.findall(info):
        if key:
            if key == "title":
                title = " ".join((double or single or bare).split())
        elif not language and not word.startswith("#"):
            language = word.lstrip(".").lower()
    return f"{language}|{title}"


def _row(text: str) -> str:
    """A table row's cells, trimmed; an alignment row as `---` per column."""
    text = text.strip()
    if SEPARATOR_ROW_RE.fullmatch(text):
        return "|".join("---" for _ in _cells(text))
    return "|".join(_inline(cell) for cell in _cells(text))


def _cells(row: str) -> list[str]:
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return CELL_SPLIT_RE.split(row)


def _inline(text: str) -> str:
    """Text with whitespace collapsed and emphasis written one way; code spans verbatim."""
    if "`" not in text:
        return _prose(" ".join(text.split()))
    parts: list[str] = []
    position = 0
    for start, end in _code_spans(text):
        parts.append(_prose(text[position:start]))
        parts.append(text[start:end])
        position = end
    parts.append(_prose(text[position:]))
    return "".join(parts).strip()


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span: a backtick run up to the next run of the same length.
    Linear: each run's next run of its length is found in one pass from the right."""
    runs = [(match.start(), match.end()) for match in BACKTICKS_RE.finditer(text)]
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = last.get(length)
        last[length] = index
    spans = []
    index = 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closing][1]))
        index = closing + 1
    return spans


def _prose(text: str) -> str:
    """Text outside code: whitespace runs as one space; emphasis and attribute lists written one
    way, outside link targets (a target is kept exactly as written)."""
    text = SPACES_RE.sub(" ", text)
    if "_" not in text and "{" not in text:
        return text
    pieces = []
    position = 0
    for match in LINK_TARGET_RE.finditer(text):
        pieces.append(_marks(text[position:match.start()]))
        pieces.append(match.group())
        position = match.end()
    pieces.append(_marks(text[position:]))
    return "".join(pieces)


def _marks(text: str) -> str:
    if "_" in text:
        text = UNDERSCORES_RE.sub(lambda match: "*" * len(match.group()), text)
    if "{" in text:
        text = ATTRIBUTES_RE.sub(_attributes, text)
    return text


def _attributes(match: re.Match[str]) -> str:
    """An attribute list written one way (`{: #id .c }` is `{#id .c}`); other braces as they are."""
    inner = match.group(1)
    tokens = ATTRIBUTE_RE.findall(inner)
    if not tokens or "".join(tokens) != inner:
        return match.group(0)
    return "{" + " ".join(token.strip() for token in tokens) + "}"

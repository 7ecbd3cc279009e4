"""Decode a page file's bytes into text, noting what is wrong with them.

Pages are read the way MkDocs reads them (UTF-8, a BOM dropped, universal newlines); what
MkDocs would choke on, or what is merely untidy, becomes a `Problem` rather than an exception.
A problem is recorded by the name of its code; checks/page_reading.py gives it the code. This
module must not parse Markdown or YAML, nor name a code.

It also bounds what the Markdown parser is given. Python-Markdown recurses once per level of
nesting (a list item, a quote, a `<div markdown>`) and fails past a few hundred levels with a
RecursionError, and it scans from each `[` without a `]` to the end of its paragraph, quadratic
work. So a page is not read when a line nests deeper than `MAX_NESTING` levels, judged from the
line's start alone (`>`, list markers, four columns of indentation per level: an upper bound of the
parser's depth), when `<tag markdown>` HTML nests deeper than that, or when a paragraph leaves more
than `MAX_UNCLOSED_BRACKETS` brackets open. Real pages stay far below these limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbsync.model import Problem

MAX_PAGE_BYTES = 1024 * 1024
BOM = b"\xef\xbb\xbf"
MAX_NESTING = 50
MAX_UNCLOSED_BRACKETS = 200
# A line's start: indentation, quote markers, list markers; each level of nesting takes at least one.
_DEEP_LINE = re.compile(rf"^(?:[ \t]|>|(?:[-*+]|\d{{1,9}}[.)])[ \t]){{{MAX_NESTING + 1},}}", re.M)
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BRACKET_OR_BLANK_LINE = re.compile(r"(?<!\\)[\[\]]|\n[ \t]*(?=\n)")


@dataclass(frozen=True)
class PageText:
    text: str
    readable: bool
    problems: tuple[Problem, ...]


def decode_page(data: bytes) -> PageText:
    """`text` has LF line endings and no BOM; `readable` is False when there is nothing to parse."""
    if len(data) > MAX_PAGE_BYTES:
        return _unreadable(Problem("file-too-large", 1, f"file is {len(data) / 1024 / 1024:.1f} MiB; "
                                   f"kbsync reads pages up to {MAX_PAGE_BYTES // 1024 // 1024} MiB: "
                                   "split the page"))
    if b"\x00" in data:
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        return _unreadable(Problem("binary-file", line, "file is binary (NUL byte): a page must be "
                                   "UTF-8 text; move binary files out of the language folder's .md "
                                   "files"))
    problems = []
    if data.startswith(BOM):
        data = data[len(BOM):]
        problems.append(Problem("byte-order-mark", 1, "file starts with a UTF-8 byte order "
                                "mark: save it as UTF-8 without BOM"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return _unreadable(Problem("invalid-utf8", line, f"not valid UTF-8 (byte "
                                   f"0x{data[error.start]:02x} at offset {error.start}): save the "
                                   "file as UTF-8"))
    if "\r\n" in text:
        line = text[:text.index("\r\n")].count("\n") + 1
        problems.append(Problem("crlf-line-endings", line, "CRLF line endings: save the file "
                                "with LF line endings (git: `* text=auto eol=lf` in .gitattributes)"))
        text = text.replace("\r\n", "\n")
    if not text.strip():
        problems.append(Problem("empty-file", 1, "file is empty: add front matter and a "
                                "`# Title`, or delete the file"))
        return PageText(text="", readable=False, problems=tuple(problems))
    beyond = _beyond_bounds(text)
    if beyond is not None:
        return PageText(text="", readable=False, problems=(*problems, beyond))
    return PageText(text=text, readable=True, problems=tuple(problems))


def _beyond_bounds(text: str) -> Problem | None:
    """The first limit of the Markdown parser that `text` goes beyond, as a problem; every test linear."""
    for match in _DEEP_LINE.finditer(text):
        prefix = match.group()
        if text.startswith("\n", match.end()) or match.end() == len(text):
            continue  # a line of blanks nests nothing
        quotes, markers = prefix.count(">"), len(_LIST_MARKER.findall(prefix))
        blanks = prefix.count(" ") + 4 * prefix.count("\t") - quotes - markers
        depth = quotes + markers + max(0, blanks) // 4
        if depth > MAX_NESTING:
            return Problem("nesting-too-deep", _line_of(text, match.start()),
                           f"lists, quotes or indented blocks nest {depth} levels deep here; kbsync and the "
                           f"site read up to {MAX_NESTING} levels: flatten the nesting")
    if "markdown" in text:
        depth = 0
        for match in _TAG.finditer(text):
            closing, name, self_closing = match.groups()
            if closing:
                depth = max(0, depth - 1)
            elif not self_closing and name.lower() not in _VOID_TAGS:
                depth += 1
                if depth > MAX_NESTING:
                    return Problem("nesting-too-deep", _line_of(text, match.start()),
                                   f"HTML elements nest more than {MAX_NESTING} levels deep here; kbsync and "
                                   f"the site read up to {MAX_NESTING} levels: flatten the nesting")
    if text.count("[") > MAX_UNCLOSED_BRACKETS:
        return _unclosed_brackets(text)
    return None


def _unclosed_brackets(text: str) -> Problem | None:
    """A paragraph with more than MAX_UNCLOSED_BRACKETS `[` without their `]`."""
    opened: list[int] = []  # offsets of the open `[` of the current paragraph
    for match in _BRACKET_OR_BLANK_LINE.finditer(text):
        sign = match.group()
        if sign == "[":
            opened.append(match.start())
        elif sign == "]":
            if opened:
                opened.pop()
        else:
            if len(opened) > MAX_UNCLOSED_BRACKETS:
                break
            opened.clear()
    if len(opened) > MAX_UNCLOSED_BRACKETS:
        return Problem("unclosed-brackets", _line_of(text, opened[0]),
                       f"this paragraph leaves {len(opened)} `[` without a `]`; the Markdown parser takes "
                       f"quadratic time beyond {MAX_UNCLOSED_BRACKETS}: close them, or write `\\[`")
    return None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _unreadable(problem: Problem) -> PageText:
    return PageText(text="", readable=False, problems=(problem,))

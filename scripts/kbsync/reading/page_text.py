"""Decode a page file's bytes into text, noting what is wrong with them.

Pages are read the way MkDocs reads them (UTF-8, a BOM dropped, universal newlines); what
MkDocs would choke on, or what is merely untidy, becomes a `Problem` rather than an exception.
A problem is recorded by the name of its code; checks/page_reading.py gives it the code. This
module must not parse Markdown or YAML, nor name a code.
"""

from __future__ import annotations

from dataclasses import dataclass

from kbsync.model import Problem

MAX_PAGE_BYTES = 1024 * 1024
BOM = b"\xef\xbb\xbf"


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
    return PageText(text=text, readable=True, problems=tuple(problems))


def _unreadable(problem: Problem) -> PageText:
    return PageText(text="", readable=False, problems=(problem,))

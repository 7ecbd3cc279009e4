"""A word-level diff of two texts, as `git diff --word-diff` shows it: `[-old-]{+new+}` inline.

Words and single punctuation marks are compared with difflib; the whitespace between them is
not (a paragraph wrapped anew is the same text, as it is to a section's fingerprint), and the
result keeps the new text's line breaks. Plain data out: `Piece`s, which kbsync.signoff.report
renders as text, Markdown or HTML.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# A word, or one mark that is neither a word character nor whitespace, with the whitespace before it.
TOKEN_RE = re.compile(r"(\s*)(\w+|[^\w\s])")
SAME, OLD, NEW = "same", "old", "new"


@dataclass(frozen=True)
class Piece:
    """A run of text that is in both versions (`same`), only in the old (`old`) or only in the new (`new`)."""

    kind: str
    text: str


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The pieces that turn `old` into `new`, word by word; whitespace comes from `new` where the
    words are the same."""
    before, after = _tokens(old), _tokens(new)
    # autojunk would treat frequent words (`der`, `,`) as noise in a long section, and align badly.
    matcher = difflib.SequenceMatcher(None, [word for _, word in before], [word for _, word in after],
                                      autojunk=False)
    pieces: list[Piece] = []
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            same = _joined(after[new_start:new_end])
            if pieces and pieces[-1].kind == OLD and not after[new_start][0]:
                same = before[old_start][0] + same  # `[-der-] die`, not `[-der-]die`
            pieces.append(Piece(SAME, same))
            continue
        lead = after[new_start][0] if new_end > new_start else before[old_start][0]
        pieces.append(Piece(SAME, lead))
        if old_end > old_start:
            pieces.append(Piece(OLD, _joined(before[old_start:old_end])[len(before[old_start][0]):]))
        if new_end > new_start:
            pieces.append(Piece(NEW, _joined(after[new_start:new_end])[len(after[new_start][0]):]))
    pieces.append(Piece(SAME, new[len(new.rstrip()):]))
    return _merged(pieces)


def inserted(text: str) -> tuple[Piece, ...]:
    """A text that is all new (a section new in the source)."""
    return _merged([Piece(NEW, text.rstrip()), Piece(SAME, text[len(text.rstrip()):])])


def deleted(text: str) -> tuple[Piece, ...]:
    """A text that is all gone (a section removed from the source)."""
    return _merged([Piece(OLD, text.rstrip()), Piece(SAME, text[len(text.rstrip()):])])


def changed(pieces: tuple[Piece, ...]) -> bool:
    return any(piece.kind != SAME for piece in pieces)


def as_text(pieces: tuple[Piece, ...]) -> str:
    """`git diff --word-diff` markers: deletions `[-old-]`, insertions `{+new+}`."""
    return "".join(piece.text if piece.kind == SAME else
                   f"[-{piece.text}-]" if piece.kind == OLD else f"{{+{piece.text}+}}" for piece in pieces)


def _tokens(text: str) -> list[tuple[str, str]]:
    return TOKEN_RE.findall(text)


def _joined(tokens: list[tuple[str, str]]) -> str:
    return "".join(space + word for space, word in tokens)


def _merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Adjacent pieces of one kind as one, without empty ones."""
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if merged and merged[-1].kind == piece.kind:
            merged[-1] = Piece(piece.kind, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return tuple(merged)

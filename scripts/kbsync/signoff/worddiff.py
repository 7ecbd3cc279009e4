"""A word-level diff of two texts, as `git diff --word-diff` shows it: `[-old-]{+new+}` inline.

Words and single punctuation marks are compared with difflib; the whitespace between them is
not (a paragraph wrapped anew is the same text, as it is to a section's fingerprint), and the
result keeps the new text's line breaks. Plain data out: `Piece`s, which kbsync.signoff.report
renders as text, Markdown or HTML.

difflib's matcher takes time in the product of the two lengths (without autojunk, every `der`
of one text is tried against every `der` of the other): a section of 30 KB took 0.25 s, one of
240 KB 23 s, one of 1 MiB (the page limit) many minutes. Texts longer than that product allows
are cut first: the common start and end are equal, and in between the words that occur exactly
once in each text, in the order both have them (the longest such run: patience diff), are
equal; the stretches between them are compared by difflib, and a stretch still too long after
two such cuts counts as replaced whole. Work is n log n in the words, and texts within the
limit (any section a person edits by hand) get difflib's diff as before.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from dataclasses import dataclass

# A word, or one mark that is neither a word character nor whitespace, with the whitespace before it.
TOKEN_RE = re.compile(r"(\s*)(\w+|[^\w\s])")
SAME, OLD, NEW = "same", "old", "new"
# Pairs of words (old x new) up to which difflib compares two stretches directly: 500 x 500 words
# take a few milliseconds.
DIRECT_PAIRS = 250_000
# How many times a long text is cut at the words it shares once with the other (see above).
CUT_LEVELS = 2

Opcode = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class Piece:
    """A run of text that is in both versions (`same`), only in the old (`old`) or only in the new (`new`)."""

    kind: str
    text: str


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The pieces that turn `old` into `new`, word by word; whitespace comes from `new` where the
    words are the same."""
    before, after = _tokens(old), _tokens(new)
    pieces: list[Piece] = []
    for operation, old_start, old_end, new_start, new_end in opcodes([word for _, word in before],
                                                                     [word for _, word in after]):
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


def opcodes(old: list[str], new: list[str]) -> list[Opcode]:
    """difflib's opcodes turning `old` into `new` (`equal`, `replace`, `delete`, `insert`), in
    n log n time: long texts are cut first (see the module's docstring)."""
    found: list[Opcode] = []
    _compare(old, 0, len(old), new, 0, len(new), CUT_LEVELS, found)
    return _normalized(found)


def _compare(old: list[str], old_start: int, old_end: int, new: list[str], new_start: int, new_end: int,
             levels: int, found: list[Opcode]) -> None:
    if (old_end - old_start) * (new_end - new_start) > DIRECT_PAIRS:
        start = old_start
        while old_start < old_end and new_start < new_end and old[old_start] == new[new_start]:
            old_start += 1
            new_start += 1
        found.append(("equal", start, old_start, new_start - (old_start - start), new_start))
        ends = (old_end, new_end)
        while old_end > old_start and new_end > new_start and old[old_end - 1] == new[new_end - 1]:
            old_end -= 1
            new_end -= 1
        tail: Opcode = ("equal", old_end, ends[0], new_end, ends[1])
        if (old_end - old_start) * (new_end - new_start) > DIRECT_PAIRS:
            anchors = _shared_once(old, old_start, old_end, new, new_start, new_end) if levels else []
            if not anchors:
                found += [("replace", old_start, old_end, new_start, new_end), tail]
                return
            for old_index, new_index in anchors:
                _compare(old, old_start, old_index, new, new_start, new_index, levels - 1, found)
                found.append(("equal", old_index, old_index + 1, new_index, new_index + 1))
                old_start, new_start = old_index + 1, new_index + 1
            _compare(old, old_start, old_end, new, new_start, new_end, levels - 1, found)
            found.append(tail)
            return
        _direct(old, old_start, old_end, new, new_start, new_end, found)
        found.append(tail)
        return
    _direct(old, old_start, old_end, new, new_start, new_end, found)


def _direct(old: list[str], old_start: int, old_end: int, new: list[str], new_start: int, new_end: int,
            found: list[Opcode]) -> None:
    # autojunk would treat frequent words (`der`, `,`) as noise in a long section, and align badly.
    matcher = difflib.SequenceMatcher(None, old[old_start:old_end], new[new_start:new_end], autojunk=False)
    found += [(tag, old_start + i1, old_start + i2, new_start + j1, new_start + j2)
              for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _shared_once(old: list[str], old_start: int, old_end: int, new: list[str], new_start: int,
                 new_end: int) -> list[tuple[int, int]]:
    """(old index, new index) of the words that occur exactly once in each stretch, the longest
    run of them that both stretches have in the same order (patience sorting)."""
    old_counts = Counter(old[old_start:old_end])
    new_counts = Counter(new[new_start:new_end])
    new_at = {new[index]: index for index in range(new_start, new_end) if new_counts[new[index]] == 1}
    pairs = [(index, new_at[old[index]]) for index in range(old_start, old_end)
             if old_counts[old[index]] == 1 and old[index] in new_at]
    tops: list[int] = []  # the smallest new index ending a run of each length
    top_pair: list[int] = []  # the pair at each top
    previous: list[int] = []  # per pair, the pair before it in its run
    for number, (_, new_index) in enumerate(pairs):
        length = bisect.bisect_left(tops, new_index)
        previous.append(top_pair[length - 1] if length else -1)
        if length == len(tops):
            tops.append(new_index)
            top_pair.append(number)
        else:
            tops[length] = new_index
            top_pair[length] = number
    run: list[tuple[int, int]] = []
    number = top_pair[-1] if top_pair else -1
    while number != -1:
        run.append(pairs[number])
        number = previous[number]
    return run[::-1]


def _normalized(found: list[Opcode]) -> list[Opcode]:
    """Adjacent opcodes of one kind (equal, or a change) as one, without empty ones."""
    merged: list[list] = []
    for tag, old_start, old_end, new_start, new_end in found:
        if old_start == old_end and new_start == new_end:
            continue
        equal = tag == "equal"
        if merged and (merged[-1][0] == "equal") == equal:
            merged[-1][2], merged[-1][4] = old_end, new_end
        else:
            merged.append([tag, old_start, old_end, new_start, new_end])
    result: list[Opcode] = []
    for tag, old_start, old_end, new_start, new_end in merged:
        if tag != "equal":
            tag = "replace" if old_end > old_start and new_end > new_start else \
                "delete" if old_end > old_start else "insert"
        result.append((tag, old_start, old_end, new_start, new_end))
    return result


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

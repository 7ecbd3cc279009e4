"""Old-source/old-target pairs: what a changed section offers the translator to start from.

The source version a translation was made from (found in git by its fingerprint) is aligned
with the current translation block by block (the same block structure in practice: blocks pair
in order of their kinds) and, inside a block, sentence by sentence; where a block's sentence
counts differ, the whole block is one pair. The current source is then compared with that old
source (difflib): a sentence that did not change comes pre-filled with its translation, marked
translated; a changed sentence carries the previous pair as a fuzzy match; a new sentence is
empty. Without an old version (an untracked section, or history that does not reach it), the
current translation is offered as a fuzzy match of the current source, to be checked.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from kbsync.handoff.inline import Token, codes, map_codes, plain, render, renumber, tokenize
from kbsync.handoff.segments import Block, sentences, segment_section
from kbsync.handoff.units import Unit, UnitState, unit_id
from kbsync.model import Section

LETTER_RE = re.compile(r"[^\W\d_]")
# How alike two texts must be (difflib's ratio) for the older one to be offered as a fuzzy match.
FUZZY_RATIO = 0.5


def translatable(block: Block) -> bool:
    """A block with a letter is offered; one of figures and signs only (`9–10`, `+30`) is not:
    it is written from the source, or kept from the translation when its figures still agree."""
    return LETTER_RE.search(plain(tokenize(block.text))) is not None


@dataclass(frozen=True)
class _Pair:
    """An old source segment and its translation (codes numbered as in the old segment)."""

    source: tuple[Token, ...]
    target: tuple[Token, ...]


@dataclass(frozen=True)
class _Memory:
    """What one block of the old source was translated as: sentence pairs, or one whole pair."""

    sentences: tuple[_Pair, ...] | None
    whole: _Pair


@dataclass(frozen=True)
class SectionSource:
    """The section texts a hand-off starts from."""

    page: str
    source: Section
    source_lang: str
    lang: str
    translation: Section | None = None
    old: Section | None = None  # the source version the translation was made from
    trusted: bool = True  # False: `old` is a guess (an untracked section): nothing is pre-filled
    note: str | None = None  # said in every unit's note (why there is no old version, ...)


def section_units(work: SectionSource) -> list[Unit]:
    """The units of one section that needs work."""
    current = segment_section(work.source.raw, work.source.line)
    blocks = [block for block in current.blocks if translatable(block)]
    memory: dict[int, _Memory] = {}
    matches: dict[int, int] = {}
    if work.translation is not None and work.old is not None:
        old_blocks = [block for block in segment_section(work.old.raw, work.old.line).blocks
                      if translatable(block)]
        translated = [block for block in segment_section(work.translation.raw, work.translation.line).blocks
                      if translatable(block)]
        memory = _memories(old_blocks, work.source_lang, translated, work.lang)
        matches = _match([block.text for block in old_blocks], [block.text for block in blocks])
    units: list[Unit] = []
    for position, block in enumerate(blocks):
        found = memory.get(matches[position]) if position in matches else None
        units += _block_units(work, block, found)
    return units


def _memories(old: list[Block], old_lang: str, translated: list[Block], lang: str) -> dict[int, _Memory]:
    """Old block index -> its translation, for the blocks that pair up by kind."""
    matcher = difflib.SequenceMatcher(None, [block.kind for block in old],
                                      [block.kind for block in translated], autojunk=False)
    found: dict[int, _Memory] = {}
    for tag, old_start, old_end, new_start, _ in matcher.get_opcodes():
        if tag != "equal":
            continue
        for offset in range(old_end - old_start):
            source_block, target_block = old[old_start + offset], translated[new_start + offset]
            source_split = sentences(source_block.text, old_lang)
            target_split = sentences(target_block.text, lang)
            whole = _Pair(whole_segment(source_split.items), whole_segment(target_split.items))
            pairs = None
            if len(source_split.items) == len(target_split.items):
                pairs = tuple(_Pair(renumber(source), renumber(target))
                              for source, target in zip(source_split.items, target_split.items))
            found[old_start + offset] = _Memory(pairs, whole)
    return found


def whole_segment(items: tuple[tuple[Token, ...], ...]) -> tuple[Token, ...]:
    """A block's sentences as one segment (joined by a space), numbered from 1."""
    joined: list[Token] = []
    for number, item in enumerate(items):
        if number:
            joined.append(" ")
        joined.extend(item)
    return renumber(joined)


def _match(old: list[str], new: list[str]) -> dict[int, int]:
    """New index -> old index: equal texts in order (difflib), and within a changed stretch the
    most alike old text when it is alike enough to be a fuzzy match."""
    matcher = difflib.SequenceMatcher(None, [_key(text) for text in old], [_key(text) for text in new],
                                      autojunk=False)
    found: dict[int, int] = {}
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            found.update((new_start + offset, old_start + offset) for offset in range(new_end - new_start))
        elif tag == "replace":
            found.update(_alike(old, range(old_start, old_end), new, range(new_start, new_end)))
    return found


def _alike(old: list[str], old_range: range, new: list[str], new_range: range) -> dict[int, int]:
    """Pairs in order: each new text takes the most alike old text after the last one taken."""
    found: dict[int, int] = {}
    start = old_range.start
    for new_index in new_range:
        best, best_ratio = None, FUZZY_RATIO
        for old_index in range(start, old_range.stop):
            ratio = difflib.SequenceMatcher(None, old[old_index], new[new_index], autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = old_index, ratio
        if best is not None:
            found[new_index] = best
            start = best + 1
    return found


def _key(text: str) -> str:
    return " ".join(text.split())


def _block_units(work: SectionSource, block: Block, found: _Memory | None) -> list[Unit]:
    split = sentences(block.text, work.source_lang)
    items = [renumber(item) for item in split.items]
    if found is not None and found.sentences is None:  # the block pairs only as a whole
        source = whole_segment(split.items)
        pair = found.whole
        return [_unit(work, block, None, source, _state_of(work, pair, source), pair)]
    pairs = list(found.sentences) if found is not None and found.sentences is not None else []
    matches = _match([render(pair.source) for pair in pairs], [render(item) for item in items])
    units = []
    for position, item in enumerate(items):
        pair = pairs[matches[position]] if position in matches else None
        state = _state_of(work, pair, item) if pair is not None else UnitState.NEW
        units.append(_unit(work, block, position + 1, item, state, pair))
    return units


def _state_of(work: SectionSource, pair: _Pair, source: tuple[Token, ...]) -> UnitState:
    same = render(pair.source) == render(source)
    return UnitState.TRANSLATED if same and work.trusted else UnitState.FUZZY


def _unit(work: SectionSource, block: Block, sentence: int | None, source: tuple[Token, ...],
          state: UnitState, pair: _Pair | None) -> Unit:
    identifier = unit_id(work.page, work.source.id, block.number, sentence)
    notes = [work.note] if work.note else []
    if pair is None:
        return Unit(identifier, work.page, work.source.id, work.source.fingerprint, block.line, source,
                    UnitState.NEW, note="\n".join(notes) or None)
    target, complete = map_codes(pair.target, codes(source))
    if state is UnitState.TRANSLATED and not complete:
        state = UnitState.FUZZY  # the translation's markup does not pair with the source's
        notes.append("The current translation has other inline codes than the source.")
    previous = None
    if state is UnitState.FUZZY and work.trusted:
        previous = pair.source
        notes.append(f"Previous source: {render(pair.source)}")
    return Unit(identifier, work.page, work.source.id, work.source.fingerprint, block.line, source,
                state, target, previous, "\n".join(notes) or None)

"""German compound nouns, made findable in search by their parts.

German writes a compound as one word: a reader who searches "Zufriedenheit" should also find the
page that only says "Kundenzufriedenheit". The splitter is deliberately small and precise: a noun
splits only into parts that this knowledge base itself uses as words, joined directly or by a
linking element (Fugenelement: Kunde-n-zufriedenheit, Monat-s-wert), and the last part (the head,
which carries the meaning) must be used as a noun elsewhere on the site. So every part added to
the index is a word a reader of this site could search for, and no dictionary has to be kept.

Why not a library: the German splitters on PyPI (compound-split/CharSplit, german-nouns) ship
statistics or noun lists compiled from Wikipedia or Wiktionary, are no longer maintained, and
split into parts this site never uses; precision matters more here than recall.

It must not change the text readers see: the parts go into a search index field of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Shorter parts split too eagerly (Mit-arbeit, Ver-trag) and are rarely searched for.
_MIN_PART = 4
# Longer "words" are no compounds (German's longest run to about 60 letters); splitting one costs
# the square of its length, so a page of one endless word would never be indexed.
_MAX_COMPOUND = 80
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^<>]+>")  # not `[^>]`: a `<` without `>` would make every `<` scan to the end
# A capitalised word after one of these may just start a sentence or list item: no proof of a noun.
_SENTENCE_START = frozenset(".!?:;•–-\"„“«(\n")


@dataclass(frozen=True)
class Lexicon:
    """The words of a German text: all of them, and those it uses as nouns (capitalised mid-sentence)."""

    words: frozenset[str]
    nouns: frozenset[str]


def lexicon(texts: Iterable[str]) -> Lexicon:
    """The lexicon of ``texts`` (HTML or plain text), in lower case."""
    words: set[str] = set()
    nouns: set[str] = set()
    for text in texts:
        plain = _TAG.sub("\n", text)
        for match in _WORD.finditer(plain):
            word = match.group()
            if len(word) < _MIN_PART or word.isdigit():
                continue
            words.add(word.lower())
            if word[0].isupper() and _after_mid_sentence(plain, match.start()):
                nouns.add(word.lower())
    return Lexicon(frozenset(words), frozenset(nouns))


def _after_mid_sentence(plain: str, start: int) -> bool:
    """Whether the text before offset `start`, blanks skipped, ends inside a sentence. Looks back only
    over the blanks before the word (not the whole text before it: linear in the text)."""
    index = start - 1
    while index >= 0 and plain[index] in " \t":
        index -= 1
    return index >= 0 and plain[index] not in _SENTENCE_START


class CompoundSplitter:
    """Splits the compound nouns of one lexicon; remembers every word it has seen."""

    def __init__(self, known: Lexicon, linking_elements: tuple[str, ...]):
        self._known = known
        self._linking_elements = linking_elements  # the language profile's, the empty one first
        self.split = functools.lru_cache(maxsize=None)(self._split)

    def parts(self, text: str) -> list[str]:
        """The parts of every compound noun in ``text`` (HTML or plain text), each once, in order."""
        found: dict[str, None] = {}
        for word in _WORD.findall(_TAG.sub(" ", text)):
            lower = word.lower()
            if lower in self._known.nouns:
                found.update(dict.fromkeys(self.split(lower)))
        return list(found)

    def _split(self, word: str) -> tuple[str, ...]:
        """``word``'s parts, left to right, or () when it is no compound of known words."""
        if len(word) > _MAX_COMPOUND:
            return ()
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            modifier, rest = word[:cut], word[cut:]
            if modifier not in self._known.words:
                continue
            for link in self._linking_elements:
                head = rest[len(link):]
                if not rest.startswith(link) or len(head) < _MIN_PART:
                    continue
                if head in self._known.nouns:
                    return (modifier, head)
                if tail := self.split(head):
                    return (modifier, *tail)
        return ()

"""Word counts for a quote: new, changed (fuzzy) and unchanged (pre-filled) words per language.

Words are counted in the source text of each unit, its inline codes left out (link targets,
inline code, HTML), with translate-toolkit's `pocount` rule (`translate.tools.pocount.wordcount`,
what `pocount` reports for a PO or XLIFF file): Unicode word boundaries, a figure counts as a
word, and a dot between two non-digits joins them into nothing (`z. B.` counts as no word).
`export` prints the counts of what it wrote; `kbsync status --words` the counts of what an
export of each language would hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from kbsync.handoff.inline import plain
from kbsync.handoff.units import Unit, UnitState


@dataclass(frozen=True)
class WordCount:
    """Units and words by state: new (to translate), fuzzy (changed: to revise), translated
    (unchanged: pre-filled, to leave as they are)."""

    units: dict[UnitState, int]
    words: dict[UnitState, int]

    @property
    def total_units(self) -> int:
        return sum(self.units.values())

    @property
    def total_words(self) -> int:
        return sum(self.words.values())


def unit_words(unit: Unit) -> int:
    from translate.tools.pocount import wordcount

    return wordcount(plain(unit.source))


def count(units: Iterable[Unit]) -> WordCount:
    tally = {state: 0 for state in UnitState}
    words = {state: 0 for state in UnitState}
    for unit in units:
        tally[unit.state] += 1
        words[unit.state] += unit_words(unit)
    return WordCount(tally, words)


#: What `kbsync status --words` adds, in each format that renders it (kbsync.formats, `render_words`).
TITLE = "words to translate (what `kbsync export LANG` would hand over):"
HEADER = ("language", "units", "new words", "changed words (fuzzy)", "unchanged words (pre-filled)",
          "total words")


def word_cells(label: str, counted: WordCount) -> list[str]:
    """A row of the words table: the language, then its units and words by state."""
    return [label, str(counted.total_units), str(counted.words[UnitState.NEW]),
            str(counted.words[UnitState.FUZZY]), str(counted.words[UnitState.TRANSLATED]),
            str(counted.total_words)]


def language_words(session, langs: list[str]) -> list[tuple[str, WordCount]]:
    """(the language as tables name it, the words an export of it would hold) for each of `langs`."""
    from kbsync.commands.recording import PageSet
    from kbsync.handoff.exporting import language_handoff
    from kbsync.reading.docs_tree import scan

    config = session.config
    pages = sorted(scan(config).pages.get(config.source_lang, ()))
    page_set = PageSet(session, pages)
    return [(f"{config.language_name(lang)} ({lang})",
             count(language_handoff(page_set, lang, pages, skip_unreadable=True).units)) for lang in langs]


def summary(counted: WordCount) -> str:
    """One line: `12 units, 178 words: 15 new, 23 changed (fuzzy), 140 unchanged (pre-filled)`."""
    return (f"{counted.total_units} unit{'s' if counted.total_units != 1 else ''}, "
            f"{counted.total_words} words: {counted.words[UnitState.NEW]} new, "
            f"{counted.words[UnitState.FUZZY]} changed (fuzzy), "
            f"{counted.words[UnitState.TRANSLATED]} unchanged (pre-filled)")

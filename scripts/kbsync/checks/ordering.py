"""The order of the sections two pages share, and which sections are out of it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from kbsync.checks.context import Pair


@dataclass(frozen=True)
class SectionOrders:
    """IDs of the sections both pages have: in source order, translation order, synced order."""

    source: list[str]
    translation: list[str]
    recorded: list[str] | None

    @property
    def moved_in_source(self) -> bool:
        """The translation keeps the order it was synced with; the source changed its order."""
        return self.translation != self.source and self.translation == self.recorded


def section_orders(pair: Pair) -> SectionOrders | None:
    if pair.source is None or pair.translation is None:
        return None
    content = pair.translation.content
    translated = set(content.section_ids)
    source = [section_id for section_id in pair.source.content.section_ids if section_id in translated]
    shared = set(source)
    recorded = None
    if content.provenance is not None:
        recorded = [section_id for section_id in content.provenance.source_sections
                    if section_id in shared]
    return SectionOrders(source, [section_id for section_id in content.section_ids
                                  if section_id in shared], recorded)


def out_of_order(expected: list[str], actual: list[str]) -> list[str]:
    """The fewest items of `actual` to move so it follows `expected`: all but a longest increasing
    subsequence; of several, the one whose last item comes first, each item preceded by the
    earliest that can precede it. Patience sorting with binary search: n log n."""
    rank = {item: position for position, item in enumerate(expected)}
    sequence = [rank[item] for item in actual]
    tails: list[int] = []  # per length - 1: the smallest last value of an increasing run that long
    levels: list[list[int]] = []  # per length - 1: the indexes whose longest run ends there, in order
    negated: list[list[int]] = []  # their values, negated: along a level values never rise
    parent: list[int | None] = []
    best: int | None = None
    for index, value in enumerate(sequence):
        length = bisect.bisect_left(tails, value)  # runs of this length end below `value`
        if length:
            below = levels[length - 1]
            parent.append(below[bisect.bisect_right(negated[length - 1], -value)])
        else:
            parent.append(None)
        if length == len(tails):
            tails.append(value)
            levels.append([])
            negated.append([])
            best = index
        tails[length] = value
        levels[length].append(index)
        negated[length].append(-value)
    keep = set()
    while best is not None:
        keep.add(best)
        best = parent[best]
    return [item for index, item in enumerate(actual) if index not in keep]

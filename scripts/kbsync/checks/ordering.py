"""The order of the sections two pages share, and which sections are out of it."""

from __future__ import annotations

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
    """The fewest items of `actual` to move so it follows `expected` (all but a longest
    increasing subsequence)."""
    rank = {item: position for position, item in enumerate(expected)}
    sequence = [rank[item] for item in actual]
    chains: list[list[int]] = []
    for index, value in enumerate(sequence):
        longest = max((chain for chain in chains if sequence[chain[-1]] < value), key=len, default=[])
        chains.append([*longest, index])
    keep = set(max(chains, key=len, default=[]))
    return [item for index, item in enumerate(actual) if index not in keep]

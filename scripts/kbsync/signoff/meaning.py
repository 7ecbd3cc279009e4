"""Whether a change of a source section changes what it says, as far as a machine can tell.

`kbsync ack` accepts a source change without retranslation. That is safe for a typo fix, not for
a change of a figure (`fünf` -> `drei`, `5` -> `3`), of a link target, of a termbase term, or of
the section's blocks (a list item more): the translations would go on saying the old thing.
Figures are read as the figure check reads them (kbsync.reading.figures, kept on each Section),
plus the numbers the language writes as words (its profile's `number_words`); links are compared
by the target they lead to (checks/links.resolve), terms by the termbase's index, blocks by the
counts the structure check compares. A new sentence without any of these passes: the word diff
shows it to the person who acknowledges.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kbsync.checks.links import resolve
from kbsync.config import SiteConfig
from kbsync.languages import profile
from kbsync.model import BlockCounts, Section
from kbsync.reading.termbase import Termbase


@dataclass(frozen=True)
class MeaningChange:
    """One kind of change in meaning: `what` is `figures`, `links`, `terms` or `structure`."""

    what: str
    detail: str

    def __str__(self) -> str:
        return f"{self.what}: {self.detail}"


def meaning_changes(before: Section, now: Section, page: str, config: SiteConfig,
                    termbase: Termbase) -> list[MeaningChange]:
    """What changed from `before` to `now` (two versions of a source section of `page`) that
    makes the translations say something else; empty for a change of wording only."""
    lang = config.source_lang
    changes = [MeaningChange("figures", detail) for detail in _figures(before, now, lang)]
    changes += [MeaningChange("links", detail) for detail in _links(before, now, lang, page, config)]
    changes += [MeaningChange("terms", detail) for detail in _terms(before, now, lang, termbase)]
    changes += [MeaningChange("structure", detail) for detail in _structure(before, now)]
    return changes


def section_figures(section: Section, lang: str) -> list[tuple[str, str]]:
    """(value, as written) of every figure of the section, then of every number written as a word."""
    words = profile(lang).number_words
    return [(figure.value, figure.written) for figure in section.figures] + \
        [(words[word], word) for word in section.words if word in words]


def _figures(before: Section, now: Section, lang: str) -> list[str]:
    old, new = section_figures(before, lang), section_figures(now, lang)
    removed = _counted_out([value for value, _ in old], [value for value, _ in new])
    added = _counted_out([value for value, _ in new], [value for value, _ in old])
    details = []
    if removed:
        details.append("removed " + _listed(_written(old, removed)))
    if added:
        details.append("added " + _listed(_written(new, added)))
    order_before = [figure.value for figure in before.figures]
    order_now = [figure.value for figure in now.figures]
    if not details and order_before != order_now and Counter(order_before) == Counter(order_now):
        details.append(f"moved: {', '.join(order_before)} -> {', '.join(order_now)}")  # `A: 5, B: 3` -> `A: 3, B: 5`
    return [", ".join(details)] if details else []


def _links(before: Section, now: Section, lang: str, page: str, config: SiteConfig) -> list[str]:
    def targets(section: Section) -> Counter:
        return Counter(resolve(link, lang, page, config.locales).key for link in section.links)

    written = {resolve(link, lang, page, config.locales).key: link.target
               for section in (before, now) for link in section.links}
    old, new = targets(before), targets(now)
    details = []
    if old - new:
        details.append("removed " + _listed(written[key] for key in old - new))
    if new - old:
        details.append("added " + _listed(written[key] for key in new - old))
    return [", ".join(details)] if details else []


def _terms(before: Section, now: Section, lang: str, termbase: Termbase) -> list[str]:
    old, new = _term_uses(before, lang, termbase), _term_uses(now, lang, termbase)
    details = []
    for concept_id in sorted(set(old) | set(new)):
        gone, came = sorted(old.get(concept_id, set()) - new.get(concept_id, set())), \
            sorted(new.get(concept_id, set()) - old.get(concept_id, set()))
        if gone and came:
            details.append(f"{_listed(gone)} -> {_listed(came)} (termbase: {concept_id})")
        elif gone:
            details.append(f"removed {_listed(gone)} (termbase: {concept_id})")
        elif came:
            details.append(f"added {_listed(came)} (termbase: {concept_id})")
    return [", ".join(details)] if details else []


def _term_uses(section: Section, lang: str, termbase: Termbase) -> dict[str, set[str]]:
    """Concept ID -> the terms, variants, forbidden variants and abbreviations the section uses."""
    uses: dict[str, set[str]] = {}
    if not termbase.concepts:
        return uses
    for kind in ("accepted", "forbidden"):
        for concept_id, phrase in termbase.index(lang, kind).find(section.words):
            uses.setdefault(concept_id, set()).add(phrase)
    for abbreviation, concept_id in termbase.abbreviations:
        if abbreviation in section.cased_words:
            uses.setdefault(concept_id, set()).add(abbreviation)
    return uses


def _structure(before: Section, now: Section) -> list[str]:
    details = []
    if before.level != now.level:
        details.append(f"heading level {before.level} -> {now.level}")
    for name, label in BlockCounts.LABELS.items():
        old, new = getattr(before.counts, name), getattr(now.counts, name)
        if old != new:
            details.append(f"{label} {old} -> {new}")
    return details


def _counted_out(values: list[str], others: list[str]) -> list[str]:
    """The values of `values` that `others` does not have as often (a multiset difference)."""
    return list((Counter(values) - Counter(others)).elements())


def _written(figures: list[tuple[str, str]], values: list[str]) -> list[str]:
    """How the figures of `values` are written, each value as often as it is listed."""
    wanted = Counter(values)
    shown = []
    for value, written in figures:
        if wanted[value]:
            wanted[value] -= 1
            # a number word or a month name shows the value it was read as
            shown.append(f"{written} ({value})" if any(char.isalpha() for char in written) else written)
    return shown


def _listed(items) -> str:
    return ", ".join(f"`{item}`" for item in items)

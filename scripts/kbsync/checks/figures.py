"""The same numbers, percentages and dates in each section, whatever the locale's format."""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, compared_sections, finding
from kbsync.codes import Code, Severity
from kbsync.model import Figure, Finding

CODES = (
    Code("KB501", Severity.ERROR, "figure-missing", "a number, percentage or date of the source is missing"),
    Code("KB502", Severity.ERROR, "figure-extra", "a number, percentage or date the source does not have"),
)


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    config = context.config
    source_name = config.language_name(config.source_lang)
    name = config.language_name(pair.lang)
    for source, translated in compared_sections(pair, context):
        expected = _by_value(source.figures)
        actual = _by_value(translated.figures)
        missing = [figure for value, figure in expected.items() if value not in actual]
        if missing:
            yield finding(pair, translated.line, "KB501", f"section `{source.id}`: {source_name} "
                          f"has {_list(missing)}, not found in {name}", source.id)
        for value, figure in actual.items():
            if value not in expected:
                yield finding(pair, figure.line, "KB502", f"section `{source.id}`: {name} has "
                              f"{figure.written!r}, not in {source_name}", source.id)


def _by_value(figures: tuple[Figure, ...]) -> dict[str, Figure]:
    found: dict[str, Figure] = {}
    for figure in figures:
        found.setdefault(figure.value, figure)
    return found


def _list(figures: list[Figure]) -> str:
    return ", ".join(repr(figure.written) for figure in figures)

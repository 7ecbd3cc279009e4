"""Termbase: no forbidden variants anywhere; where the source uses a concept, the approved term.

A concept counts as used when the source section contains its source-language term, a variant
or its abbreviation; the translation must then contain the approved term or an accepted variant
(or the abbreviation, where the source used only that).
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, compared_sections, finding
from kbsync.codes import Code, Severity
from kbsync.model import Finding, Section
from kbsync.reading.termbase import Termbase

CODES = (
    Code("KB601", Severity.ERROR, "forbidden-term", "a variant the termbase forbids"),
    Code("KB602", Severity.WARNING, "approved-term-missing",
         "the source uses a concept; the translation lacks its approved term"),
)


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    page = pair.subject
    termbase = context.termbase
    if page is None or not termbase.concepts:
        return
    forbidden = termbase.index(pair.lang, "forbidden")
    for section in page.content.sections:
        for concept_id, phrase in forbidden.find(section.words):
            approved = termbase.concepts[concept_id].entries[pair.lang].term
            yield finding(pair, section.locate(phrase), "KB601", f"`{phrase}` is a forbidden "
                          f"variant: write `{approved}` (termbase: {concept_id})", section.id)
    if pair.translation is None:
        return
    name = context.config.language_name(pair.lang)
    for source, translated in compared_sections(pair, context):
        used_terms, used_abbreviations = _concepts(source, context.config.source_lang, termbase)
        present, present_abbreviations = _concepts(translated, pair.lang, termbase)
        for concept_id in sorted(used_terms | used_abbreviations):
            concept = termbase.concepts[concept_id]
            entry = concept.entries.get(pair.lang)
            if entry is None or concept_id in present:
                continue
            if concept_id not in used_terms and concept_id in present_abbreviations:
                continue
            source_term = concept.entries[context.config.source_lang].term
            yield finding(pair, translated.line, "KB602", f"section `{source.id}` uses "
                          f"`{source_term if concept_id in used_terms else concept.abbreviation}` in "
                          f"the source: use the approved {name} term `{entry.term}` "
                          f"(termbase: {concept_id})", source.id)


def _concepts(section: Section, lang: str, termbase: Termbase) -> tuple[set[str], set[str]]:
    """Concepts whose term or variant the section contains, and those whose abbreviation it has."""
    by_term = {concept_id for concept_id, _ in termbase.index(lang, "accepted").find(section.words)}
    by_abbreviation = {concept_id for abbreviation, concept_id in termbase.abbreviations
                       if abbreviation in section.cased_words}
    return by_term, by_abbreviation

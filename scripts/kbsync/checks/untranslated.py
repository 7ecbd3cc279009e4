"""Paragraphs left untranslated: identical to a source paragraph, or in the source language.

The reader keeps only text blocks long enough to tell (markdown_reader.MIN_IDENTICAL_WORDS)
and identifies the language of paragraphs only (language_id.MIN_WORDS).
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, compared_sections, finding
from kbsync.codes import Code, Severity
from kbsync.model import Finding
from kbsync.reading.termbase import words_of

CODES = (
    Code("KB701", Severity.WARNING, "identical-to-source", "a paragraph identical to the source"),
    Code("KB702", Severity.WARNING, "source-language", "a paragraph recognised as the source language"),
)

MIN_TRANSLATABLE_WORDS = 3


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    source_lang = context.config.source_lang
    source_name = context.config.language_name(source_lang)
    for source, translated in compared_sections(pair, context):
        source_texts = {block.text for block in source.blocks}
        for block in translated.blocks:
            if block.text in source_texts and _translatable(block.text, context):
                yield finding(pair, block.line, "KB701", f"section `{source.id}`: this text is "
                              f"identical to the {source_name} source: translate it", source.id)
            elif block.language == source_lang:
                yield finding(pair, block.line, "KB702", f"section `{source.id}`: this text reads "
                              f"as {source_name}: translate it", source.id)


def _translatable(text: str, context: CheckContext) -> bool:
    """Whether enough of the text is more than names from the termbase (`Net Promoter Score
    (NPS)` is the same in every language)."""
    vocabulary = context.termbase.vocabulary
    return sum(word not in vocabulary for word in words_of(text)) >= MIN_TRANSLATABLE_WORDS

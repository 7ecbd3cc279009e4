"""The function-word filter in front of the language model never hides a paragraph in its language.

kbsync asks the model whether a translation's paragraph is in the source language only when the
paragraph has a sign of that language (its profile's function words or letters). The real pages of every language are the
evidence: each of their paragraphs long enough to be identified has one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsync.reading.analysis import Analyzer
from kbsync.languages import profile
from kbsync.reading.language_id import MIN_WORDS, identify, may_be
from kbsync.reading.markdown_reader import WORD_RE
from kbsync.config import load_site_config

REPO = Path(__file__).resolve().parents[3]
CONFIG = load_site_config(REPO / "mkdocs.yml")


def paragraphs(lang: str) -> list[tuple[str, str]]:
    """(file, text) of every paragraph of MIN_WORDS words or more on the site's pages in `lang`."""
    analyzer = Analyzer(CONFIG)
    found = []
    for path in sorted((REPO / "docs" / lang).rglob("*.md")):
        for section in analyzer.analyze(path.read_bytes(), lang).sections:
            found += [(path.name, block.text) for block in section.blocks if block.words >= MIN_WORDS]
    return found


@pytest.fixture(scope="module")
def every_paragraph() -> list[tuple[str, str, str]]:
    return [(lang, name, text) for lang in CONFIG.locales for name, text in paragraphs(lang)]


@pytest.mark.parametrize("language", [lang for lang in CONFIG.locales if profile(lang).function_words])
def test_what_the_model_calls_a_language_shows_a_sign_of_it(every_paragraph, language):
    called = [(lang, name, text) for lang, name, text in every_paragraph
              if identify(text, CONFIG.locales) == language]
    assert len(called) > 100
    assert [item for item in called if not may_be(profile(language), item[2], words(item[2]))] == []


@pytest.mark.parametrize("lang", [lang for lang in CONFIG.locales if lang != CONFIG.source_lang])
def test_the_filter_spares_the_model_most_translated_paragraphs(lang):
    texts = [text for _, text in paragraphs(lang)]
    asked = [text for text in texts if may_be(profile(CONFIG.source_lang), text, words(text))]
    assert len(asked) < len(texts) / 4


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())

"""Which of the site's languages a paragraph is written in.

py3langid: offline (the model ships in the wheel), deterministic (naive Bayes over byte
n-grams, no sampling), a maintained fork of langid.py with numpy as its only dependency.
Restricting it to the languages of mkdocs.yml makes it both faster and more accurate.
Loading the model takes about half a second, so it happens once per process, on first use.
"""

from __future__ import annotations

import functools
from typing import Any

from kbsync.languages import LanguageProfile

MIN_WORDS = 8
# Before asking the model whether a translation's paragraph is in the source language, kbsync
# looks for a sign of it: the source profile's function words and letters (kbsync.languages).
# A paragraph the model would call German has one (tests/sync/reading/test_language_id.py checks
# this on every page of the site). A language without signs always goes to the model.

# The model is sure of one of a handful of languages well within this many characters.
SAMPLE_CHARACTERS = 120


def model_language(locale: str) -> str:
    """The model's code for a site locale (`pt_BR` -> `pt`)."""
    return locale.replace("-", "_").split("_")[0].lower()


@functools.lru_cache(maxsize=None)
def _identifier(locales: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    wanted = {model_language(locale) for locale in locales}
    identifier.set_languages(sorted(wanted & set(identifier.labels)))
    return identifier


def may_be(language: LanguageProfile, text: str, words: list[str]) -> bool:
    """False when `text`, whose lowercase words are `words`, shows no sign of `language`
    (a language without signs: always True)."""
    if not language.function_words or not language.function_words.isdisjoint(words):
        return True
    return bool(language.letters) and not language.letters.isdisjoint(text.lower())


def identify(text: str, locales: tuple[str, ...]) -> str:
    """The model code of the most likely of the site's `locales` for `text`."""
    return _identifier(locales).classify(text[:SAMPLE_CHARACTERS])[0]


@functools.lru_cache(maxsize=None)
def distinguishes(source: str, lang: str, locales: tuple[str, ...]) -> bool:
    """True when the model knows both languages (else it cannot tell one from the other)."""
    labels = set(_identifier(locales).nb_classes)
    return model_language(source) in labels and model_language(lang) in labels

"""Which of the site's languages a paragraph is written in.

py3langid: offline (the model ships in the wheel), deterministic (naive Bayes over byte
n-grams, no sampling), a maintained fork of langid.py with numpy as its only dependency.
Restricting it to the languages of mkdocs.yml makes it both faster and more accurate.
Loading the model takes about half a second, so it happens once per process, on first use.
"""

from __future__ import annotations

import functools
from typing import Any

MIN_WORDS = 8
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


def identify(text: str, locales: tuple[str, ...]) -> str:
    """The model code of the most likely of the site's `locales` for `text`."""
    return _identifier(locales).classify(text[:SAMPLE_CHARACTERS])[0]


@functools.lru_cache(maxsize=None)
def distinguishes(source: str, lang: str, locales: tuple[str, ...]) -> bool:
    """True when the model knows both languages (else it cannot tell one from the other)."""
    labels = set(_identifier(locales).nb_classes)
    return model_language(source) in labels and model_language(lang) in labels


def preload(locales: tuple[str, ...]) -> None:
    """Load the model now (processes forked later share it instead of each loading it)."""
    _identifier(locales)

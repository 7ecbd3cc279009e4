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
# Frequent function words of each language, none of them common in the others: a paragraph of
# MIN_WORDS words or more in one of these languages has at least one (kbsync asks only whether a
# translation's paragraph is in the source language, and asks the model only when it has one).
FUNCTION_WORDS = {
    "de": frozenset("der die das und ist nicht mit den dem von zu ein eine einen einem einer für auf sich "
                    "sie wird werden wir ihr ihre sind auch bei nach oder wie zum zur aus dass wenn über "
                    "nur noch kann können muss müssen soll sollen haben hat wurde durch unter vom beim "
                    "diese dieser diesem diesen dieses es".split()),
    "it": frozenset("il lo la gli le di che è e per un una non con del della dello dei degli delle al "
                    "alla allo ai agli alle nel nella nei nelle sono si come anche più se ma questo "
                    "questa questi queste essere viene vengono".split()),
    "fr": frozenset("le la les de des du et est un une pour pas que qui dans sur au aux avec ce "
                    "cette ces il elle ils elles sont être ne se son sa ses leur leurs par plus ou".split()),
    "en": frozenset("the and is are of to in for with on that this these those be it not or by as at "
                    "from an was were has have will can which their our your".split()),
}
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


def may_be(language: str, words: list[str]) -> bool:
    """False when lowercase `words` cannot be a paragraph in the model's `language`: none of its
    function words (a language without a list: always True)."""
    function_words = FUNCTION_WORDS.get(language)
    return function_words is None or not function_words.isdisjoint(words)


def identify(text: str, locales: tuple[str, ...]) -> str:
    """The model code of the most likely of the site's `locales` for `text`."""
    return _identifier(locales).classify(text[:SAMPLE_CHARACTERS])[0]


@functools.lru_cache(maxsize=None)
def distinguishes(source: str, lang: str, locales: tuple[str, ...]) -> bool:
    """True when the model knows both languages (else it cannot tell one from the other)."""
    labels = set(_identifier(locales).nb_classes)
    return model_language(source) in labels and model_language(lang) in labels

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
# Signs of a language: frequent function words and letters it uses (words as frequent in
# another of the site's languages left out: `des`, `in`, `was`, `alle`). kbsync asks only whether a
# translation's paragraph is in the source language, and asks the model only when the paragraph
# has a sign of it: a paragraph the model would call German has one (tests/kbsync/test_language_id.py
# checks this on every page of the site). A language without signs here always goes to the model.
FUNCTION_WORDS = {
    "de": frozenset("der die das den dem und ist sind nicht mit von zu zum zur ein eine einen einem "
                    "einer eines für auf aus bei nach vom beim über unter durch gegen ohne um sich sie er "
                    "es wir ihr ihre ihren sein seine wird werden wurde wurden kann können muss müssen "
                    "soll sollen haben hat auch oder wie wenn dass damit als noch nur schon sehr mehr "
                    "jede jeder jedes kein keine diese dieser diesem diesen dieses".split()),
    "it": frozenset("il lo la gli le di che è e per un una non con del della dello dei degli delle al "
                    "alla allo ai agli alle nel nella nei nelle sono si come anche più se ma questo "
                    "questa questi queste essere viene vengono ogni su da dal dalla".split()),
    "fr": frozenset("le la les de des du et est un une pour pas que qui dans sur au aux avec ce "
                    "cette ces il elle ils elles sont être ne se son sa ses leur leurs par plus ou "
                    "chaque en".split()),
    "en": frozenset("the and is are of to in for with on that this these those be it not or by as at "
                    "from an was were has have will can which their our your each into without against about yes no".split()),
}
LETTERS = {"de": frozenset("äöüß"), "it": frozenset("àèéìòù"), "fr": frozenset("éèêàâçùûîôœ")}
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


def may_be(language: str, text: str, words: list[str]) -> bool:
    """False when `text`, whose lowercase words are `words`, shows no sign of the model's
    `language` (a language without signs: always True)."""
    function_words = FUNCTION_WORDS.get(language)
    if function_words is None or not function_words.isdisjoint(words):
        return True
    letters = LETTERS.get(language)
    return letters is not None and not letters.isdisjoint(text.lower())


def identify(text: str, locales: tuple[str, ...]) -> str:
    """The model code of the most likely of the site's `locales` for `text`."""
    return _identifier(locales).classify(text[:SAMPLE_CHARACTERS])[0]


@functools.lru_cache(maxsize=None)
def distinguishes(source: str, lang: str, locales: tuple[str, ...]) -> bool:
    """True when the model knows both languages (else it cannot tell one from the other)."""
    labels = set(_identifier(locales).nb_classes)
    return model_language(source) in labels and model_language(lang) in labels

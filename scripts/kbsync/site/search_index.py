"""One search index per language: that language's pages, searched with its own stemmer and stop words.

Material's search plugin writes one index for the whole site and mkdocs-static-i18n fills it with
every language's pages: a search on an Italian page lists German, French and English pages too,
and no stemmer fits all four languages. This module turns the entries Material's search plugin
collected during one language's build into that language's own index:

- locations relative to the language's root, where the site plugin points Material's script;
- pages not translated yet (the i18n plugin's German fallback pages) titled with the source
  language's name added, "Glossar (Deutsch)", so the result list says they are in German (as a
  title, not one of Material's result tags: those are unnamed navigation landmarks, an
  accessibility error when several results carry them);
- lunr's full pipeline, stemmer included (Material leaves the stemmer out by default because one
  index would hold many languages), for this one language;
- for a language that writes compounds as one word (German), their parts in a field of their own
  (see ``kbsync.site.compounds``; the language profile gives the linking elements).

Material's client appends a wildcard to every query term, which bypasses lunr's stemmer; the
search worker ``overrides/assets/javascripts/workers/language-search.js`` stems the query instead.

It must not read or write files: the plugin does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kbsync.languages import profile
from kbsync.site.compounds import CompoundSplitter, lexicon

PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
PARTS_FIELD = "parts"


class SearchEntryError(ValueError):
    """An entry of Material's search index that does not belong to the language being built."""


@dataclass(frozen=True)
class SearchLanguage:
    """What the index of one language needs to know about it."""

    locale: str
    root: str  # where the language's pages live in the site: "" for the default language, "it/"
    source_name: str  # the source language's name, e.g. "Deutsch", added to a fallback page's titles
    separator: str  # lunr's word separator, a regular expression


def language_index(
    entries: Iterable[Mapping],
    language: SearchLanguage,
    fallback_pages: Iterable[str],
    fields: Mapping[str, Mapping],
) -> dict:
    """The search index (as Material's client reads it) of ``language``'s ``entries``.

    ``fallback_pages`` are the site paths of the pages built from the source language, e.g.
    ``it/guidelines/people/``; ``fields`` are Material's search fields and their boosts.
    """
    fallbacks = set(fallback_pages)
    docs = [_language_doc(entry, language, fallbacks) for entry in entries]
    index_fields = {name: dict(spec) for name, spec in fields.items()}
    linking_elements = profile(language.locale).compound_linking_elements
    if linking_elements is not None:  # the language writes compounds as one word
        splitter = CompoundSplitter(lexicon(doc["title"] + "\n" + doc["text"] for doc in docs), linking_elements)
        for doc in docs:
            if parts := splitter.parts(doc["title"] + "\n" + doc["text"]):
                doc[PARTS_FIELD] = " ".join(parts)
        index_fields[PARTS_FIELD] = {"boost": 1.0}
    return {
        "config": {
            "lang": [language.locale],
            "separator": language.separator,
            "pipeline": PIPELINE,
            "fields": index_fields,
        },
        "docs": docs,
    }


def index_json(index: dict) -> str:
    """The index as Material's search plugin writes it: compact JSON."""
    return json.dumps(index, separators=(",", ":"), ensure_ascii=False, default=str)


def _language_doc(entry: Mapping, language: SearchLanguage, fallbacks: set[str]) -> dict:
    location = entry["location"]
    if not location.startswith(language.root):
        raise SearchEntryError(
            f"search entry '{location}' lies outside the '{language.locale}' pages at /{language.root}"
        )
    doc = dict(entry, location=location[len(language.root):])
    if location.split("#", 1)[0] in fallbacks:
        doc["title"] = f"{entry['title']} ({language.source_name})"
    return doc

"""The termbase (docs/termbase.yml): approved, accepted and forbidden terms per concept.

Shared by the terms check and the site's glossary; it reads the file, never writes it.
Loading validates against schemas/termbase.schema.json and against mkdocs.yml's languages;
errors name the file, the line, the key path and the expected form. Matching works on word
sequences (case-insensitive; abbreviations case-sensitive), so `Net  Promoter\nScore` matches.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kbsync.cache import Cache, remembered
from kbsync.errors import ConfigError
from kbsync.reading.schemas import format_path, validate
from kbsync.config import SiteConfig
from kbsync.reading.yaml_source import YamlSourceError, compose_mapping, construct, line_at

WORD_RE = re.compile(r"[^\W_]+")
WHAT = "termbase"
_CACHE = "termbase"
CONCEPT_KEYS = {"id", "abbreviation", "group"}


def words_of(phrase: str) -> tuple[str, ...]:
    return tuple(WORD_RE.findall(phrase.lower()))


@dataclass(frozen=True)
class TermEntry:
    term: str
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass(frozen=True)
class Concept:
    id: str
    abbreviation: str | None
    entries: dict[str, TermEntry]


STEM = 4  # words are indexed by their first letters, so inflected forms find their term
WORDS_REMEMBERED = 200_000  # words an index keeps the matching phrases of


VOWELS = frozenset("aeiouàèéìòù")


def word_matches(word: str, term_word: str) -> bool:
    """`word` is `term_word` or an inflected form of it: an ending of up to three letters added
    (centre -> centres, Center -> Centern), a final vowel changed (soddisfazione ->
    soddisfazioni) or dropped (sondaggio -> sondaggi). Words shorter than STEM letters must
    match exactly."""
    if word == term_word or len(term_word) < STEM:
        return word == term_word
    if word.startswith(term_word):
        return len(word) - len(term_word) <= 3
    stem = term_word[:-1]
    if term_word[-1] not in VOWELS or not word.startswith(stem):
        return False
    return word == stem or (len(word) == len(term_word) and word[-1] in VOWELS)


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases by the first letters of their first word, to find them in a section's words."""

    by_stem: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    # Word -> the phrases whose first word it is a form of, filled in as words are met: a text
    # repeats its words, so each word is matched against the phrases once.
    _starting: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]] = field(
        default_factory=dict, compare=False, repr=False)
    _starts_phrase: set[str] = field(default_factory=set, compare=False, repr=False)  # words with phrases

    @classmethod
    def of(cls, phrases: list[tuple[str, str]]) -> PhraseIndex:
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for concept_id, phrase in phrases:
            words = words_of(phrase)
            if words:
                index.setdefault(words[0][:STEM], []).append((words, concept_id, phrase))
        for candidates in index.values():
            candidates.sort(key=lambda item: -len(item[0]))
        return cls(index)

    def find(self, words: tuple[str, ...]) -> list[tuple[str, str]]:
        """(concept id, phrase as written in the termbase) for every occurrence in `words`."""
        starting = self._starting
        distinct = set(words)
        for word in distinct.difference(starting):
            self._remember(word)
        present = distinct.intersection(self._starts_phrase)
        if not present:
            return []
        found: list[tuple[str, str]] = []
        for position in [position for position, word in enumerate(words) if word in present]:
            for candidate, concept_id, phrase in starting[words[position]]:
                end = position + len(candidate)
                if end <= len(words) and all(map(word_matches, words[position + 1:end], candidate[1:])):
                    found.append((concept_id, phrase))
                    break
        return found

    def _remember(self, word: str) -> None:
        if len(self._starting) >= WORDS_REMEMBERED:
            self._starting.clear()
            self._starts_phrase.clear()
        phrases = self._starting[word] = tuple(
            item for item in self.by_stem.get(word[:STEM], ()) if word_matches(word, item[0][0]))
        if phrases:
            self._starts_phrase.add(word)


@dataclass(frozen=True)
class Termbase:
    concepts: dict[str, Concept] = field(default_factory=dict)
    indexes: dict[tuple[str, str], PhraseIndex] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()  # every word of every term, variant, abbreviation
    abbreviations: tuple[tuple[str, str], ...] = ()  # (abbreviation, concept id)

    def index(self, lang: str, kind: str) -> PhraseIndex:
        """Phrases of `lang`: kind `accepted` (term and variants) or `forbidden`."""
        return self.indexes.get((lang, kind)) or PhraseIndex()

    @classmethod
    def of(cls, concepts: list[Concept], langs: tuple[str, ...]) -> Termbase:
        indexes = {(lang, kind): PhraseIndex.of([
            (concept.id, phrase) for concept in concepts if lang in concept.entries
            for phrase in getattr(concept.entries[lang], kind)])
            for lang in langs for kind in ("accepted", "forbidden")}
        vocabulary = {word for concept in concepts for entry in concept.entries.values()
                      for phrase in entry.accepted for word in words_of(phrase)}
        vocabulary.update(concept.abbreviation.lower() for concept in concepts if concept.abbreviation)
        abbreviations = tuple((concept.abbreviation, concept.id) for concept in concepts if concept.abbreviation)
        return cls({concept.id: concept for concept in concepts}, indexes, frozenset(vocabulary), abbreviations)


class TermbaseError(ConfigError):
    """The termbase cannot be used; the message names the file, the line and the fix."""


def load_termbase(path: Path, locales: list[str] | tuple[str, ...] | None = None,
                  cache: Cache | None = None) -> dict:
    """The termbase as data, `{"version": 1, "concepts": [...]}`, validated; or TermbaseError.

    With `locales` (the site's languages), every concept must give a term in each of them and
    no other language. Used by the checks (via `site_termbase`) and by the site's glossary.
    With a `cache`, a file validated before (same bytes, same languages) is not validated again.
    """
    shown = str(path)
    try:
        data = Path(path).read_bytes()
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        raise TermbaseError("not found", path=shown,
                            hint="create it; see scripts/kbsync/README.md, section Termbase") from None
    except (OSError, UnicodeDecodeError) as error:
        raise TermbaseError(f"cannot be read as UTF-8 text ({error})", path=shown) from None
    key = hashlib.sha256(data + repr(locales).encode()).hexdigest()
    return remembered(cache, _CACHE, key, lambda: _validated(text, shown, locales))


def _validated(text: str, shown: str, locales: list[str] | tuple[str, ...] | None) -> dict:
    try:
        node = compose_mapping(text, 1, WHAT)
        data = construct(node, 1, WHAT) if node is not None else {}
    except YamlSourceError as error:
        raise TermbaseError(error.message, path=shown, line=error.line) from None

    def fail(key_path: list[str | int], message: str) -> TermbaseError:
        line = line_at(node, key_path, 1) if node is not None else 1
        where = f"{format_path(key_path)}: " if key_path else ""
        return TermbaseError(f"{where}{message}", path=shown, line=line)

    problems = validate("termbase.schema.json", data)
    if problems:
        raise fail(list(problems[0].path), problems[0].message)
    seen: set[str] = set()
    for index, concept in enumerate(data["concepts"]):
        if concept["id"] in seen:
            raise fail(["concepts", index, "id"], f"`{concept['id']}` is used by two concepts; "
                       "expected a unique ID")
        seen.add(concept["id"])
        for lang in locales or ():
            if lang not in concept:
                raise fail(["concepts", index], f"has no `{lang}` entry; expected "
                           f"`{lang}: {{term: ...}}` for every language of mkdocs.yml")
        if "group" in concept:  # an entry of the glossary, which shows the definition in every language
            for lang in locales or [key for key in concept if key not in CONCEPT_KEYS]:
                if "definition" not in concept[lang]:
                    raise fail(["concepts", index, lang], f"has no `definition`; the concept has a `group`, so "
                               f"the glossary shows it with its definition in every language: add "
                               f"`definition: ...` to its `{lang}` entry, or remove `group`")
        for key, entry in concept.items():
            if key in CONCEPT_KEYS:
                continue
            if locales is not None and key not in locales:
                raise fail(["concepts", index, key], f"`{key}` is not a language of mkdocs.yml; "
                           f"expected one of {', '.join(locales)}")
            approved = {words_of(phrase) for phrase in (entry["term"], *entry.get("variants", ()))}
            for position, phrase in enumerate(entry.get("forbidden", ())):
                if words_of(phrase) in approved:
                    raise fail(["concepts", index, key, "forbidden", position],
                               f"`{phrase}` is both approved and forbidden; expected a variant "
                               "that differs from `term` and `variants`")
    return data


# A Markdown inline link, `[text](target)` or `[text](<target> "title")`: a definition is one
# paragraph, and the glossary (kbsync.site.glossary) finds its links with the same kind of pattern.
DEFINITION_LINK_RE = re.compile(r"\[(?:[^\]\\]|\\.)*\]\(\s*(?:<([^>\n]*)>|([^\s)]+))(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


@dataclass(frozen=True)
class ConceptGroup:
    """A concept's `group`: the ID of the glossary heading its entry stands under, and its line."""

    concept: str
    group: str
    line: int


@dataclass(frozen=True)
class DefinitionLink:
    """A link in a concept's definition: its target as written (relative to the glossary page, where
    the site renders the definition) and its line in the termbase file."""

    concept: str
    lang: str
    target: str
    line: int


@dataclass(frozen=True)
class TermbaseOutline:
    """What the run checks need of the termbase: the concept IDs (the glossary's entry anchors) and
    the links in the definitions, with their lines."""

    concept_ids: frozenset[str] = frozenset()
    links: tuple[DefinitionLink, ...] = ()
    groups: tuple[ConceptGroup, ...] = ()  # each concept's `group`, with its line


def termbase_outline(text: str) -> TermbaseOutline:
    """Concept IDs and definition links of the termbase's text; an empty outline when the text is not
    a termbase (`load_termbase` reports why). Lines are found in the YAML source, so a link in a
    folded or quoted definition of several lines is named at its own line."""
    try:
        node = compose_mapping(text, 1, WHAT)
    except YamlSourceError:
        return TermbaseOutline()
    concepts = _value(node, "concepts")
    if not isinstance(concepts, yaml.SequenceNode):
        return TermbaseOutline()
    ids: set[str] = set()
    links: list[DefinitionLink] = []
    groups: list[ConceptGroup] = []
    for concept in concepts.value:
        if not isinstance(concept, yaml.MappingNode):
            continue
        concept_id = _value(concept, "id")
        if not isinstance(concept_id, yaml.ScalarNode):
            continue
        ids.add(concept_id.value)
        group = _value(concept, "group")
        if isinstance(group, yaml.ScalarNode):
            groups.append(ConceptGroup(concept_id.value, group.value, group.start_mark.line + 1))
        for key, entry in concept.value:
            definition = _value(entry, "definition") if key.value not in CONCEPT_KEYS else None
            if isinstance(definition, yaml.ScalarNode):
                links.extend(DefinitionLink(concept_id.value, key.value, target, line)
                             for target, line in _links_with_lines(definition, text))
    return TermbaseOutline(frozenset(ids), tuple(links), tuple(groups))


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)


def _links_with_lines(definition: yaml.ScalarNode, text: str) -> list[tuple[str, int]]:
    """(target, line) of each link of a definition; the line is where the target stands in the file."""
    source = text[definition.start_mark.index:definition.end_mark.index]
    found = []
    cursor = 0
    for match in DEFINITION_LINK_RE.finditer(definition.value):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        position = source.find(target, cursor) if target else -1
        if position >= 0:
            cursor = position + len(target)
        found.append((target, 1 + definition.start_mark.line + source.count("\n", 0, max(position, 0))))
    return found


def site_termbase(config: SiteConfig) -> Termbase:
    """The site's termbase, indexed for the checks; an empty one when the site has none."""
    path = config.termbase_path
    if not path.is_file():
        return Termbase()
    data = load_termbase(Path(config.relative(path)) if path.is_relative_to(config.root) else path,
                         config.locales)
    concepts = [Concept(raw["id"], raw.get("abbreviation"), {
        key: TermEntry(entry["term"], tuple(entry.get("variants", ())), tuple(entry.get("forbidden", ())))
        for key, entry in raw.items() if key not in CONCEPT_KEYS}) for raw in data["concepts"]]
    return Termbase.of(concepts, config.locales)

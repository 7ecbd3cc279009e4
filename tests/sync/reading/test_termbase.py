"""Property: the phrase index finds exactly what a plain scan of every position finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kbsync.reading.termbase import PhraseIndex, word_matches, words_of

PHRASES = [("nps", "Net Promoter Score"), ("nps-short", "Promoter Score"), ("csat", "Kundenzufriedenheit"),
           ("survey", "sondaggio"), ("centre", "centre"), ("kpi", "KPI"), ("fcr", "Erstlösungsquote"),
           ("ces", "Customer Effort Score"), ("customer", "customer")]
# The phrases' words, their inflected and cut forms, and other words.
VOCABULARY = sorted({form for _, phrase in PHRASES for word in words_of(phrase)
                     for form in (word, word + "s", word + "en", word[:-1], word[:-1] + "i", word[:3])}
                    | {"the", "und", "score", "net", "x"})


def scan(phrases: list[tuple[str, str]], words: tuple[str, ...]) -> list[tuple[str, str]]:
    """At every position, the longest phrase whose words match there."""
    candidates = sorted(((words_of(phrase), concept, phrase) for concept, phrase in phrases),
                        key=lambda item: -len(item[0]))
    found = []
    for position in range(len(words)):
        for candidate, concept, phrase in candidates:
            window = words[position:position + len(candidate)]
            if window[0][:4] == candidate[0][:4] and len(window) == len(candidate) \
                    and all(map(word_matches, window, candidate)):
                found.append((concept, phrase))
                break
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=30).map(tuple))
def test_index_finds_what_a_scan_finds(words):
    index = PhraseIndex.of(PHRASES)
    assert index.find(words) == scan(PHRASES, words)
    assert index.find(words) == scan(PHRASES, words)  # and again, from what it remembers


def test_inflected_and_multi_word_phrases():
    index = PhraseIndex.of(PHRASES)
    assert index.find(words_of("Der Net Promoter Score und die sondaggi der centres")) == [
        ("nps", "Net Promoter Score"), ("nps-short", "Promoter Score"), ("survey", "sondaggio"),
        ("centre", "centre")]
    # The longest phrase at a position, only: not `customer` inside `Customer Effort Score`.
    assert index.find(words_of("the Customer Effort Score of customers")) == [
        ("ces", "Customer Effort Score"), ("customer", "customer")]

"""signoff.worddiff: the word diff `ack` and `diff` show."""

from __future__ import annotations

import random
import time
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from kbsync.signoff import worddiff
from kbsync.signoff.worddiff import NEW, OLD, SAME, TOKEN_RE, as_text, changed, deleted, inserted, word_diff


def words(text: str) -> list[str]:
    return [word for _, word in TOKEN_RE.findall(text)]


def test_a_changed_number_and_an_added_comma():
    pieces = word_diff("Kleine Teams warten fünf Monate bevor sie\nvergleichen.\n",
                       "Kleine Teams warten drei Monate, bevor\nsie vergleichen.\n")
    assert as_text(pieces) == "Kleine Teams warten [-fünf-]{+drei+} Monate{+,+} bevor\nsie vergleichen.\n"


def test_wrapping_and_spacing_are_no_change():
    pieces = word_diff("Ein  Satz,\ndrei Zeilen\nlang.", "Ein Satz, drei\nZeilen lang.")
    assert not changed(pieces)
    assert as_text(pieces) == "Ein Satz, drei\nZeilen lang."


def test_deletion_at_the_end_and_insertion_at_the_start():
    assert as_text(word_diff("a b c", "a c")) == "a [-b-] c"
    assert as_text(word_diff("a b", "a")) == "a [-b-]"
    assert as_text(word_diff("b", "a b")) == "{+a+} b"


def test_whole_sections_in_and_out():
    assert [(piece.kind, piece.text) for piece in inserted("## Neu {#new}\n\nText.\n\n")] == \
        [(NEW, "## Neu {#new}\n\nText."), (SAME, "\n\n")]
    assert [(piece.kind, piece.text) for piece in deleted("Alt.\n")] == [(OLD, "Alt."), (SAME, "\n")]
    assert inserted("") == ()


text = st.lists(st.sampled_from(["der", "die", "Team", "5", "fünf", ",", ".", "[NPS](x.md)", "über", "\n",
                                 "  ", "{#id}"]), max_size=40).map(" ".join)


def assert_holds_both(old: str, new: str, pieces) -> None:
    assert words("".join(piece.text for piece in pieces if piece.kind != OLD)) == words(new)
    assert words("".join(piece.text for piece in pieces if piece.kind != NEW)) == words(old)


@settings(max_examples=200, deadline=None)
@given(text, text)
def test_the_pieces_hold_both_texts_word_for_word(old, new):
    pieces = word_diff(old, new)
    assert words("".join(piece.text for piece in pieces if piece.kind != OLD)) == words(new)
    assert words("".join(piece.text for piece in pieces if piece.kind != NEW)) == words(old)
    assert changed(pieces) == (words(old) != words(new))
    assert all(piece.text for piece in pieces)
    assert all(first.kind != second.kind for first, second in zip(pieces, pieces[1:]))


@settings(max_examples=300, deadline=None)
@given(text, text)
def test_texts_cut_at_shared_words_still_hold_both_texts_word_for_word(old, new):
    # With a limit of 4 pairs, every text of this strategy takes the path of long sections: common
    # start and end, words shared once, stretches between them, stretches replaced whole.
    with mock.patch.object(worddiff, "DIRECT_PAIRS", 4):
        pieces = word_diff(old, new)
    assert_holds_both(old, new, pieces)
    assert changed(pieces) == (words(old) != words(new))
    assert all(piece.text for piece in pieces)
    assert all(first.kind != second.kind for first, second in zip(pieces, pieces[1:]))


def prose(words_count: int, seed: int) -> str:
    """German-like text: frequent short words among rarer long ones, wrapped every 12 words."""
    generator = random.Random(seed)
    frequent = ["der", "die", "und", "das", ",", ".", "wir", "den", "mit", "5"]
    rare = [f"{generator.choice(['Kunden', 'Service', 'Team', 'Quali'])}{word}wert" for word in range(40_000)]
    chosen = [generator.choice(frequent) if generator.random() < 0.6 else generator.choice(rare)
              for _ in range(words_count)]
    return "\n".join(" ".join(chosen[start:start + 12]) for start in range(0, words_count, 12))


def every_nth_word_changed(text: str, step: int) -> str:
    parts = text.split(" ")
    return " ".join("drei" if index % step == 0 else part for index, part in enumerate(parts))


def marked(pieces, kind: str) -> int:
    return sum(len(words(piece.text)) for piece in pieces if piece.kind == kind)


def test_a_long_section_is_marked_no_more_than_difflib_marks_it():
    old = prose(4_000, seed=1)  # 4,000 x 4,000 words: cut at the shared words
    new = every_nth_word_changed(old, 37)
    with mock.patch.object(worddiff, "DIRECT_PAIRS", 10**12):
        whole = word_diff(old, new)  # difflib on everything
    cut = word_diff(old, new)
    assert_holds_both(old, new, cut)
    # The same words deleted and inserted (where `das das` lost one `das` may differ).
    assert (marked(cut, OLD), marked(cut, NEW)) == (marked(whole, OLD), marked(whole, NEW)) == (109, 100)


def test_a_section_of_1_mib_is_compared_in_n_log_n_time():
    # The page limit (KB103): 1 MiB in one section. difflib alone took 23 s at 240 KB, 4x per doubling.
    old = prose(150_000, seed=2)
    assert len(old.encode()) > 1_000_000
    new = every_nth_word_changed(old, 50)
    started = time.perf_counter()
    pieces = word_diff(old, new)
    elapsed = time.perf_counter() - started
    print(f"\nword diff of two 1 MiB sections: {elapsed:.2f} s (bound 20 s)")
    assert elapsed < 20
    assert_holds_both(old, new, pieces)
    assert sum(piece.kind == NEW for piece in pieces) == len(old.split(" ")) // 50 + 1


def test_a_section_of_one_word_repeated_is_compared_in_bounded_time():
    # No word occurs once: nothing to cut at; the changed stretch is replaced whole, in time.
    old = "der " * 250_000
    new = every_nth_word_changed(old, 1_000)
    started = time.perf_counter()
    pieces = word_diff(old, new)
    elapsed = time.perf_counter() - started
    print(f"\nword diff of 250,000 equal words: {elapsed:.2f} s (bound 20 s)")
    assert elapsed < 20
    assert_holds_both(old, new, pieces)

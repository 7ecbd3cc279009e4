"""signoff.worddiff: the word diff `ack` and `diff` show."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


@settings(max_examples=200, deadline=None)
@given(text, text)
def test_the_pieces_hold_both_texts_word_for_word(old, new):
    pieces = word_diff(old, new)
    assert words("".join(piece.text for piece in pieces if piece.kind != OLD)) == words(new)
    assert words("".join(piece.text for piece in pieces if piece.kind != NEW)) == words(old)
    assert changed(pieces) == (words(old) != words(new))
    assert all(piece.text for piece in pieces)
    assert all(first.kind != second.kind for first, second in zip(pieces, pieces[1:]))

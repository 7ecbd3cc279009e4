"""Bounded work in the hand-off's reading of a section (export, import, `status --words`): a block
of 1 MiB (the page limit) or more of markup a translator's tool never meets is cut into blocks and
inline codes in linear time and rebuilds exactly. Each case was quadratic before: paired emphasis
searched back over every unpaired run of the other character, adjacent text was added string by
string, a code span in a link's brackets copied the rest of the block, the skeleton around the
blocks was added line by line. The bounds are generous (they catch a hang, not a slow machine);
`pytest -s` prints each with the time measured."""

from __future__ import annotations

import time

import pytest

from kbsync.handoff.inline import render, tokenize
from kbsync.handoff.segments import segment_section

MIB = 1 << 20


def timed(what: str, seconds: float, function, *args):
    started = time.perf_counter()
    result = function(*args)
    elapsed = time.perf_counter() - started
    print(f"\n{what}: {elapsed:.2f} s (bound {seconds:.0f} s)")
    assert elapsed < seconds, f"{what} took {elapsed:.1f} s"
    return result


@pytest.mark.parametrize("unit, size", [
    ("*a b_ ", MIB),  # runs of `*` that open and of `_` that close: before, 384 KB took 470 s
    ("*a *a ", MIB),  # runs that open and never close: text between codes, joined string by string
    ("[`Get-Item`](a.md) ", 4 * MIB),  # a code span in every link: the rest of the block copied (before, ~270 s)
    ("**a** _b_ [c](d.md) `e` &amp; ", MIB),
])
def test_a_paragraph_of_inline_markup_is_tokenized_in_linear_time(unit, size):
    text = unit * (size // len(unit))
    tokens = timed(f"tokens of {size // MIB} MiB of {unit!r}", 120, tokenize, text)
    assert render(tokens) == text


@pytest.mark.parametrize("unit, size", [
    ("    code line\n", 8 * MIB),  # an indented code block: skeleton added line by line (before, ~190 s)
    ("<!-- a comment -->\n", 8 * MIB),  # (before, ~250 s)
    ("x = 1\n", MIB),  # inside one fenced code block
    ("- item\n", MIB),
    ("| a | b |\n", MIB),
])
def test_a_section_of_one_construct_is_cut_into_blocks_in_linear_time(unit, size):
    body = unit * (size // len(unit))
    head = {"x = 1\n": "```\n", "| a | b |\n": "| A | B |\n| --- | --- |\n"}.get(unit, "")
    tail = "```\n" if unit == "x = 1\n" else ""
    section = f"## Groß {{#big}}\n\n{head}{body}{tail}"
    text = timed(f"blocks of {size // MIB} MiB of {unit!r}", 120, segment_section, section, 1)
    assert text.rebuild([block.text for block in text.blocks]) == section

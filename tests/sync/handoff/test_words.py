"""Word counts for a quote: per state, codes left out, by translate-toolkit's pocount rule."""

from __future__ import annotations

from kbsync.formats import text as text_format
from kbsync.handoff.inline import renumber, tokenize
from kbsync.handoff.units import Unit, UnitState
from kbsync.handoff.words import count, summary


def unit(text: str, state: UnitState) -> Unit:
    return Unit("p.md#s/p1.s1", "p.md", "s", "2:0", 1, renumber(tokenize(text)), state)


def test_words_are_counted_in_the_source_without_codes_or_figures():
    counted = count([
        unit("Siehe [die Quellen](../x.md#sources) und `NPS = P - D`, z. B. 12 %.", UnitState.NEW),
        unit("**Fett** bleibt.", UnitState.FUZZY),
        unit("Ein Satz mit <br> vier Wörtern.", UnitState.TRANSLATED),
    ])
    # pocount's rule: the figure is a word, `z. B.` none, link text counts, its target and code do not.
    assert counted.words == {UnitState.NEW: 5, UnitState.FUZZY: 2, UnitState.TRANSLATED: 5}
    assert counted.units == {UnitState.NEW: 1, UnitState.FUZZY: 1, UnitState.TRANSLATED: 1}
    assert summary(counted) == "3 units, 12 words: 5 new, 2 changed (fuzzy), 5 unchanged (pre-filled)"
    assert text_format.render_words([("Italiano (it)", counted)]).split("\n")[3].split() == ["Italiano", "(it)", "3", "5", "2", "5", "12"]


def test_status_words_counts_what_an_export_would_hold(edited):
    result = edited.run("status", "--words", "--lang", "it")
    assert result.code == 0, result.err
    lines = result.out.split("\n")
    header = lines.index("words to translate (what `kbsync export LANG` would hand over):")
    assert lines[header + 2].split() == ["Italiano", "(it)", "15", "5", "16", "105", "126"]
    markdown = edited.run("status", "--words", "--format", "markdown")
    assert "| Français (fr) | 15 | 5 | 16 | 105 | 126 |" in markdown.out
    assert edited.run("status", "--words", "--format", "json").code == 2


def test_an_up_to_date_site_has_no_words_to_translate(site):
    result = site.run("status", "--words", "--lang", "en")
    assert result.out.rstrip().split("\n")[-1].split() == ["English", "(en)", "0", "0", "0", "0", "0"]

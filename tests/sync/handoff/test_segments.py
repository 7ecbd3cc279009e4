"""Blocks, sentences and inline codes of the hand-off, on constructed sections and on every real page."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kbsync.config import load_site_config
from kbsync.handoff.inline import Alone, Close, Open, plain, render, tokenize
from kbsync.handoff.segments import segment_section, sentences, split_sentences
from kbsync.reading.analysis import Analyzer

REPO = Path(__file__).resolve().parents[3]

SECTION = textwrap.dedent("""\
    ## Die Grundlagen {#basics .wide}

    Ein Absatz mit [einem Link](../metrics/nps.md#scale) und `Code`.
    Er geht auf der nächsten Zeile weiter.

    - **Erste Anlaufstelle.** Stellen Sie sich vor.
    - [ ] Eine Aufgabe

    | Kennzahl | Was sie zeigt |
    | --- | :---: |
    | `NPS` | Die Bereitschaft zur Weiterempfehlung |

    !!! note "Unser Hinweis"
        Der Text des Hinweises.

    Begriff
    :   Seine Erklärung.

    *[NPS]: Net Promoter Score

    ```python
    print("kein Text")
    ```

    <!-- ein Kommentar
    über zwei Zeilen -->

    <div markdown>
    Text im Block.
    </div>

    > Ein Zitat.

    ---
    """)


def test_blocks_of_every_construct_and_the_skeleton_around_them():
    text = segment_section(SECTION, 10)
    found = [(block.kind, block.text, block.line) for block in text.blocks]
    assert found == [
        ("heading", "Die Grundlagen", 10),
        ("paragraph", "Ein Absatz mit [einem Link](../metrics/nps.md#scale) und `Code`. "
                      "Er geht auf der nächsten Zeile weiter.", 12),
        ("item", "**Erste Anlaufstelle.** Stellen Sie sich vor.", 15),
        ("item", "Eine Aufgabe", 16),
        ("cell", "Kennzahl", 18), ("cell", "Was sie zeigt", 18),
        ("cell", "`NPS`", 20), ("cell", "Die Bereitschaft zur Weiterempfehlung", 20),
        ("title", "Unser Hinweis", 22),
        ("paragraph", "Der Text des Hinweises.", 23),
        ("term", "Begriff", 25),
        ("definition", "Seine Erklärung.", 26),
        ("abbreviation", "Net Promoter Score", 28),
        ("paragraph", "Text im Block.", 38),
        ("paragraph", "Ein Zitat.", 41),
    ]
    skeleton = "".join(piece for piece in text.pieces if isinstance(piece, str))
    for kept in ("## ", " {#basics .wide}", "- [ ] ", "| --- | :---: |", '!!! note "', "    ", ":   ",
                 "*[NPS]: ", 'print("kein Text")', "<!-- ein Kommentar\nüber zwei Zeilen -->",
                 "<div markdown>", "</div>", "> ", "\n\n---\n"):
        assert kept in skeleton
    # Rebuilt with its own blocks, the section is the same but for the wrapped paragraph (one line).
    rebuilt = text.rebuild([block.text for block in text.blocks])
    assert rebuilt == SECTION.replace("`Code`.\nEr geht", "`Code`. Er geht")
    assert text.rebuild([f"<{block.number}>" for block in text.blocks]).startswith(
        "## <1> {#basics .wide}\n\n<2>\n\n- <3>\n- [ ] <4>\n\n| <5> | <6> |")


def test_a_block_of_figures_and_a_heading_id_are_never_text():
    text = segment_section("## Beispiel {#worked-example}\n\n| Größe | Wert |\n|---|---|\n| NPS | +30 |\n", 1)
    assert [block.text for block in text.blocks] == ["Beispiel", "Größe", "Wert", "NPS", "+30"]
    assert all("{#" not in block.text for block in text.blocks)


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Mit p = Anteil (z. B. 0,5) sowie n. Dies gilt d. h. immer. F. F. Reichheld schrieb am 1. März 2003. Gut.",
     ["Mit p = Anteil (z. B. 0,5) sowie n.", "Dies gilt d. h. immer.", "F. F. Reichheld schrieb am 1. März 2003.",
      "Gut."]),
    ("it", "Per es. un cliente, ad es. Mario. Poi ecc. Fine.", ["Per es. un cliente, ad es. Mario.", "Poi ecc. Fine."]),
    ("en", "See e.g. the Scale. It is 0 to 10. Done!", ["See e.g. the Scale.", "It is 0 to 10.", "Done!"]),
    ("fr", "Voir p. ex. la Note. C'est tout.", ["Voir p. ex. la Note.", "C'est tout."]),
    ("de", "**Erste Anlaufstelle.** In den Fällen. Siehe [die Quellen. Und mehr](#sources). Ende",
     ["**Erste Anlaufstelle.** In den Fällen.", "Siehe [die Quellen. Und mehr](#sources).", "Ende"]),
])
def test_sentences_follow_the_rules_of_each_language(lang, text, expected):
    split = sentences(text, lang)
    assert [render(item) for item in split.items] == expected
    assert split.join([render(item) for item in split.items]) == text


def test_translate_toolkit_alone_splits_german_abbreviations():
    """Why the profiles carry abbreviations: the library's own rule cuts `z. B.` in two."""
    from translate.lang import factory

    assert factory.getlanguage("de").sentences("Ein Anteil, z. B. 0,5 und mehr. Gut.")[0] == "Ein Anteil, z."


def test_inline_markup_becomes_codes_and_link_targets_are_never_text():
    tokens = tokenize('**Fett [NPS](../metrics/nps.md "Titel")** mit `x = 1`, <br> &nbsp; {#id} und *kursiv*')
    assert plain(tokens) == "Fett NPS mit ,    und kursiv"
    kinds = [(type(token).__name__, token.code.kind) for token in tokens if not isinstance(token, str)]
    assert kinds == [("Open", "strong"), ("Open", "link"), ("Close", "link"), ("Close", "strong"),
                     ("Alone", "code"), ("Alone", "html"), ("Alone", "entity"), ("Alone", "attributes"),
                     ("Open", "emphasis"), ("Close", "emphasis")]
    link = next(token for token in tokens if isinstance(token, Open) and token.code.kind == "link")
    assert (link.code.opening, link.code.closing) == ("[", '](../metrics/nps.md "Titel")')


def test_text_that_only_looks_like_markup_stays_text():
    for text in ("5 * 3 = 15", "[Marke/Bank] im Kreis", "snake_case_name", "a ** b", "{1} und {/1}"):
        tokens = tokenize(text)
        assert render(tokens) == text
    assert all(isinstance(token, str) or token.code.kind == "literal" for token in tokenize("{1} und {/1}"))


MARKDOWN_ALPHABET = st.sampled_from(list("ab Z.,:!?*_`[]()<>{}#&;/|\\-1 \n") + ["](x)", "**", "<br>", "&amp;",
                                                                              "{#id}", "z. B.", "`c`"])


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_ALPHABET, max_size=40).map("".join))
def test_any_text_renders_back_exactly_and_codes_nest(text):
    tokens = tokenize(text)
    assert render(tokens) == text
    stack = []
    for token in tokens:
        if isinstance(token, Open):
            stack.append(token.id)
        elif isinstance(token, Close):
            assert stack.pop() == token.id
    assert not stack
    for lang in ("de", "it"):
        split = sentences(text.replace("\n", " "), lang)
        assert split.join([render(item) for item in split.items]) == text.replace("\n", " ")


@pytest.fixture(scope="module")
def real_pages():
    config = load_site_config(REPO / "mkdocs.yml")
    analyzer = Analyzer(config)
    pages = []
    for lang in config.locales:
        for path in sorted((config.docs_dir / lang).rglob("*.md")):
            pages.append((lang, path, analyzer.analyze(path.read_bytes(), lang)))
    return pages


def test_every_section_of_the_site_rebuilds_exactly_and_every_block_splits_back(real_pages):
    blocks = 0
    for lang, path, content in real_pages:
        for section in content.sections:
            text = segment_section(section.raw, section.line)
            assert text.rebuild([block.text for block in text.blocks]) == section.raw, (path, section.id)
            for block in text.blocks:
                blocks += 1
                assert render(tokenize(block.text)) == block.text
                split = sentences(block.text, lang)
                assert split.join([render(item) for item in split.items]) == block.text
    assert blocks > 2000


def test_translations_of_the_site_have_the_source_blocks(real_pages):
    """What pre-filling relies on: a translation's blocks pair with its source's, kind by kind."""
    by_page = {(lang, path.relative_to(REPO / "docs" / lang)): content for lang, path, content in real_pages}
    paired = 0
    for (lang, page), content in by_page.items():
        if lang == "de":
            continue
        source = by_page["de", page]
        for section in source.sections:
            mine = content.section(section.id)
            kinds = [block.kind for block in segment_section(section.raw, 1).blocks]
            assert [block.kind for block in segment_section(mine.raw, 1).blocks] == kinds, (lang, page, section.id)
            paired += 1
    assert paired > 400


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(list("Aa1 .!?…\n\t¿ÉzЖжά") + ["  ", ". ", "! A", "? a"]), max_size=40)
       .map("".join),
       lang=st.sampled_from(["de", "it", "fr", "en", "es", "el"]))
def test_our_sentence_split_is_translate_toolkits(text, lang):
    """split_sentences searches translate-toolkit's sentence end alone, which is linear: the same cuts."""
    from translate.lang import factory

    assert split_sentences(text, lang) == factory.getlanguage(lang).sentences(text, strip=False)


def test_a_500_kb_paragraph_without_a_full_stop_is_split_in_linear_time():
    """translate-toolkit's own pattern took minutes on it (each attempt scans to the end)."""
    import time

    text = "Kundenzufriedenheitsmessung " * 20_000 + "Ende. Neu " + "Satz eins. " * 10_000
    started = time.perf_counter()
    pieces = split_sentences(text, "de")
    took = time.perf_counter() - started
    print(f"\nsentences of a {len(text) / 1e6:.1f} MB paragraph: {took:.2f} s (bound 10 s)")
    assert "".join(pieces) == text and len(pieces) == 10_001 and took < 10

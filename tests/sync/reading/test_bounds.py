"""Bounded work: each step of reading and of the site, given a large or hostile input, ends in time
with the exact result or message. The time bounds are generous (they catch a hang, not a slow
machine); `pytest -s` prints each bound with the time measured."""

from __future__ import annotations

import random
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from kbsync.checks.ordering import out_of_order
from kbsync.config import load_site_config
from kbsync.model import Problem
from kbsync.reading.analysis import Analyzer
from kbsync.reading.front_matter import split_front_matter
from kbsync.reading.page_text import MAX_PAGE_BYTES, decode_page
from kbsync.reading.yaml_source import YamlSourceError, compose_mapping
from kbsync.site.banners import after_headings
from kbsync.site.compounds import CompoundSplitter, lexicon
from kbsync.site.search_index import SearchLanguage, language_index

REPO = Path(__file__).resolve().parents[3]
FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}
GERMAN = SearchLanguage(locale="de", root="", source_name="Deutsch", separator=r"[\s\-]+")


@contextmanager
def bounded(what: str, seconds: float):
    started = time.perf_counter()
    yield
    elapsed = time.perf_counter() - started
    print(f"\n{what}: {elapsed:.2f} s (bound {seconds:.0f} s)")
    assert elapsed < seconds, f"{what} took {elapsed:.1f} s"


def test_a_5_mb_page_is_indexed_with_its_compounds_in_linear_time():
    sentence = "<p>Die Kundenzufriedenheit steigt, und die Zufriedenheit der Kunden auch.</p>\n"
    text = sentence * (5_000_000 // len(sentence))
    assert len(text) >= 4_900_000
    with bounded("search index of a 5 MB page", 60):
        index = language_index([{"location": "big/", "title": "Groß", "text": text}], GERMAN, [], FIELDS)
    assert index["docs"][0]["parts"] == "kunden zufriedenheit"


def test_a_5_mb_word_is_indexed_whole_without_being_split():
    word = "Kundenzufriedenheit" * (5_000_000 // 19)
    text = f"<p>Die {word}, die Kundenzufriedenheit und die Zufriedenheit der Kunden.</p>"
    with bounded("lexicon and compounds of one 5 MB word", 60):
        splitter = CompoundSplitter(lexicon([text]), ("", "n", "s"))
        parts = splitter.parts(text)
    assert parts == ["kunden", "zufriedenheit"]


def test_a_5_mb_text_of_unclosed_tags_is_read_in_linear_time():
    with bounded("lexicon of 5 MB of `<`", 30):
        found = lexicon(["<" * 5_000_000 + " Kunden"])
    assert found.words == frozenset({"kunden"})


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_site_config(REPO / "mkdocs.yml"))


def test_a_page_just_under_1_mib_is_read_by_kbsync(analyzer):
    head = "---\ntitle: Groß\n---\n\n# Groß\n\n"
    section = ("## Abschnitt {n} {{#section-{n}}}\n\n"
               "Die Kundenzufriedenheit liegt bei 72 % und [der NPS](nps.md) bei 35.\n\n"
               "- ein Punkt\n- ein zweiter Punkt mit `Code`\n\n")
    body, count = [], 0
    while len(head) + sum(map(len, body)) < MAX_PAGE_BYTES - 200:
        body.append(section.format(n=count))
        count += 1
    data = (head + "".join(body)).encode()
    assert MAX_PAGE_BYTES - 1_000 < len(data) <= MAX_PAGE_BYTES
    with bounded(f"kbsync's reading of a {len(data) / 1024:.0f} KiB page ({count} sections)", 120):
        content = analyzer.analyze(data, "de")
    assert content.problems == ()
    assert len(content.sections) == count + 1  # and the text before the first section


def test_a_page_over_1_mib_is_not_read(analyzer):
    data = b"---\ntitle: x\n---\n\n" + b"Parola " * 200_000
    with bounded("a 1.3 MiB page", 5):
        content = analyzer.analyze(data, "it")
    assert content.problems == (Problem("file-too-large", 1, "file is 1.3 MiB; kbsync reads pages up to 1 MiB: "
                                        "split the page"),)


BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))


def test_a_yaml_alias_bomb_is_refused_at_its_first_anchor():
    text = f"---\ntitle: x\n{BOMB}---\n\n# x\n"
    with bounded("front matter with an alias bomb", 5):
        front = split_front_matter(text)
    assert (front.error_line, front.error) == (
        3, "front matter uses the YAML anchor `&a`: anchors and aliases are not allowed here; write the value out")


def test_a_yaml_alias_is_refused_on_its_line():
    with pytest.raises(YamlSourceError) as caught:
        compose_mapping("title: x\nowner: *someone\n", 1, "termbase")
    assert (caught.value.line, caught.value.message) == (
        2, "termbase uses the YAML alias `*someone`: anchors and aliases are not allowed here; write the value out")


@pytest.mark.parametrize("text, line", [
    ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", 1),  # libyaml would build this tree recursively: a crash
    ("a: " + "{b: " * 10_000 + "c" + "}" * 10_000 + "\n", 1),
    ("".join(" " * level + f"k{level}:\n" for level in range(3_000)) + "  x\n", 21),
    ("a:\n" + "- " * 100_000 + "x\n", 2),
], ids=["flow-sequences", "flow-mappings", "block-mappings", "block-sequences"])
def test_yaml_nested_deeper_than_the_limit_is_refused(text, line):
    with bounded("deeply nested YAML", 10), pytest.raises(YamlSourceError) as caught:
        compose_mapping(text, 1, "front matter")
    assert (caught.value.line, caught.value.message) == (
        line, "front matter nests mappings and lists more than 20 levels deep: flatten it")


def test_the_termbase_is_read_as_before():
    text = (REPO / "docs" / "termbase.yml").read_text("utf-8")
    assert compose_mapping(text, 1, "termbase") is not None


@pytest.mark.parametrize("text, problem", [
    ("# T\n\n" + "\n".join("    " * level + "- x" for level in range(600)),
     Problem("nesting-too-deep", 53, "lists, quotes or indented blocks nest 51 levels deep here; kbsync and the "
             "site read up to 50 levels: flatten the nesting")),
    ("# T\n\n" + ">" * 600 + " x\n",
     Problem("nesting-too-deep", 3, "lists, quotes or indented blocks nest 600 levels deep here; kbsync and the "
             "site read up to 50 levels: flatten the nesting")),
    ("# T\n\n" + '<div markdown="1">\n' * 600 + "x\n" + "</div>\n" * 600,
     Problem("nesting-too-deep", 53, "HTML elements nest more than 50 levels deep here; kbsync and the site "
             "read up to 50 levels: flatten the nesting")),
    ("# T\n\nText " + "[a " * 100_000 + "\n",
     Problem("unclosed-brackets", 3, "this paragraph leaves 100000 `[` without a `]`; the Markdown parser takes "
             "quadratic time beyond 200: close them, or write `\\[`")),
], ids=["list", "quote", "html", "brackets"])
def test_nesting_beyond_the_parsers_limits_is_found_before_parsing(analyzer, text, problem):
    with bounded(f"reading of a page that goes beyond a limit ({problem.name})", 10):
        content = analyzer.analyze(text.encode(), "de")
    assert not content.readable
    assert content.problems == (problem,)


def test_nesting_up_to_the_limit_is_read(analyzer):
    text = "# T\n\n" + "\n".join("    " * level + "- x" for level in range(50)) + "\n\n" + " " * 400 + "\n"
    assert decode_page(text.encode()).problems == ()
    with bounded("reading of a list 50 levels deep", 30):
        content = analyzer.analyze(text.encode(), "de")
    assert content.sections[0].counts.list_items == 50


def test_out_of_order_on_10000_sections_is_n_log_n_and_keeps_the_same_choice():
    expected = [f"section-{number}" for number in range(10_000)]
    rotated = expected[5_000:] + expected[:5_000]
    shuffled = expected[:]
    random.Random(12).shuffle(shuffled)
    with bounded("out_of_order of 3 x 10,000 sections", 10):
        assert out_of_order(expected, expected[::-1]) == expected[::-1][1:]  # the first item stays
        assert out_of_order(expected, rotated) == expected[:5_000]  # the first of two equal runs stays
        moved = out_of_order(expected, shuffled)
    kept = [item for item in shuffled if item not in set(moved)]
    assert kept == sorted(kept, key=expected.index) and 9_700 < len(moved) < 9_900


def test_notes_under_10000_headings_are_inserted_in_one_pass():
    html = "".join(f'<h2 id="section-{number}">Abschnitt {number}</h2>\n<p>Text.</p>\n' for number in range(10_000))
    with bounded("notes under 10,000 headings", 10):
        marked = after_headings(html, {f"section-{number}": "<p>Note.</p>" for number in range(10_000)})
    assert marked.count('</h2><p>Note.</p>') == 10_000
    assert after_headings(html, {"section-3": "!"}).count("!") == 1
    assert after_headings(html, {"nowhere": "!"}) == html


def test_a_termbase_of_2000_concepts_is_read_exported_and_rendered_in_linear_time(tmp_path):
    """The termbase's steps: validation (check, the build), TBX (`kbsync termbase`), the glossary page and
    the abbreviations of every page (the site). The real one has a few dozen concepts."""
    from kbsync.commands.termbase import tbx_document, termbase_entries
    from kbsync.reading.termbase import load_termbase
    from kbsync.site.glossary import abbreviations, render_glossary

    langs = ("de", "it", "fr", "en")
    path = tmp_path / "termbase.yml"
    path.write_text("version: 1\nconcepts:\n" + "".join(
        f"  - id: c{number}\n    abbreviation: C{number}Q\n    group: metrics\n" + "".join(
            f'    {lang}: {{term: Begriff {number} {lang}, variants: [Wort {number}], forbidden: [Unwort {number}], '
            f'definition: "Erklärung {number}. Siehe [NPS](metrics/nps.md#scale)."}}\n' for lang in langs)
        for number in range(2_000)), "utf-8")
    size = path.stat().st_size / 1e6
    with bounded(f"validation of a {size:.1f} MB termbase of 2,000 concepts", 120):
        data = load_termbase(path, langs)
    with bounded("TBX of 2,000 concepts", 60):
        document = tbx_document(termbase_entries(data, langs), "de", "Test", "docs/termbase.yml")
    page = "# Glossar\n\n## Kennzahlen {#metrics}\n\n## Begriffe {#terms-by-language}\n"
    with bounded("glossary page and abbreviations of 2,000 concepts", 60):
        glossary = render_glossary(page, data["concepts"], [(lang, lang) for lang in langs], "de")
        tooltips = abbreviations(data["concepts"], "de")
    assert document.count(b"<termEntry ") == 2_000
    assert glossary.count("\n### ") == 2_000 and tooltips.count("*[C") == 2_000

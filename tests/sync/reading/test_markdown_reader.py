"""Reading Markdown as the site renders it: sections, lines, fingerprints, facts."""

from __future__ import annotations

import pytest

from kbsync.reading.analysis import Analyzer
from kbsync.config import load_site_config

PAGE = """\
---
title: Test
---

# Titel

Einleitung mit [Link](other.md#x) und `code 12`.

## Erster Abschnitt {#first}

```text
## kein Abschnitt {#not-a-section}
# auch keiner
```

    # eingerückter Code

| a | b |
| - | - |
| 1 | 2 |

<div markdown>
## verschachtelt {#nested}
</div>

## Zweiter Abschnitt {#second}

Text mit ![Bild](x.png) am 1. März 2025.
"""


@pytest.fixture
def analyzer(kb):
    return Analyzer(load_site_config(kb.root / "mkdocs.yml"))


def test_sections_split_only_at_top_level_headings_with_ids(analyzer):
    content = analyzer.analyze(PAGE.encode(), "de")
    assert [(section.id, section.level, section.line, section.end_line)
            for section in content.sections] == [("_intro", 1, 5, 8), ("first", 2, 9, 25),
                                                 ("second", 2, 26, 29)]
    first = content.section("first")
    assert (first.counts.code_blocks, first.counts.table_rows) == (2, 2)
    assert "## kein Abschnitt" in first.raw
    intro = content.section("_intro")
    assert [(link.target, link.line) for link in intro.links] == [("other.md#x", 7)]
    assert [figure.value for figure in intro.figures] == []  # figures in code do not count
    second = content.section("second")
    assert second.counts.images == 1
    assert [(figure.value, figure.line) for figure in second.figures] == [("2025-03-01", 28)]
    assert content.problems == ()


@pytest.mark.parametrize("variant", [
    PAGE.replace("Text mit ![Bild](x.png) am", "Text mit ![Bild](x.png)\nam"),
    PAGE.replace("am 1. März 2025.", "am 1. März 2025.   "),
    PAGE.replace("Einleitung mit", "Einleitung   mit"),
])
def test_fingerprints_ignore_wrapping_and_trailing_spaces(analyzer, variant):
    assert ([section.fingerprint for section in analyzer.analyze(variant.encode(), "de").sections]
            == [section.fingerprint for section in analyzer.analyze(PAGE.encode(), "de").sections])


@pytest.mark.parametrize("old, new, changed", [
    ("am 1. März", "am 2. März", "second"),
    ("## kein Abschnitt", "##  kein  Abschnitt", "first"),  # code is compared verbatim
    ("| 1 | 2 |", "| 1 | 3 |", "first"),
    ("# Titel", "# Titel!", "_intro"),
])
def test_fingerprints_see_every_rendered_change(analyzer, old, new, changed):
    before = {s.id: s.fingerprint for s in analyzer.analyze(PAGE.encode(), "de").sections}
    after = {s.id: s.fingerprint for s in analyzer.analyze(PAGE.replace(old, new).encode(), "de").sections}
    assert [section_id for section_id in before if before[section_id] != after[section_id]] == [changed]


def test_fingerprints_do_not_depend_on_line_numbers(analyzer):
    moved = PAGE.replace("# Titel\n", "# Titel\n\n\n\n")
    assert ([s.fingerprint for s in analyzer.analyze(moved.encode(), "de").sections]
            == [s.fingerprint for s in analyzer.analyze(PAGE.encode(), "de").sections])


def test_crlf_and_bom_read_like_lf(analyzer):
    crlf = b"\xef\xbb\xbf" + PAGE.replace("\n", "\r\n").encode()
    plain, other = analyzer.analyze(PAGE.encode(), "de"), analyzer.analyze(crlf, "de")
    assert [s.fingerprint for s in other.sections] == [s.fingerprint for s in plain.sections]
    assert [problem.name for problem in other.problems] == ["byte-order-mark", "crlf-line-endings"]


@pytest.mark.parametrize("value", [
    {"source_sections": {"a": "0123456789abcdef"}},
    {"source_sections": {}},
    {"source_sections": {"a": "0123456789ABCDEF"}},
    {"source_sections": {"a": "0123456789abcde"}},
    {"source_sections": {"a": 1234567890123456}},
    {"source_sections": {"": "0123456789abcdef"}},
    {"source_sections": {7: "0123456789abcdef"}},
    {"source_sections": ["a"]},
    {"source_sections": {"a": "0123456789abcdef"}, "extra": 1},
    {},
    "nonsense",
])
def test_provenance_is_read_exactly_when_the_schema_accepts_it(value):
    from kbsync.reading.analysis import read_provenance
    from kbsync.reading.front_matter import json_ready
    from kbsync.reading.schemas import validate

    accepted = not validate("l10n.schema.json", json_ready(value))
    provenance = read_provenance({"l10n": value})  # malformed entries are kept apart, to be reported
    assert (provenance is not None and not provenance.malformed) == accepted


# The reader leaves out the block processors a page cannot trigger; the result must not change.

CONSTRUCTS = """\
# Titel

> Ein Zitat
> über zwei Zeilen

Text mit [Verweis][ref] und NPS.

[ref]: https://example.invalid/ "Titel"

*[NPS]: Net Promoter Score

Begriff
:   Erklärung des Begriffs

    mit eingerücktem zweiten Absatz

- Liste
    - verschachtelt

        Absatz im Listenpunkt

!!! note "Hinweis"
    Inhalt mit | senkrechtem Strich

| a | b |
| - | - |
| 1 | 2 |

***

<section markdown="1">
> Zitat in HTML

Begriff
:   Erklärung
</section>

Text mit `Code`, \\*Sternchen\\*, ![Bild](bild.png), <https://example.invalid/>, <span>HTML</span>
und &amp; Entität, [Kurzverweis] und ![Kurzbild].

Nur eine Entität: AT&amp;T und &#169; 2025.

Nur ein Backslash: 1\\. nicht nummeriert.

```text
# kein Titel {#kein}
[kein](link.md)
```

~~~
| keine | Tabelle |
~~~

<div class="hinweis">
<p>Roh &amp; unverändert</p>
</div>
"""


def _pages() -> list[tuple[str, bytes]]:
    from pathlib import Path

    repo = Path(__file__).resolve().parents[3]
    files = sorted((repo / "docs").rglob("*.md")) + sorted((repo / "tests/sync/corpus").glob("*.md"))
    pages = [(path.name, path.read_bytes()) for path in files]
    pages.append(("page", PAGE.encode()))
    pages.append(("constructs", CONSTRUCTS.encode()))
    # Each construct alone, so that the others do not keep its processor in the parser.
    pages += [(f"construct {number}", block.encode())
              for number, block in enumerate(CONSTRUCTS.split("\n\n"))]
    return pages


def test_leaving_out_what_a_page_cannot_trigger_gives_the_same_reading(monkeypatch):
    from pathlib import Path

    config = load_site_config(Path(__file__).resolve().parents[3] / "mkdocs.yml")
    trimmed = Analyzer(config)
    full = Analyzer(config)
    stages = ("preprocessors", "block_processors", "inline_patterns")
    for name in stages:
        stage = getattr(full.reader, name)
        # Every member, as Python-Markdown registered it (without the guards of block processors).
        members = [getattr(member, "processor", member) for member in stage.members]
        monkeypatch.setattr(stage, "select", lambda text, members=members: members)
    monkeypatch.setattr(full.reader, "_read_attributes", lambda root, attributed: full.reader.attr_list.run(root))
    left_out: dict[str, set[str]] = {name: set() for name in stages}
    for page, data in _pages():
        for lang in ("de", "it"):
            assert trimmed.analyze(data, lang) == full.analyze(data, lang), page
        text = data.decode("utf-8", "replace")
        for name in stages:
            stage = getattr(trimmed.reader, name)
            kept = stage.select(text)
            left_out[name].update(stage.names[id(member)] for member in stage.members if member not in kept)
    # The comparison covered pages that leave out each member that can be left out.
    assert {name: sorted(names) for name, names in left_out.items()} == {
        name: sorted(getattr(trimmed.reader, name).triggers) for name in stages}

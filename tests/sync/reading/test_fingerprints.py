"""Fingerprints follow what the reader sees, not the renderer: the source normalized, then hashed."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from kbsync.config import load_site_config
from kbsync.reading.analysis import FINGERPRINT_RE, Analyzer
from kbsync.reading.fingerprints import SCHEME, VALUE_PATTERN, blocks, digits_of, fingerprint, scheme_of
from kbsync.reading.front_matter import split_front_matter
from kbsync.reading.markdown_reader import MarkdownReader
from kbsync.reading.page_text import decode_page

REPO = Path(__file__).resolve().parents[3]

SECTION = """\
## Die Kennzahlen {#indicators}

Wir messen den *Net Promoter Score* jeden Monat mit mindestens 200 Antworten pro Team,
siehe [NPS](../metrics/nps.md) und `nps --team  a`.

- Erster Punkt mit **Gewicht**.
- Zweiter Punkt:

    1. eins
    2. zwei

| Kennzahl | Wert |
| :------- | ---: |
| NPS      | 42   |

!!! note "Hinweis"
    Kleine Teams warten
    drei Monate.

```python
total  = promoters - detractors
```

    eingerückter  Code

> Ein Zitat
> über zwei Zeilen.
"""


@pytest.mark.parametrize("old, new", [
    ("pro Team,\nsiehe", "pro Team, siehe"),  # re-wrapped
    ("pro Team,\nsiehe", "pro Team,   \n   siehe"),  # trailing and leading spaces
    ("Kleine Teams warten\n    drei Monate.", "Kleine Teams warten drei Monate."),
    ("> Ein Zitat\n> über zwei Zeilen.", "> Ein Zitat über\n> zwei Zeilen."),
    ("- Erster Punkt", "* Erster Punkt"),  # a bullet is a bullet
    ("- Zweiter Punkt", "+ Zweiter Punkt"),
    ("*Net Promoter Score*", "_Net Promoter Score_"),
    ("**Gewicht**", "__Gewicht__"),
    ("| :------- | ---: |", "|---|---|"),  # alignment moves text, changes no word
    ("| NPS      | 42   |", "|NPS|42|"),
    ("```python\n", "```python linenums=\"1\" hl_lines=\"1\"\n"),
    ("```python\n", "``` { .python linenums=\"1\" }\n"),
    ("## Die Kennzahlen {#indicators}", "## Die Kennzahlen { #indicators }"),
    ("## Die Kennzahlen {#indicators}", "## Die Kennzahlen {: #indicators }"),
    ("Team,\nsiehe", "Team,\n\tsiehe"),
    ("drei Monate.\n\n```", "drei Monate.\n\n\n\n```"),  # a run of blank lines is one
])
def test_what_the_reader_does_not_see_changes_nothing(old, new):
    assert old in SECTION
    assert fingerprint(SECTION.replace(old, new, 1)) == fingerprint(SECTION)


@pytest.mark.parametrize("old, new", [
    ("200 Antworten", "250 Antworten"),  # a figure
    ("jeden Monat", "jede Woche"),  # words
    ("(../metrics/nps.md)", "(../metrics/csat.md)"),  # a link target
    ("[NPS]", "[Net Promoter Score]"),  # a link text
    ("    1. eins", "    3. eins"),  # where an ordered list starts
    ("`nps --team  a`", "`nps --team a`"),  # inline code is verbatim
    ("- Zweiter Punkt:", "- Zweiter\n- Punkt:"),  # one list item becomes two
    ("    1. eins\n    2. zwei", "1. eins\n2. zwei"),  # a nested list is no longer nested
    ("- Erster Punkt mit **Gewicht**.", "Erster Punkt mit **Gewicht**."),  # an item becomes a paragraph
    ("*Net Promoter Score*", "**Net Promoter Score**"),  # emphasis becomes strong
    ("| NPS      | 42   |", "| NPS      | 43   |"),  # a cell
    ("| NPS      | 42   |", "| NPS      | 42   |\n| CES      | 5    |"),  # a row
    ('!!! note "Hinweis"', '!!! warning "Hinweis"'),  # admonition type
    ('!!! note "Hinweis"', '!!! note "Achtung"'),  # admonition title
    ("    Kleine Teams", "Kleine Teams"),  # out of the admonition
    ("total  = promoters", "total = promoters"),  # code is verbatim
    ("```python\n", "```text\n"),  # the language of a code block
    ("```python\n", "```python title=\"nps.py\"\n"),  # a title the reader sees
    ("    eingerückter  Code", "    eingerückter Code"),
    ("## Die Kennzahlen", "### Die Kennzahlen"),  # heading level
    ("## Die Kennzahlen {#indicators}", "## Die Kennzahl {#indicators}"),
    ("> über zwei Zeilen.", "> > über zwei Zeilen."),  # quote depth
    ("drei Monate.\n\n```", "drei Monate.\n\nNeuer Absatz.\n\n```"),  # a new paragraph
    ("pro Team,\nsiehe", "pro Team,\n\nsiehe"),  # one paragraph becomes two
])
def test_what_the_reader_sees_changes_the_fingerprint(old, new):
    assert old in SECTION
    assert fingerprint(SECTION.replace(old, new, 1)) != fingerprint(SECTION)


def test_blocks_keep_structure_and_drop_rendering():
    assert blocks(SECTION) == [
        "h2|0|0|Die Kennzahlen {#indicators}",
        "p|0|0|Wir messen den *Net Promoter Score* jeden Monat mit mindestens 200 Antworten pro "
        "Team, siehe [NPS](../metrics/nps.md) und `nps --team  a`.",
        "li|0|0|-|Erster Punkt mit **Gewicht**.",
        "li|0|0|-|Zweiter Punkt:",
        "li|1|0|1.|eins",
        "li|1|0|2.|zwei",
        "tr|0|0|Kennzahl|Wert", "tr|0|0|---|---", "tr|0|0|NPS|42",
        '!!!|0|0|note "Hinweis"',
        "p|1|0|Kleine Teams warten drei Monate.",
        "code|0|0|python|\ntotal  = promoters - detractors",
        "code|0|0||\neingerückter  Code",
        "p|0|1|Ein Zitat über zwei Zeilen.",
    ]


def test_values_name_their_scheme():
    value = fingerprint(SECTION)
    assert re.fullmatch(r"2:[0-9a-f]{16}", value) and SCHEME == 2
    assert (scheme_of(value), digits_of(value)) == (2, value[2:])
    assert (scheme_of("0123456789abcdef"), digits_of("0123456789abcdef")) == (1, "0123456789abcdef")
    for accepted in (value, "0123456789abcdef", "3:0123456789abcdef"):
        assert FINGERPRINT_RE.fullmatch(accepted)
    for refused in ("2:0123456789ABCDEF", "2:0123456789abcde", ":0123456789abcdef", "0:0123456789abcdef",
                    "2-0123456789abcdef", "2:0123456789abcdef0"):
        assert not FINGERPRINT_RE.fullmatch(refused), refused
    schema = json.loads((REPO / "scripts/kbsync/schemas/l10n.schema.json").read_text())
    assert schema["properties"]["source_sections"]["additionalProperties"]["pattern"] == f"^{VALUE_PATTERN}$"


def test_linear_on_large_and_hostile_sections():
    """Backticks and underscores that never pair, deep indentation, a long table: one pass."""
    hostile = [
        "`" * 3 + "x" + " `a" * 100_000,  # code spans that never close
        " ".join(f"_{index} __x" for index in range(60_000)),  # emphasis that never closes
        "\n".join(" " * (index % 400) + "- item" for index in range(20_000)),  # nesting up and down
        "| a | b |\n| - | - |\n" + "| 1 | 2 |\n" * 50_000,
        "> " * 500 + "deep quote\n" * 1000,
    ]
    for text in hostile:
        started = time.perf_counter()
        fingerprint(text)
        assert time.perf_counter() - started < 2.0, text[:40]


# The renderer: the same knowledge base read with other Markdown extensions and options.

HIGHLIGHT = """\
  - pymdownx.highlight
  - pymdownx.superfences
"""
LINENUMS = """\
  - pymdownx.highlight:
      linenums: true
      anchor_linenums: true
  - pymdownx.superfences
"""


def _variants(text: str) -> dict[str, str]:
    """mkdocs.yml as it is and with highlighting, line numbers and other options changed."""
    extensions = "  - md_in_html\n"
    assert extensions in text and "      permalink: true\n" in text
    return {
        "highlighting": text.replace(extensions, extensions + HIGHLIGHT),
        "line numbers": text.replace(extensions, extensions + LINENUMS),
        "permalink symbol": text.replace("      permalink: true\n", '      permalink: "¶"\n'),
        "admonition off, details on": text.replace("  - admonition\n", "  - pymdownx.details\n"),
        "toc depth and slugs": text.replace("      permalink: true\n",
                                            "      permalink: true\n      toc_depth: 2\n"
                                            "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
                                            "        kwds: {case: lower}\n"),
    }


def _scheme1(config_path: Path, data: bytes) -> dict[str, str]:
    config = load_site_config(config_path)
    text = decode_page(data).text
    front = split_front_matter(text)
    result = MarkdownReader(config).read(text[front.end:], front.body_line, config.source_lang,
                                         fingerprints=True, scheme=1)
    return {section.id: section.fingerprint for section in result.sections}


CODE = "\n```text\nNPS = %Promotoren - %Kritiker\n```\n"
# The variants that change how Python-Markdown builds the block tree, which scheme 1 hashed.
TREE_CHANGING = ("highlighting", "line numbers", "admonition off, details on")


@pytest.mark.parametrize("variant", ["highlighting", "line numbers", "permalink symbol",
                                     "admonition off, details on", "toc depth and slugs"])
def test_the_knowledge_base_stays_up_to_date_under_another_renderer(tmp_path, monkeypatch, capsys, variant):
    """The repository's own pages, migrated, with a code block added to one page, read with other
    Markdown extensions: nothing becomes outdated, where scheme 1 saw changes."""
    from kbsync.cli import main

    root = tmp_path / "kb"
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    monkeypatch.chdir(root)
    assert main(["--no-cache", "migrate"]) == 0
    for lang in ("de", "it", "fr", "en"):
        with (root / f"docs/{lang}/metrics/nps.md").open("a", encoding="utf-8") as page:
            page.write(CODE)
    for lang in ("it", "fr", "en"):
        assert main(["--no-cache", "sync", lang, "metrics/nps.md"]) == 0
    # What the repository has pending (translations of a German edit not done yet) stays pending,
    # and nothing more: on a fully translated repository, nothing at all.
    capsys.readouterr()
    main(["--no-cache", "check", "--fail-on", "outdated"])
    pending = capsys.readouterr().out
    assert "metrics/nps.md" not in pending
    sources = sorted((root / "docs/de").rglob("*.md"))
    before = [_scheme1(root / "mkdocs.yml", page.read_bytes()) for page in sources]
    (root / "mkdocs.yml").write_text(_variants((root / "mkdocs.yml").read_text())[variant])
    main(["--no-cache", "check", "--fail-on", "outdated"])
    assert capsys.readouterr().out == pending
    after = [_scheme1(root / "mkdocs.yml", page.read_bytes()) for page in sources]
    changed = sum(old[section] != new.get(section) for old, new in zip(before, after) for section in old)
    # What the issue was: scheme 1 changed with the renderer (and would have outdated these sections).
    assert (changed > 0) == (variant in TREE_CHANGING)


def test_kb_fingerprints_are_the_same_under_every_renderer(kb):
    """Every section of the test knowledge base, with a code block added, read with each variant."""
    kb.edit("docs/de/guidelines/service-quality.md", "## Die Qualitätskennzahlen",
            "```text title=\"Formel\"\nNPS = %Promotoren - %Kritiker\n```\n\n## Die Qualitätskennzahlen")
    config_path = kb.root / "mkdocs.yml"
    original = config_path.read_text()

    def read() -> list[str]:
        analyzer = Analyzer(load_site_config(config_path))
        return [section.fingerprint for page in ("guidelines/service-quality.md", "metrics/nps.md")
                for section in analyzer.analyze((kb.root / "docs/de" / page).read_bytes(), "de").sections]

    plain = read()
    for text in _variants(original).values():
        config_path.write_text(text)
        assert read() == plain

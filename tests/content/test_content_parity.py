"""Every German page exists in every language, with the same sections, its own front matter, and no German left in it."""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path

import py3langid
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.build

REQUIRED_KEYS = {"title": str, "description": str, "owner": str, "last_reviewed": datetime.date, "review_interval_months": int}
_BLOCKS = "p, li, td, th, dd, dt, blockquote, h1, h2, h3, h4"


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path}: no front matter block at the top"
    return yaml.safe_load(match.group(1))


def _headings(soup) -> list[tuple[str, str]]:
    article = soup.select_one("article")
    return [(h.name, h.get("id")) for h in article.find_all(["h2", "h3", "h4", "h5", "h6"])]


def _blocks(soup) -> list[str]:
    """The prose of the page's article: code, permalinks and the generated terms table left out."""
    article = copy.copy(soup.select_one("article"))  # the parsed page is shared with other tests
    table_heading = article.find(id="terms-by-language")
    if table_heading is not None and table_heading.find_next("table") is not None:
        table_heading.find_next("table").decompose()
    for element in article.find_all("code") + article.find_all("a", class_="headerlink"):
        element.decompose()
    texts = []
    for element in article.select(_BLOCKS):
        text = " ".join(element.get_text(" ", strip=True).split())
        if text:
            texts.append(text)
    return texts


def _termbase_words() -> re.Pattern:
    """Terms and abbreviations that are the same in every language (proper names of metrics)."""
    concepts = yaml.safe_load((REPO / "docs" / "termbase.yml").read_text(encoding="utf-8"))["concepts"]
    names = set()
    for concept in concepts:
        names.add(concept.get("abbreviation") or concept["id"])
        for key, entry in concept.items():
            if isinstance(entry, dict):
                names.update([entry["term"], *entry.get("variants", [])])
    ordered = sorted((n for n in names if n), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in ordered), re.I)


def _own_words(text: str, names: re.Pattern) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", names.sub(" ", text)))


def test_every_german_page_exists_in_every_language(languages, source_locale, source_pages):
    assert len(source_pages) >= 16
    missing = [f"docs/{lang['locale']}/{page}" for lang in languages for page in source_pages
               if not (REPO / "docs" / lang["locale"] / page).is_file()]
    assert missing == []
    orphans = [str(p) for lang in languages for p in (REPO / "docs" / lang["locale"]).rglob("*.md")
               if p.relative_to(REPO / "docs" / lang["locale"]) not in source_pages]
    assert orphans == []


def test_same_section_ids_in_same_order_and_level(languages, source_locale, source_pages, page_html):
    source = next(lang for lang in languages if lang["locale"] == source_locale)
    for page in source_pages:
        expected = _headings(page_html(source, page))
        assert expected and all(anchor for _, anchor in expected), f"{page}: a heading without an ID"
        for lang in languages:
            assert _headings(page_html(lang, page)) == expected, f"{lang['locale']}/{page}"


def test_every_heading_carries_an_explicit_id_in_the_source(languages, source_pages):
    heading = re.compile(r"^#{2,6}\s")
    explicit = re.compile(r"\{#[a-z0-9]+(?:-[a-z0-9]+)*\}\s*$")
    for lang in languages:
        for page in source_pages:
            lines = (REPO / "docs" / lang["locale"] / page).read_text(encoding="utf-8").splitlines()
            bad = [n for n, line in enumerate(lines, 1) if heading.match(line) and not explicit.search(line)]
            assert bad == [], f"docs/{lang['locale']}/{page}: lines {bad} need an explicit kebab-case {{#id}}"


def test_front_matter_is_complete_and_valid(languages, source_locale, source_pages):
    for page in source_pages:
        source = _front_matter(REPO / "docs" / source_locale / page)
        for lang in languages:
            meta = _front_matter(REPO / "docs" / lang["locale"] / page)
            for key, kind in REQUIRED_KEYS.items():
                assert isinstance(meta.get(key), kind), f"docs/{lang['locale']}/{page}: {key} should be a {kind.__name__}"
                if kind is str:
                    assert meta[key].strip(), f"docs/{lang['locale']}/{page}: {key} is empty"
            assert 1 <= meta["review_interval_months"] <= 36
            assert meta["last_reviewed"] <= datetime.date.today()
            assert meta["last_reviewed"] == source["last_reviewed"], f"docs/{lang['locale']}/{page}"
            assert meta["review_interval_months"] == source["review_interval_months"]


def test_no_translated_page_keeps_german_text(languages, source_locale, source_pages, page_html):
    codes = [lang["locale"] for lang in languages]
    identifier = py3langid.langid.LanguageIdentifier.from_model_file(py3langid.langid.MODEL_FILE)
    identifier.set_languages(codes)
    source = next(lang for lang in languages if lang["locale"] == source_locale)
    names = _termbase_words()
    problems = []
    for page in source_pages:
        german = {text for text in _blocks(page_html(source, page)) if len(text.split()) >= 4}
        for lang in languages:
            if lang["locale"] == source_locale:
                continue
            for text in _blocks(page_html(lang, page)):
                if text in german and _own_words(text, names) >= 2:
                    problems.append(f"{lang['locale']}/{page}: copied from German: {text[:70]!r}")
                elif len(text.split()) >= 6 and identifier.classify(text)[0] == source_locale:
                    problems.append(f"{lang['locale']}/{page}: reads as German: {text[:70]!r}")
    assert problems == [], "\n".join(problems)

"""What the content must hold while translations are pending, as functions of one built knowledge base.

A German edit is committed before it is translated: until then a translated section is outdated
(it still says what German said), a section new in German is missing from the translation, and a
page may not be translated at all (the site shows German in its place). None of that is a defect;
`kbsync status` counts it and the release gate (`make release-check`) waits for it. What must hold
on every commit is what the translations claim: a section kbsync records as up to date (synced)
has the German section's heading, ID and level, and no German left in it; an example that is
synced has German's figures; every page that exists is complete and well-formed. A translation's
local sections (kbsync's `PageStatus.local`) have no German counterpart: kbsync checks them by
their own rules; here they only end the group section before them.

Each rule returns the problems it finds, one line each (empty: the rule holds). The content tests
apply them to the repository; tests/content/test_commit_gate.py to a copy with German edits whose
translations are pending. The status comes from kbsync (`run_checks`), the one implementation of
what is up to date.
"""

from __future__ import annotations

import copy
import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import py3langid
import yaml
from bs4 import BeautifulSoup

from kbsync.cache import Cache
from kbsync.checks.runner import run_checks
from kbsync.config import load_site_config
from kbsync.status import PageState, PageStatus, SectionState, StatusReport

REQUIRED_KEYS = {"title": str, "description": str, "owner": str, "last_reviewed": datetime.date,
                 "review_interval_months": int}
BLOCK_TAGS = ("p", "li", "td", "th", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4")
HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
INTRO = "_intro"


@dataclass(frozen=True)
class Language:
    locale: str
    default: bool


class BuiltKnowledgeBase:
    """A knowledge base (`root`: mkdocs.yml, docs/) and its strict build (`site`), with kbsync's status."""

    def __init__(self, root: Path, site: Path):
        self.root = root
        self.site = site
        config = load_site_config(root / "mkdocs.yml")
        self.languages = [Language(language.locale, language.default) for language in config.built_languages]
        self.source = config.source_lang
        self.status: StatusReport = run_checks(config, Cache(None)).status
        base = root / "docs" / self.source
        self.source_pages = sorted(path.relative_to(base).as_posix() for path in base.rglob("*.md"))

    @property
    def translations(self) -> list[str]:
        return [language.locale for language in self.languages if not language.default]

    def file(self, lang: str, page: str) -> Path:
        return self.root / "docs" / lang / page

    def page_status(self, lang: str, page: str) -> PageStatus:
        status = self.status.page(lang, page)
        assert status is not None, f"kbsync has no status of {lang}/{page}"
        return status

    def translated(self) -> list[tuple[str, str, PageStatus]]:
        """(lang, page, status) of every translation that exists and has a German source."""
        return [(lang, page, status) for page in self.source_pages for lang in self.translations
                if (status := self.page_status(lang, page)).state is not PageState.MISSING]

    def built_file(self, lang: str, page: str) -> Path:
        prefix = self.site if lang == self.source else self.site / lang
        parts = Path(page).with_suffix("").parts
        if parts[-1] in ("index", "README"):
            parts = parts[:-1]
        return prefix.joinpath(*parts, "index.html")

    @functools.cache
    def html(self, lang: str, page: str) -> BeautifulSoup:
        """The built page's article, parsed once; callers must not change it."""
        path = self.built_file(lang, page)
        assert path.is_file(), f"{path} was not built"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def every_page_is_served_in_every_language(kb: BuiltKnowledgeBase) -> list[str]:
    """Every German page is built in every language: its translation, or German in its place with a
    banner saying so (a missing translation is a status, not a failure)."""
    problems = []
    for page in kb.source_pages:
        for lang in kb.translations:
            if not kb.built_file(lang, page).is_file():
                problems.append(f"{lang}/{page}: not built")
                continue
            missing = kb.page_status(lang, page).state is PageState.MISSING
            banner = kb.html(lang, page).select_one("article .kb-banner--untranslated") is not None
            if missing != banner:
                problems.append(f"{lang}/{page}: kbsync says {'missing' if missing else 'translated'}, "
                                f"the page {'lacks' if missing else 'has'} the untranslated banner")
    return problems


def synced_sections_keep_the_source_headings(kb: BuiltKnowledgeBase) -> list[str]:
    """Each section kbsync records as up to date has the German heading ID at the German level; a
    page up to date has German's headings, all of them, in German's order. Every heading ID of a
    translation is German's or one kbsync reports as removed in the source (pending), apart from
    its local sections' own headings."""
    problems = []
    for lang, page, status in kb.translated():
        expected = headings(kb.html(kb.source, page))
        local = {section.id for section in status.local}
        actual = [(tag, anchor) for tag, anchor in headings(kb.html(lang, page)) if anchor not in local]
        if status.state is PageState.UP_TO_DATE and actual != expected:
            problems.append(f"{lang}/{page}: up to date, but its headings {actual} are not German's {expected}")
        levels, own = dict((anchor, tag) for tag, anchor in expected), dict((anchor, tag) for tag, anchor in actual)
        for section in status.sections:
            if section.state is SectionState.UP_TO_DATE and section.id != INTRO and own.get(section.id) != levels.get(section.id):
                problems.append(f"{lang}/{page}: synced section `{section.id}` is {own.get(section.id)}, "
                                f"German's is {levels.get(section.id)}")
        removed = {section.id for section in status.sections if section.state is SectionState.REMOVED_IN_SOURCE}
        problems += [f"{lang}/{page}: heading {tag} `{anchor}` is neither German's nor pending removal"
                     for tag, anchor in actual if anchor not in levels and anchor not in removed]
    return problems


def every_heading_carries_an_explicit_id(kb: BuiltKnowledgeBase) -> list[str]:
    """In every page that exists, in every language (the source of the IDs trainers link to). Classes
    may follow the ID, as on a local section's heading (`{#local-id .local}`)."""
    heading = re.compile(r"^#{2,6}\s")
    explicit = re.compile(r"\{#[a-z0-9]+(?:-[a-z0-9]+)*(?:\s+\.[a-z][a-z0-9-]*)*\}\s*$")
    problems = []
    for language in kb.languages:
        for page in kb.source_pages:
            path = kb.file(language.locale, page)
            if not path.is_file():
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            bad = [number for number, line in enumerate(lines, 1) if heading.match(line) and not explicit.search(line)]
            if bad:
                problems.append(f"docs/{language.locale}/{page}: lines {bad} need an explicit kebab-case {{#id}}")
    return problems


def front_matter_is_complete(kb: BuiltKnowledgeBase, today: datetime.date | None = None) -> list[str]:
    """Every page that exists has its own complete front matter. A translation's review date is its
    own: German's moves on when German is reviewed, the translation's when it is."""
    today = today or datetime.date.today()
    problems = []
    for language in kb.languages:
        for page in kb.source_pages:
            path = kb.file(language.locale, page)
            if not path.is_file():
                continue
            meta = _front_matter(path)
            where = f"docs/{language.locale}/{page}"
            for key, kind in REQUIRED_KEYS.items():
                if not isinstance(meta.get(key), kind) or (kind is str and not meta[key].strip()):
                    problems.append(f"{where}: {key} should be a non-empty {kind.__name__}")
            months = meta.get("review_interval_months")
            if isinstance(months, int) and not 1 <= months <= 36:
                problems.append(f"{where}: review_interval_months {months} is not 1-36")
            if isinstance(meta.get("last_reviewed"), datetime.date) and meta["last_reviewed"] > today:
                problems.append(f"{where}: last_reviewed {meta['last_reviewed']} is in the future")
    return problems


# Sections whose content the kbsync plugin generates from status data (tables of language names,
# page titles, figures), the same in every language by design: not translated prose.
GENERATED_SECTIONS = {"translation-status.md": {"by-language", "by-page", "reviews-due", "by-market",
                                                "outdated-sections"}}


def no_german_in_synced_sections(kb: BuiltKnowledgeBase) -> list[str]:
    """No paragraph of a synced section is copied from German or reads as German. An outdated
    section still says what German said before, in its own language; it is not looked at here."""
    codes = [language.locale for language in kb.languages]
    identifier = py3langid.langid.LanguageIdentifier.from_model_file(py3langid.langid.MODEL_FILE)
    identifier.set_languages(codes)
    names = termbase_names(kb.root / "docs" / "termbase.yml")
    problems = []
    for lang, page, status in kb.translated():
        synced = {section.id for section in status.sections if section.state is SectionState.UP_TO_DATE}
        section_ids = {section.id for section in status.sections}
        local = {section.id for section in status.local}  # never synced: their text is not looked at
        german = {text for _, text in blocks(kb.html(kb.source, page), section_ids, kb.source) if len(text.split()) >= 4}
        generated = GENERATED_SECTIONS.get(page, set())
        for section_id, text in blocks(kb.html(lang, page), section_ids | local, kb.source):
            if section_id not in synced or section_id in generated:
                continue
            if text in german and own_words(text, names) >= 2:
                problems.append(f"{lang}/{page}#{section_id}: copied from German: {text[:70]!r}")
            elif len(text.split()) >= 6 and identifier.classify(text)[0] == kb.source:
                problems.append(f"{lang}/{page}#{section_id}: reads as German: {text[:70]!r}")
    return problems


def worked_examples_hold(kb: BuiltKnowledgeBase, metric: str) -> list[str]:
    """The worked example of metric page `metric` recomputes from its inputs in every language (the
    translation, or German in its place); where the translation's example is synced, its figures
    are German's. An outdated example may still show the figures German had."""
    page, formula = f"metrics/{metric}.md", FORMULAS[metric]
    problems = []
    results = {}
    for language in kb.languages:
        *inputs, result = worked_example(kb.html(language.locale, page))
        if formula(*inputs) != result:
            problems.append(f"{language.locale}/{page}: {inputs} -> {result}, not {formula(*inputs)}")
        results[language.locale] = (inputs, result)
    for lang in kb.translations:
        section = kb.page_status(lang, page).section("worked-example")
        if section is not None and section.state is SectionState.UP_TO_DATE and results[lang] != results[kb.source]:
            problems.append(f"{lang}/{page}: the synced worked example {results[lang]} is not German's "
                            f"{results[kb.source]}")
    return problems


# Worked examples: each metric's formula, and the inputs and result of its example table.

_NUMBER = re.compile(r"^[+\-−]?\d+(?:[.,]\d+)?$")


def parse_number(cell: str) -> float:
    """A table value as written in any of our languages: '+30', '80 %', '5,4', '5.4', '−10'."""
    text = cell.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("%", "")
    assert _NUMBER.match(text), f"not a plain number: {cell!r}"
    return float(text.replace("−", "-").replace(",", "."))


def net_score(n, promoters, passives, detractors):
    assert promoters + passives + detractors == n
    return round(100 * (promoters - detractors) / n)


def csat(n, fives, fours, rest):
    assert fives + fours + rest == n
    return round(100 * (fives + fours) / n)


def fcr(first_contacts, window_open, with_repeat):
    """Repeat-contact check: first contacts (distinct requests) whose 7-day window has closed are the
    denominator; those followed by at least one repeat contact are the numerator."""
    counted = first_contacts - window_open
    assert 0 <= window_open < first_contacts and 0 <= with_repeat <= counted
    return round(100 * (1 - with_repeat / counted))


def ces(*values):
    *counts, n = values  # answers with 7, 6, ..., 1, then the total
    assert len(counts) == 7 and sum(counts) == n
    return round(sum(score * count for score, count in zip(range(7, 0, -1), counts)) / n, 1)


FORMULAS = {"nps": net_score, "enps": net_score, "csat": csat, "fcr": fcr, "ces": ces}
# The knowledge base shows no team score below this many answers (metrics/index.md#comparison-rules).
MIN_ANSWERS = 30
# Where each survey example's number of answers stands among its inputs (FCR's example is the repeat-contact check).
ANSWERS = {"nps": 0, "enps": 0, "csat": 0, "ces": -1}


def _current_languages(kb: BuiltKnowledgeBase, page: str, section_id: str) -> list[str]:
    """German, and every translation whose section is up to date with it (an outdated one may
    still say what German said before)."""
    current = [kb.source]
    for lang in kb.translations:
        section = kb.page_status(lang, page).section(section_id) if kb.file(lang, page).is_file() else None
        if section is not None and section.state is SectionState.UP_TO_DATE:
            current.append(lang)
    return current


def examples_have_enough_answers(kb: BuiltKnowledgeBase, metric: str) -> list[str]:
    """A survey example is one whose score would be shown: at least MIN_ANSWERS answers."""
    page = f"metrics/{metric}.md"
    problems = []
    for lang in _current_languages(kb, page, "worked-example"):
        answers = worked_example(kb.html(lang, page))[:-1][ANSWERS[metric]]
        if answers < MIN_ANSWERS:
            problems.append(f"{lang}/{page}: {answers} answers would not be shown")
    return problems


def minimum_is_stated(kb: BuiltKnowledgeBase, page: str, section_id: str) -> list[str]:
    """The section says `n = 30` (the minimum number of answers) in every current language."""
    problems = []
    for lang in _current_languages(kb, page, section_id):
        text = section_text(kb.html(lang, page), section_id)
        if not re.search(rf"\bn = {MIN_ANSWERS}\b", text):
            problems.append(f"{lang}/{page}: no minimum n = {MIN_ANSWERS} in #{section_id}")
    return problems


def section_text(soup: BeautifulSoup, section_id: str) -> str:
    heading = soup.select_one(f"article h2#{section_id}")
    assert heading is not None, f"no section {{#{section_id}}}"
    texts = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        texts.append(element.get_text(" ", strip=True))
    return " ".join(" ".join(texts).replace("\u00a0", " ").replace("\u202f", " ").split())


def worked_example(soup: BeautifulSoup) -> list[float]:
    heading = soup.select_one("article h2#worked-example")
    assert heading is not None, "no section {#worked-example}"
    table = heading.find_next("table")
    assert table.find_previous("h2") is heading, "the worked example has no table of its own"
    return [parse_number(row.find_all("td")[-1].get_text(" ", strip=True)) for row in table.select("tbody tr")]



def headings(soup: BeautifulSoup) -> list[tuple[str, str | None]]:
    return [(heading.name, heading.get("id")) for heading in soup.select_one("article").find_all(list(HEADING_TAGS))]


def blocks(soup: BeautifulSoup, section_ids: set[str], source: str) -> list[tuple[str, str]]:
    """(section ID, text) of each block of prose in the article, in page order: code, permalinks, the
    generated table of terms, and text marked as in a language other than the page's and the source's
    (the status page quotes each local section's title in its own language), left out. A section
    starts at the heading with its ID."""
    article = copy.copy(soup.select_one("article"))  # the parsed page is shared with other rules
    table_heading = article.find(id="terms-by-language")
    if table_heading is not None and table_heading.find_next("table") is not None:
        table_heading.find_next("table").decompose()
    page_lang = soup.html.get("lang") if soup.html is not None else None
    quoted = [element for element in article.select("[lang]") if element["lang"] not in (page_lang, source)]
    for element in article.find_all("code") + article.find_all("a", class_="headerlink") + quoted:
        element.decompose()
    found, section = [], INTRO
    for element in article.find_all(list(set(BLOCK_TAGS) | set(HEADING_TAGS))):
        if element.name in HEADING_TAGS and element.get("id") in section_ids:
            section = element["id"]
        if element.name in BLOCK_TAGS:
            text = " ".join(element.get_text(" ", strip=True).split())
            if text:
                found.append((section, text))
    return found


def termbase_names(path: Path) -> re.Pattern:
    """Terms and abbreviations that are the same in every language (proper names of metrics)."""
    concepts = yaml.safe_load(path.read_text(encoding="utf-8"))["concepts"]
    names = set()
    for concept in concepts:
        names.add(concept.get("abbreviation") or concept["id"])
        for entry in concept.values():
            if isinstance(entry, dict):
                names.update([entry["term"], *entry.get("variants", [])])
    ordered = sorted((name for name in names if name), key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in ordered), re.I)


def own_words(text: str, names: re.Pattern) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", names.sub(" ", text)))


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}

"""Language profiles: everything kbsync and the site know about one language, in one module per language.

`kbsync/languages/<locale>.py` defines `PROFILE = LanguageProfile(...)`: the interface strings, how
dates and percentages are written (Babel's CLDR data, with the house style where it differs), the
signs language identification looks for, how search splits words, and the sample words of the
benchmark's synthetic knowledge base. Adding a language is its entry in mkdocs.yml, one module here
and the content; `profile(locale)` finds the module by name, so no list needs editing. A site
language without a profile is a configuration error that names the file to add.

Nothing outside this package holds a locale literal or a per-language table.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Mapping

from kbsync.errors import ConfigError

#: The language of kbsync's own words: its messages, `--help` and the documents it writes for
#: translators (`kbsync diff --format html`). The site's languages are the profiles below.
CLI_LOCALE = "en"

# Every profile gives each of these interface strings (tests/languages checks it).
UI_KEYS = (
    "redirect_title", "redirect_body", "text_changed_label", "outdated_title", "outdated_intro",
    "changed_on", "changed", "new_in_source", "removed_in_source", "section_mark", "section_mark_link",
    "retired_section", "local_rule", "col_local_sections",
    "untranslated_title", "untranslated_body", "untranslated_link", "review_title", "review_body",
    "col_language", "col_pages_current", "col_sections_current", "col_outdated", "col_missing", "col_page",
    "col_due_since", "col_owner", "col_date", "col_section", "col_change", "cell_current", "cell_outdated",
    "cell_outdated_one", "cell_missing", "cell_untracked", "cell_source", "reviews_none", "kind_added",
    "kind_changed", "kind_removed", "kind_page-added", "kind_page-removed", "whole_page", "no_history",
    "owner_label", "last_reviewed_label", "permalink_title", "not_found_title", "not_found_body",
    "not_found_home", "not_found_search",
    "go_link_title", "print_date", "print_version", "print_preview",
    "col_reviewed",
    # PDF handouts (kbsync.pdf): the page's links to them, and what a handout says besides the page.
    "pdf_page_link", "pdf_book_link", "pdf_contents", "pdf_online_label", "pdf_built", "pdf_qr_caption",
    "facts_now", "facts_before", "facts_added", "facts_removed", "facts_changed", "facts_note", "facts_banner",
    "outdated_sections_none",
)


@dataclass(frozen=True)
class SampleText:
    """Words of the benchmark's synthetic pages (scripts/bench/synthetic_kb.py) in this language."""

    vocabulary: str  # running text is drawn from these words
    headings: tuple[str, str, str, str, str]  # the five sections of a topic page
    titles: Mapping[str, str]  # home, areas, area, parts, part, pages: the generated index pages


@dataclass(frozen=True)
class LanguageProfile:
    locale: str
    ui: Mapping[str, str]
    sample: SampleText
    # The market this language serves, named in the language (`Italia`): the market of its local
    # sections, shown as "Local rule: <market>" (ui `local_rule`) under each of their headings.
    market: str
    # Dates in running text: a CLDR pattern for Babel (`d. MMMM y` gives `20. November 2026`), and
    # the pattern for the first day of a month where the language writes it apart (French `1er`).
    date_pattern: str = "d MMMM y"
    first_day_pattern: str | None = None
    # A CLDR percent pattern where the house style differs from Babel's (None: the locale's own).
    percent_pattern: str | None = None
    # The sign between groups of thousands where the house style differs from Babel's (French pages: U+00A0).
    group_symbol: str | None = None
    # What stands between a label and its value (`Owner: …`): French puts a no-break space before the colon.
    label_colon: str = ":"
    # Signs of the language for language identification (kbsync.reading.language_id): frequent
    # function words and letters it uses. Without signs, every paragraph goes to the model.
    function_words: frozenset[str] = frozenset()
    letters: frozenset[str] = frozenset()
    # Search: linking elements between the parts of a compound noun (German Fugenelemente); a
    # language that writes compounds as one word gets their parts indexed (kbsync.site.compounds).
    compound_linking_elements: tuple[str, ...] | None = None
    # Search: lunr's own pipeline is English; other languages need Material's lunr.<locale>.min.js.
    lunr_builtin: bool = False
    # Sentences (kbsync.handoff.segments): abbreviations whose dots end no sentence (`z. B.`), as
    # written; a translation unit is a sentence, and "z." alone is none.
    abbreviations: tuple[str, ...] = ()
    # Numbers written as words (lowercase word -> the value as kbsync.reading.figures writes it:
    # `fünf` -> `5`), which `kbsync ack` compares like figures: `fünf` -> `drei` is no typo fix.
    # Words as often something else (the article `ein`, `secondo` "according to") are left out.
    number_words: Mapping[str, str] = field(default_factory=dict)
    _formats: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def date_words(self) -> tuple[str, ...]:
        """The words a written date puts between day, month and year (Spanish `1 de marzo de 2026`):
        the quoted words of the date patterns, so that kbsync.reading.figures reads such a date whole."""
        patterns = (self.date_pattern, self.first_day_pattern or "")
        return tuple(sorted({word for pattern in patterns for word in re.findall(r"'([^\W\d_]+)'", pattern)}))

    @property
    def decimal_symbol(self) -> str:
        from babel.numbers import get_decimal_symbol

        return get_decimal_symbol(self.locale)

    def format_day(self, day: datetime.date) -> str:
        """A date as the language writes it in running text (`20. November 2026`, `1er novembre 2026`)."""
        if day not in self._formats:
            from babel.dates import format_date

            pattern = self.first_day_pattern if day.day == 1 and self.first_day_pattern else self.date_pattern
            self._formats[day] = format_date(day, pattern, locale=self.locale)
        return self._formats[day]

    def format_percent(self, value: float) -> str:
        """A percentage (0 to 100) with at most one decimal, as the language writes it (`94,1 %`)."""
        from babel.numbers import format_percent

        share = Decimal(f"{value:.1f}") / 100
        if self.percent_pattern:
            return format_percent(share, self.percent_pattern, locale=self.locale)
        return format_percent(share, locale=self.locale, decimal_quantization=False)

    def format_figure(self, value: str) -> str:
        """A figure's value (`1000.5`, `12.5%`, `2026-03-01`, `14:30`, as kbsync.reading.figures
        compares them) as the language writes it: `1000,5`, `12,5 %`, `1er mars 2026`, `2:30 PM`.
        Every decimal given is kept; numbers from 10,000 on are grouped."""
        from babel.dates import format_time
        from babel.numbers import format_decimal, format_percent

        if _ISO_DATE.fullmatch(value):
            return self.format_day(datetime.date.fromisoformat(value))
        if time := _TIME.fullmatch(value):
            return format_time(datetime.time(int(time.group(1)), int(time.group(2))), "short", locale=self.locale)
        number = Decimal(value.rstrip("%"))
        if value.endswith("%"):
            share = number / 100
            if self.percent_pattern:
                return format_percent(share, self.percent_pattern, locale=self.locale, decimal_quantization=False)
            return format_percent(share, locale=self.locale, decimal_quantization=False)
        written = format_decimal(number, locale=self.locale, decimal_quantization=False,
                                 group_separator=abs(number) >= _GROUPED_FROM)
        if self.group_symbol:
            from babel.numbers import get_group_symbol

            written = written.replace(get_group_symbol(self.locale), self.group_symbol)
        return written


# Figure values as kbsync.reading.figures writes them: a date, a time of day, a number or a percentage.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
# Numbers below this are written without grouping: four digits are often a year (2026) or read whole (n = 1000).
_GROUPED_FROM = 10000


def spelled_numbers(cardinals: str, tens: str = "", ordinals: str = "", endings: tuple[str, ...] = ("",),
                    others: Mapping[str, int] | None = None, ambiguous: str = "") -> dict[str, str]:
    """A profile's `number_words`: `cardinals` from zero (`-` for a word left out), `tens` from
    twenty, `ordinals` (or their stems, each with every one of `endings`) from one, `others`
    with their values; minus the `ambiguous` words."""
    words: dict[str, int] = {}
    for value, word in enumerate(cardinals.split()):
        words[word] = value
    for value, word in zip(range(20, 100, 10), tens.split()):
        words[word] = value
    for value, stem in enumerate(ordinals.split(), start=1):
        words.update((stem + ending, value) for ending in endings)
    words.update(others or {})
    for word in ambiguous.split() + ["-"]:
        words.pop(word, None)
    return {word: str(value) for word, value in words.items()}


def profile_file(locale: str) -> Path:
    return Path(__file__).with_name(f"{_module_name(locale)}.py")


def _module_name(locale: str) -> str:
    return locale.replace("-", "_").lower()


@functools.lru_cache(maxsize=None)
def profile(locale: str) -> LanguageProfile:
    """The profile of `locale`; a ConfigError naming the file to add when there is none."""
    name = _module_name(locale)
    try:
        module = importlib.import_module(f"{__name__}.{name}") if name.isidentifier() else None
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise
        module = None
    found = getattr(module, "PROFILE", None)
    if not isinstance(found, LanguageProfile) or found.locale != locale:
        shown = profile_file(locale).relative_to(Path(__file__).parents[2])
        raise ConfigError(f"language `{locale}` of mkdocs.yml has no language profile",
                          hint=f"add scripts/{shown.as_posix()} with PROFILE = LanguageProfile(locale={locale!r}, ...), "
                          "like the other languages there")
    missing = [key for key in UI_KEYS if key not in found.ui]
    if missing:
        raise ConfigError(f"the profile of `{locale}` lacks the interface strings {', '.join(missing)}",
                          path=f"scripts/kbsync/languages/{name}.py")
    return found


def profile_or_none(locale: str) -> LanguageProfile | None:
    """The profile of `locale`, or None for a language without one (text read outside the site's languages)."""
    try:
        return profile(locale)
    except ConfigError:
        return None


def profiles(locales: tuple[str, ...] | list[str]) -> dict[str, LanguageProfile]:
    """The profile of each of `locales`, checked all at once (the first missing one is reported)."""
    return {locale: profile(locale) for locale in locales}

"""Numbers, percentages and dates in running text, in a form that compares across locales.

`1.000,5`, `1,000.5`, `1 000,5` and `1'000.5` all become `1000.5`; `30 %` becomes `30%`;
`01.03.2024`, `1. März 2024` and `1 March 2024` become `2024-03-01`; `14:00` and the British
`2pm` become the `14` of `14 Uhr`, `14h30` and `2.30pm` the `14:30`. A lone separator followed by
exactly three digits (`1.000`) is read with the page language's decimal symbol (from Babel's
CLDR data). Signs are not compared: a dash between figures is a range as often as a minus.
Hand-written because no maintained library reads figures out of prose in several locales.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from kbsync.languages import profile_or_none
from kbsync.model import Figure

DIGIT_RE = re.compile(r"\d")
YEAR_RE = re.compile(r"\d{4}")
GROUP_SPACES = "\u00a0\u202f\u2009 '’"
# Ordinal and plural endings (1st, 1er, 2e, 3s) and the French hour (14h) leave a figure a figure.
SUFFIX = r"(?:st|nd|rd|th|er|re|e|ème|°|º|ª|'?s|h)?"
NUMBER_RE = re.compile(
    r"(?<![\w.,:])(\d{1,3}(?:[" + GROUP_SPACES + r"]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)"
    + SUFFIX + r"(?![\w])(?:[ \u00a0\u202f-]?(%))?")  # 95-% of a German compound: 95-%-Intervall
# 14:00 is the 14 of "14 Uhr"; 14:30 and 14h30 stay times.
TIME_RE = re.compile(r"(?<![\w.,:])([01]?\d|2[0-3])[:h]([0-5]\d)(?![\w:])")
# The 12-hour clock of British customer texts: 2pm, 2 pm, 2.30pm, 11:45 a.m.
TWELVE_HOUR_RE = re.compile(
    r"(?<![\w.,:])(1[0-2]|0?[1-9])(?:[.:]([0-5]\d))?[ \u00a0\u202f]?([ap])\.?m\.?(?!\w)", re.I)
ISO_DATE_RE = re.compile(r"(?<![\w.])(\d{4})-(\d{2})-(\d{2})(?![\w])")
DAY_FIRST_DATE_RE = re.compile(r"(?<![\w.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\w])")


@functools.lru_cache(maxsize=None)
def _locale_data(lang: str) -> tuple[str, re.Pattern[str], re.Pattern[str], dict[str, int]]:
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_month_names
    from babel.numbers import get_decimal_symbol

    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("root")  # CLDR's neutral data: a decimal point, numbered months
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                months[name.lower().rstrip(".")] = number
    names = "|".join(sorted((re.escape(name) for name in months), key=len, reverse=True))
    # The words the language's profile puts between day, month and year (Spanish `1 de marzo de 2026`).
    found = profile_or_none(lang)
    words = "|".join(re.escape(word) for word in found.date_words) if found else ""
    between = rf"\s+(?:(?:{words})\s+)?" if words else r"\s+"
    day_month = re.compile(
        r"(?<![\w.])(\d{1,2})(?:\.|er|st|nd|rd|th|º)?" + between + "(" + names + r")\.?" + between
        + r"(\d{4})(?![\w])", re.I)
    month_day = re.compile(
        r"(?<![\w.])(" + names + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\w])", re.I)
    return get_decimal_symbol(locale), day_month, month_day, months


def extract_figures(text: str, lang: str, line: int) -> list[Figure]:
    if not DIGIT_RE.search(text):
        return []
    decimal, day_month, month_day, months = _locale_data(lang)
    found: list[tuple[int, Figure]] = []
    spans: list[tuple[int, int]] = []

    def add_date(match: re.Match[str], year: str, month: int, day: str) -> None:
        if 1 <= month <= 12 and 1 <= int(day) <= 31:
            found.append((match.start(), Figure(f"{int(year):04d}-{month:02d}-{int(day):02d}",
                                                match.group(0), line)))
            spans.append(match.span())

    if YEAR_RE.search(text):  # every date form kbsync reads has a four-digit year
        for match in ISO_DATE_RE.finditer(text):
            add_date(match, match.group(1), int(match.group(2)), match.group(3))
        for match in DAY_FIRST_DATE_RE.finditer(text):
            add_date(match, match.group(3), int(match.group(2)), match.group(1))
        for match in day_month.finditer(text):
            add_date(match, match.group(3), months[match.group(2).lower()], match.group(1))
        for match in month_day.finditer(text):
            add_date(match, match.group(3), months[match.group(1).lower()], match.group(2))
    for match in TWELVE_HOUR_RE.finditer(text):
        hours = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
        minutes = match.group(2) or "00"
        found.append((match.start(), Figure(str(hours) if minutes == "00" else f"{hours}:{minutes}",
                                            match.group(0), line)))
        spans.append(match.span())
    for match in TIME_RE.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        hours, minutes = int(match.group(1)), match.group(2)
        found.append((match.start(), Figure(str(hours) if minutes == "00" else f"{hours}:{minutes}",
                                            match.group(0), line)))
        spans.append(match.span())
    for match in NUMBER_RE.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        value = canonical_number(match.group(1), decimal)
        if value is not None:
            found.append((match.start(), Figure(value + ("%" if match.group(2) else ""),
                                                match.group(0), line)))
    return [figure for _, figure in sorted(found, key=lambda item: item[0])]


def canonical_number(written: str, decimal: str) -> str | None:
    digits = written
    for space in GROUP_SPACES:
        digits = digits.replace(space, "")
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        decimal_mark = "." if digits.rfind(".") > digits.rfind(",") else ","
    elif dots + commas == 1:
        mark = "." if dots else ","
        integer, fraction = digits.split(mark)
        ambiguous = len(fraction) == 3 and len(integer) <= 3 and integer != "0"
        decimal_mark = (mark if mark == decimal else "") if ambiguous else mark
    else:
        decimal_mark = ""  # several of one mark: thousands groups (1.000.000)
    group_mark = {".": ",", ",": ".", "": ".,"}[decimal_mark]
    for mark in group_mark:
        digits = digits.replace(mark, "")
    if decimal_mark:
        digits = digits.replace(decimal_mark, ".")
    try:
        number = Decimal(digits)
    except InvalidOperation:
        return None
    return format(number.normalize(), "f") if number else "0"

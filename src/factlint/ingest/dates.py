"""Dates in metadata values and bylines: ISO forms first, written-out forms, then dateparser.

Only whole dates count as publication dates; a day and month without a year is reported as
partial, never completed with a guessed year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

_ISO = re.compile(
    r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$"
)
MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY_YEAR = re.compile(
    rf"^(?:\w+day,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
_DAY_MONTH_YEAR = re.compile(
    rf"^(?:\w+day,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b")
# What may follow a date in a byline: nothing, or a time of day with an optional zone.
_TIME_OF_DAY = re.compile(
    r"^\s*(?:,|at|/)?\s*(?:\d{1,2}(?::\d{2}){0,2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{1,4}T?)?)?\s*$",
    re.IGNORECASE,
)


def parse_iso(value: str) -> tuple[dt.date, str] | None:
    """``(date, text as written)`` for a valid ISO 8601 date or date-time, else None.

    A date-time keeps the calendar date as written in its own offset.
    """
    match = _ISO.match(value)
    if not match:
        return None
    text = value.strip().replace(" ", "T", 1) if match.group(2) else match.group(1)
    try:
        if match.group(2):
            return dt.datetime.fromisoformat(text).date(), value.strip()
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day, day.isoformat()


def parse_written(value: str) -> tuple[dt.date | None, str | None]:
    """Parse ``value`` when it is a written date, optionally followed by a time of day.

    Returns ``(date, None)`` for a whole date, ``(None, "--MM-DD")`` for a day and month without
    a year, and ``(None, None)`` for anything else (including a date followed by other words).
    """
    text = value.strip()
    iso = parse_iso(text)
    if iso:
        return iso[0], None
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        match = pattern.match(text)
        if match and not _TIME_OF_DAY.match(text[match.end() :]):
            return None, None
        if match:
            month = MONTHS[match.group("month").lower()]
            day = int(match.group("day"))
            if match.group("year"):
                try:
                    return dt.date(int(match.group("year")), month, day), None
                except ValueError:
                    return None, None
            if _valid_month_day(month, day):
                return None, f"--{month:02d}-{day:02d}"
            return None, None
    slashed = _SLASHED.match(text)
    if slashed and _TIME_OF_DAY.match(text[slashed.end() :]):
        first, second = int(slashed.group("a")), int(slashed.group("b"))
        # US order unless the first number cannot be a month.
        month, day = (first, second) if first <= 12 else (second, first)
        try:
            return dt.date(int(slashed.group("year")), month, day), None
        except ValueError:
            return None, None
    return _dateparser(text), None


def _valid_month_day(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year, so that 29 February is valid
    except ValueError:
        return False
    return True


# The languages whose written dates ("12 mars 2024", "3. Oktober 2023") metadata may carry. Naming
# them makes dateparser a hundred times faster than letting it try each of its 200 locales.
LANGUAGES = (
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "da",
    "nb",
    "fi",
    "pl",
    "cs",
    "ro",
    "hu",
    "el",
    "tr",
    "ru",
    "uk",
)


@functools.cache
def _parser() -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=list(LANGUAGES), settings=settings)


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str) -> dt.date | None:
    """Dateparser for month names in other languages (:data:`LANGUAGES`); only whole dates.

    Numeric forms never reach it: they are ISO or slashed, or they are not dates at all.
    """
    if not re.search(r"\b\d{4}\b", text) or not re.search(r"[^\W\d_]{3,}", text) or len(text) > 60:
        return None
    parsed = _parser().get_date_data(text).date_obj
    return parsed.date() if parsed else None

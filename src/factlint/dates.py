"""Dates, the one place that parses them: month names, ISO and written dates, table cells.

Metadata dates (front matter, HTML ``<meta>``, bylines) are read by :func:`parse_iso` and
:func:`parse_written`; only whole dates count, and a day and month without a year is partial
("--11-22"), never completed with a guessed year. A date as metadata states it is a
:class:`StatedDate`, written to JSON as its ISO text, as a date is. Table cells are read by
:func:`read_moment`. Finding dates in running text is :mod:`factlint.extract.dates`, which uses
the names here. Nothing here imports the rest of factlint.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
from typing import Any

_MONTH_FORMS = (  # each month's full name, then its abbreviations
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
)
MONTHS = {name: index for index, names in enumerate(_MONTH_FORMS, start=1) for name in names}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Every month name, longest first, as an alternation for patterns (no group, no trailing dot).
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# The same, with the dot an abbreviation may take ("Dec.", "Sept."): a full name ends its
# sentence without taking the full stop ("on 19 June.").
MONTH_WRITTEN = "|".join(
    name if name == _MONTH_FORMS[index - 1][0] else rf"{name}\.?"
    for name, index in sorted(MONTHS.items(), key=lambda item: len(item[0]), reverse=True)
)

_ISO = re.compile(
    r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$"
)
_PARTIAL = re.compile(r"^--(\d{2})-(\d{2})$")
_MONTH = r"(?P<month>" + MONTH_NAMES + r")\.?"
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
# A whole written date and nothing else, as a front-matter value gives one: "12/30/2024",
# "Dec. 30, 2024", "30th December 2024".
_WHOLE_WRITTEN = re.compile(
    r"^\s*(?:\d{1,2}/\d{1,2}/\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})\s*$"
)
# What a table cell needs before it is worth asking dateparser: a numeric date, a clock time or
# a month name (with a digit somewhere in the cell).
_DATE_LIKE = re.compile(
    r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?|\d{1,2}:\d{2}|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
    r"|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)


class StatedDate:
    """A date as metadata states it, kept with its ISO text; JSON writes it as that text.

    ``iso`` is a day ("2024-11-22"), a date-time as written ("2024-11-23T10:00:00Z") or a day and
    month without a year ("--11-22"); ``day`` is its calendar day as written (None for a partial
    date) and ``moment`` the instant of a date-time that gives its offset (else None). All three
    follow from ``iso`` (:meth:`from_iso`), so a date read back from JSON is the one written.
    """

    __slots__ = ("day", "iso", "moment")

    iso: str
    day: dt.date | None
    moment: dt.datetime | None

    def __init__(self, iso: str, day: dt.date | None = None, moment: dt.datetime | None = None) -> None:
        object.__setattr__(self, "iso", iso)
        object.__setattr__(self, "day", day)
        object.__setattr__(self, "moment", moment)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a StatedDate cannot change: {name}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StatedDate):
            return NotImplemented
        return (self.iso, self.day, self.moment) == (other.iso, other.day, other.moment)

    def __hash__(self) -> int:
        return hash((self.iso, self.day, self.moment))

    def __repr__(self) -> str:
        return f"StatedDate({self.iso!r})"

    def __str__(self) -> str:
        return self.iso

    def __reduce__(self) -> tuple[Any, ...]:
        return (StatedDate, (self.iso, self.day, self.moment))

    @property
    def whole_day(self) -> dt.date | None:
        """The day, when the date states a day and nothing more (no time of day); else None."""
        return self.day if self.day is not None and self.iso == self.day.isoformat() else None

    def isoformat(self) -> str:
        """The ISO text, as :meth:`datetime.date.isoformat` gives a date's."""
        return self.iso

    @classmethod
    def from_iso(cls, text: str) -> StatedDate:
        """The date ``text`` states: ISO (:func:`iso_date`) or partial ("--11-22"); else ValueError."""
        stated = iso_date(text)
        if stated is not None:
            return stated
        partial = _PARTIAL.match(text)
        if partial and valid_month_day(int(partial.group(1)), int(partial.group(2))):
            return cls(text)
        raise ValueError(f"not a stated date: {text[:40]!r}")

    @classmethod
    def of_day(cls, day: dt.date) -> StatedDate:
        """A whole day with no time."""
        return cls(day.isoformat(), day)


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


def iso_date(value: str) -> StatedDate | None:
    """An ISO date or date-time as stated, with its moment when it gives an offset; else None."""
    parsed = parse_iso(value)
    if parsed is None:
        return None
    day, iso = parsed
    text = value.strip().replace(" ", "T", 1).replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return StatedDate(iso, day)
    return StatedDate(iso, day, moment if moment.tzinfo is not None else None)


def field_date(value: str) -> StatedDate | None:
    """The date a metadata field's text gives, when that text is one date and nothing else.

    ISO (with its moment when it gives an offset) or a whole written date ("12/30/2024",
    "Dec. 30, 2024"); a partial date, a time of day after a written date or any other words
    give None.
    """
    stated = iso_date(value)
    if stated is not None:
        return stated
    if not _WHOLE_WRITTEN.match(value):
        return None
    day, _ = parse_written(value)
    return StatedDate.of_day(day) if day is not None else None


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
            if valid_month_day(month, day):
                return None, f"--{month:02d}-{day:02d}"
            return None, None
    slashed = _SLASHED.match(text)
    if slashed and _TIME_OF_DAY.match(text[slashed.end() :]):
        first, second = int(slashed.group("a")), int(slashed.group("b"))
        month, day = us_order(first, second)
        try:
            return dt.date(int(slashed.group("year")), month, day), None
        except ValueError:
            return None, None
    return _dateparser(text), None


def us_order(first: int, second: int) -> tuple[int, int]:
    """``(month, day)`` of a slashed date: US order unless the first number cannot be a month."""
    return (first, second) if first <= 12 else (second, first)


def valid_month_day(month: int, day: int) -> bool:
    """Whether ``day`` of ``month`` exists in some year (29 February does)."""
    try:
        dt.date(2000, month, day)  # a leap year, so that 29 February is valid
    except ValueError:
        return False
    return True


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


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


# Table cells -------------------------------------------------------------------------------------
_PERIOD_SECONDS = {"time": 60, "day": 86_400}


@dataclasses.dataclass(frozen=True)
class Moment:
    """A table cell's date or time: the wall-clock ``start`` of what it names and how long that is.

    ``period`` is dateparser's ("time", "day", "month" or "year"); ``seconds`` the length of that
    period from ``start`` (a minute for a time); ``offset`` the UTC offset written, in seconds.
    """

    start: dt.datetime
    seconds: int
    period: str
    offset: int | None = None


def looks_dated(cell: str) -> bool:
    """Whether a cell may be a date or time: a digit and a date-like form or month name."""
    return any(char.isdigit() for char in cell) and _DATE_LIKE.search(cell) is not None


@functools.cache
def _cell_parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True}
    )


def read_moment(cell: str) -> Moment | None:
    """A cell's date or time read by dateparser (English), with the period its precision gives."""
    try:
        data = _cell_parser().get_date_data(cell)
    except (ValueError, OverflowError, TypeError):
        return None
    moment, period = data.date_obj, data.period
    if moment is None:
        return None
    offset = None
    if moment.tzinfo is not None:
        delta = moment.utcoffset()
        offset = int(delta.total_seconds()) if delta is not None else None
        moment = moment.replace(tzinfo=None)
    start = moment
    if period == "month":
        start = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        seconds = calendar.monthrange(moment.year, moment.month)[1] * 86_400
    elif period == "year":
        start = moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
        seconds = (366 if calendar.isleap(moment.year) else 365) * 86_400
    else:
        seconds = _PERIOD_SECONDS.get(period or "day", 86_400)
        if period != "time":
            start = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return Moment(start, seconds, period or "day", offset)

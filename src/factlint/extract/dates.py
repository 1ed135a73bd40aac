"""Dates as intervals, relative ones resolved against the publication date.

Absolute dates, months and years, quarters, years and decades; relative dates are resolved against
the publication date, or left unresolved when there is none.

One regular expression finds candidates; each kind of candidate has a small resolver. A relative
date looks back from publication unless its sentence speaks of the future ("will", "is expected
to"), and a date tied to another event ("two months before") stays unresolved. A date right after a
verb of saying belongs to that verb, which is past: "said on Monday that it will invest" speaks of
the Monday just gone.

Month and weekday names and the parsing of an ISO date come from :mod:`factlint.dates`; this
module only finds dates in running text and resolves them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from factlint.dates import MONTH_WRITTEN, MONTHS, WEEKDAYS, month_bounds, parse_iso, us_order
from factlint.extract.found import Found, Occupied
from factlint.extract.starts import Starts, starting_with
from factlint.model import TimeRef

_QUARTER_WORDS = ("first", "second", "third", "fourth", "last", "final", "1st", "2nd", "3rd", "4th")
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}
_FUTURE = re.compile(
    r"\b(?:will|shall|would)\b|'ll\b|\b(?:is|are|was|were)\s+(?:expected|due|set|scheduled|planned|slated)\s+to\b"
    r"|\bplans?\s+to\b|\bscheduled\s+(?:to|for)\b|\bupcoming\b|\bforecasts?\b",
    re.IGNORECASE,
)
# Verbs of saying and announcing in the past: a date right after one is when it was said.
_SAID_BEFORE = re.compile(
    r"\b(?:said|told|announced|confirmed|reported|stated|added|noted|revealed|disclosed|declared|warned"
    r"|agreed|signed|approved|unveiled|launched|completed|released|wrote|posted|filed)(?:[ \t]+on)?[ \t]+$",
    re.IGNORECASE,
)
# Words after which a month or a year is a date, not part of a name.
_LEADS_INTO_DATE = frozenset(
    ["in", "since", "until", "by", "from", "through", "before", "after", "during", "of", "and", "or", "the"]
)
_CLAUSE_REACH = 300
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


@functools.cache
def _pattern() -> re.Pattern[str]:
    month = r"(?:" + MONTH_WRITTEN + r")"
    weekday = "|".join(WEEKDAYS)
    period = r"(?:week|month|year|decade|quarter)"
    alternatives = [
        r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)",
        rf"(?P<mdy>(?:(?:{weekday}),?\s+)?(?P<m1>{month})\s+(?P<d1>{_DAY})(?:\s*[-–]\s*(?P<d1b>{_DAY}))?"
        rf"(?:,?\s+(?P<y1>{_YEAR}))?)(?![\d:])",
        rf"(?P<dmy>(?:(?:{weekday}),?\s+)?(?P<d2>{_DAY})\s+(?P<m2>{month})(?:,?\s+(?P<y2>{_YEAR}))?)",
        rf"(?P<month_year>(?P<m3>{month})\s+(?:of\s+)?(?P<y3>{_YEAR}))",
        rf"(?P<slashed>(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})/(?P<y4>{_YEAR}))",
        rf"(?P<quarter>(?:the\s+)?(?P<q>{'|'.join(_QUARTER_WORDS)})[\s-]+quarter"
        rf"(?:\s+of\s+(?P<y5>{_YEAR}))?)",
        rf"(?P<qshort>Q(?P<q2>[1-4])(?:\s+(?P<y6>{_YEAR})|\s*'(?P<yy6>\d\d))?)",
        r"(?P<decade>the\s+(?P<dec>(?:1[89]|20)\d0)s)",
        rf"(?P<year_range>(?P<ya>{_YEAR})\s*(?:-|–|to|and)\s*(?P<yb>{_YEAR}))",
        r"(?P<this_part>(?P<part>earlier|later)\s+this\s+(?P<part_unit>week|month|year))",
        rf"(?P<event_relative>(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
        rf"{period}s?\s+(?:before|after|earlier|later))|the\s+(?:previous|following|prior)\s+{period})",
        r"(?P<horizon>the\s+(?:coming|next\s+few)\s+(?:years|months|weeks|decades)|the\s+years\s+ahead)",
        r"(?P<ago>(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<ago_unit>day|week|month|year)s?\s+ago)",
        rf"(?P<named>(?P<which>this|last|next|past)\s+(?P<what>{period}|{weekday}|{month}))",
        r"(?P<deictic>yesterday|today|tomorrow)",
        rf"(?P<weekday>(?:{weekday}))",
        rf"(?P<month>(?P<m4>{month}))",
        rf"(?P<year>{_YEAR})",
    ]
    return re.compile(
        r"(?<![\w$€£¥.,/-])(?:" + "|".join(alternatives) + r")(?![\w%]|[.,]\d|-\d)", re.IGNORECASE
    )


@functools.cache
def _trigger() -> Starts:
    """Where a date can begin: a digit, or a word that starts one of the date patterns.

    Trying the full pattern only there gives the same matches as scanning with it, in half the time.
    """
    words = {
        *MONTHS,
        *WEEKDAYS,
        *_ORDINALS,
        *(_NUMBER_WORDS.keys() - {"a"}),
        "this",
        "last",
        "next",
        "past",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tomorrow",
    }
    # "the" and "a" begin a date only before these ("the third quarter", "a year ago"); a trigger
    # is one word long, so that it never hides the next ("the 2024").
    after_the = [
        *_QUARTER_WORDS,
        "18",
        "19",
        "20",
        "previous",
        "following",
        "prior",
        "coming",
        "next",
        "years",
    ]
    after_a = ["day", "week", "month", "year", "decade", "quarter"]
    phrases = [f"the {word}" for word in after_the] + [f"a {word}" for word in after_a]
    pattern = re.compile(
        r"(?<![\w$€£¥.,/-])(?:\d|Q[1-4]|(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"
        rf"|the(?=\s+(?:{'|'.join(after_the)}))|a(?=\s+(?:{'|'.join(after_a)})))",
        re.IGNORECASE,
    )
    return starting_with(pattern, [*words, *phrases, "q1", "q2", "q3", "q4"], chars="0123456789")


def date_matches(text: str) -> list[re.Match[str]]:
    """The date pattern's matches in ``text``, left to right and not overlapping."""
    pattern, matches, reach = _pattern(), [], 0
    for trigger in _trigger().finditer(text):
        if trigger.start() < reach:
            continue
        match = pattern.match(text, trigger.start())
        if match:
            matches.append(match)
            reach = match.end()
    return matches


def find_dates(text: str, published: dt.date | None, taken: Occupied | None = None) -> list[Found]:
    """Every date expression in ``text`` with the interval it covers, in order."""
    taken = taken or Occupied()
    found = []
    for match in date_matches(text):
        start, end = match.start(), match.end()
        if taken.overlaps(start, end) or not _plausible(match, text):
            continue
        future = _future(text, start) and not _SAID_BEFORE.search(text, max(0, start - 30), start)
        time = _resolve(match, published, future)
        found.append(Found("date", start, end, f"date.{match.lastgroup}", time=time))
    return found


def _plausible(match: re.Match[str], text: str) -> bool:
    """Reject what is a date only sometimes: "may" the verb, a lower-case "march", "Vision 2030"."""
    if match.lastgroup == "year" and _after_name(text, match.start()):
        return False
    if match.group("month") and not match.group("mdy"):
        word = match.group("m4")
        if (
            word.lower().rstrip(".")
            in (
                "may",
                "march",
                "sept",
                "sep",
                "jan",
                "feb",
                "mar",
                "apr",
                "jun",
                "jul",
                "aug",
                "oct",
                "nov",
                "dec",
            )
            and not word[0].isupper()
        ):
            return False
        if word.lower() == "may" and not _after_date_word(text, match.start()):
            return False
    return True


def _after_name(text: str, start: int) -> bool:
    """True when a capitalised word, not the first of its sentence nor a month, stands just before."""
    words = text[max(0, start - 30) : start].split()
    if len(words) < 2 or words[-2].endswith((".", "!", "?", ":")):
        return False
    previous = words[-1]
    return (
        previous.isalpha()
        and previous[0].isupper()
        and previous.lower() not in MONTHS
        and previous.lower() not in _LEADS_INTO_DATE
    )


def _after_date_word(text: str, start: int) -> bool:
    """True when the word before ``start`` leads into a date ("in May", "since March")."""
    words = text[max(0, start - 12) : start].lower().split()
    return bool(words) and words[-1] in _LEADS_INTO_DATE | {"early", "late", "mid", "last", "next", "this"}


def _future(text: str, start: int) -> bool:
    """True when the clause around ``start`` speaks of the future.

    The clause runs between the nearest punctuation marks, so in "X will invest, the companies
    said on Tuesday" Tuesday is in the past.
    """
    # Searched within a bounded reach, so that text without punctuation stays linear to scan.
    low, high = max(0, start - _CLAUSE_REACH), min(len(text), start + _CLAUSE_REACH)
    before = max(text.rfind(mark, low, start) for mark in (". ", "\n", ",", ";", ":"))
    ends = [
        index for index in (text.find(mark, start, high) for mark in (". ", "\n", ",", ";")) if index != -1
    ]
    return bool(_FUTURE.search(text, max(before + 1, low), min(ends, default=high)))


def _resolve(match: re.Match[str], published: dt.date | None, future: bool) -> TimeRef:
    # The alternative's own group closes last, so it is the match's last group.
    return _RESOLVERS[match.lastgroup or "year"](match, match.group(), published, future)


# Resolvers ----------------------------------------------------------------------------------------
def _absolute(quote: str, start: dt.date, end: dt.date, precision: str) -> TimeRef:
    return TimeRef(quote, start, end, precision, "absolute")


def _relative(quote: str, start: dt.date | None, end: dt.date | None, precision: str) -> TimeRef:
    if start is None:
        return TimeRef(quote, None, None, precision, "unresolved")
    return TimeRef(quote, start, end, precision, "relative")


def _quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first_month = 3 * (quarter - 1) + 1
    return dt.date(year, first_month, 1), month_bounds(year, first_month + 2)[1]


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _iso(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    parsed = parse_iso(quote)
    if parsed is None:
        return _relative(quote, None, None, "day")
    return _absolute(quote, parsed[0], parsed[0], "day")


def _mdy(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    return _day_month(
        quote, match.group("m1"), match.group("d1"), match.group("d1b"), match.group("y1"), published, future
    )


def _dmy(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    return _day_month(quote, match.group("m2"), match.group("d2"), None, match.group("y2"), published, future)


def _day_month(
    quote: str,
    month_name: str,
    day_text: str,
    last_day: str | None,
    year_text: str | None,
    published: dt.date | None,
    future: bool,
) -> TimeRef:
    month, day = _month_number(month_name), _day_number(day_text)
    end_day = _day_number(last_day) if last_day else day
    if year_text:
        try:
            return _absolute(
                quote, dt.date(int(year_text), month, day), dt.date(int(year_text), month, end_day), "day"
            )
        except ValueError:
            return _relative(quote, None, None, "day")
    if published is None:
        return _relative(quote, None, None, "day")

    def days(year: int) -> tuple[dt.date, dt.date] | None:
        try:
            return dt.date(year, month, day), dt.date(year, month, end_day)
        except ValueError:
            return None

    named = _written_weekday(quote)
    if named is not None:
        # "Thursday 19 June": the year in which 19 June is a Thursday, the nearest to publication.
        fitting = [
            span
            for span in (days(year) for year in range(published.year - 1, published.year + 2))
            if span is not None and span[0].weekday() == named
        ]
        if fitting:
            # The weekday fixes the year as a written one would: the date is absolute.
            start, end = min(fitting, key=lambda span: abs((span[0] - published).days))
            return _absolute(quote, start, end, "day")
    return _relative(quote, *_nearest(published, future, days), "day")


def _written_weekday(quote: str) -> int | None:
    """The weekday a date is written with ("Thursday 19 June": 3), if any."""
    first = quote.split(maxsplit=1)[0].rstrip(",").lower() if quote.strip() else ""
    return WEEKDAYS.index(first) if first in WEEKDAYS else None


def _nearest(
    published: dt.date, future: bool, bounds: Callable[[int], tuple[dt.date, dt.date] | None]
) -> tuple[dt.date | None, dt.date | None]:
    """The period ``bounds(year)`` nearest to publication.

    That is the last one begun by then or, for the future, the first one not yet ended.
    """
    for year in _candidate_years(published, future):
        span = bounds(year)
        if span is None:
            break
        start, end = span
        if (future and end >= published) or (not future and start <= published):
            return start, end
    return None, None


def _candidate_years(published: dt.date, future: bool) -> tuple[int, int]:
    return (published.year, published.year + 1) if future else (published.year, published.year - 1)


def _month_year(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    return _absolute(quote, *month_bounds(int(match.group("y3")), _month_number(match.group("m3"))), "month")


def _slashed(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    first, second, year = int(match.group("sa")), int(match.group("sb")), int(match.group("y4"))
    month, day = us_order(first, second)
    try:
        day_date = dt.date(year, month, day)
    except ValueError:
        return _relative(quote, None, None, "day")
    return _absolute(quote, day_date, day_date, "day")


def _quarter(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    quarter = _ORDINALS[match.group("q").lower()]
    return _quarter_of(quote, quarter, match.group("y5"), published, future)


def _qshort(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    year = match.group("y6") or (f"20{match.group('yy6')}" if match.group("yy6") else None)
    return _quarter_of(quote, int(match.group("q2")), year, published, future)


def _quarter_of(
    quote: str, quarter: int, year_text: str | None, published: dt.date | None, future: bool
) -> TimeRef:
    if year_text:
        return _absolute(quote, *_quarter_bounds(int(year_text), quarter), "quarter")
    if published is None:
        return _relative(quote, None, None, "quarter")
    return _relative(
        quote, *_nearest(published, future, lambda year: _quarter_bounds(year, quarter)), "quarter"
    )


def _decade(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    first = int(match.group("dec"))
    return _absolute(quote, dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade")


def _year_range(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    first, last = sorted((int(match.group("ya")), int(match.group("yb"))))
    return _absolute(quote, dt.date(first, 1, 1), dt.date(last, 12, 31), "year")


def _year(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    year = int(quote)
    return _absolute(quote, dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _this_part(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    unit = match.group("part_unit").lower()
    if published is None:
        return _relative(quote, None, None, unit)
    start, end = _period(unit, published, 0)
    if match.group("part").lower() == "earlier":
        return _relative(quote, start, published, unit)
    return _relative(quote, published, end, unit)


def _event_relative(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    unit = next(u for u in ("week", "month", "year", "decade", "quarter") if u in quote.lower())
    return _relative(quote, None, None, unit)  # relative to an event, not to publication


_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _horizon(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    """A vague stretch ahead ("in the coming years"): no end can be known."""
    unit = next(u for u in ("decade", "year", "month", "week") if u in quote.lower())
    return _relative(quote, None, None, unit)


def _ago(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    unit = match.group("ago_unit").lower()
    precision = "day" if unit in ("day", "week") else unit
    if published is None:
        return _relative(quote, None, None, precision)
    count_text = match.group("n").lower()
    count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
    if unit == "day":
        day = published - dt.timedelta(days=count)
        return _relative(quote, day, day, "day")
    if unit == "week":
        day = published - dt.timedelta(weeks=count)
        return _relative(quote, day, day, "day")
    start, end = _period(unit, published, -count)
    return _relative(quote, start, end, unit)


def _named(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    which, what = match.group("which").lower(), match.group("what").lower().rstrip(".")
    if what in WEEKDAYS:
        return _weekday_of(quote, what, published, which == "next" or (which == "this" and future), which)
    if what in MONTHS:
        return _month_of(quote, MONTHS[what], published, which == "next", which)
    precision = what
    if published is None:
        return _relative(quote, None, None, precision)
    offset = {"this": 0, "last": -1, "past": -1, "next": 1}[which]
    return _relative(quote, *_period(what, published, offset), precision)


def _deictic(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    if published is None:
        return _relative(quote, None, None, "day")
    day = published + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[quote.lower()])
    return _relative(quote, day, day, "day")


def _weekday(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    return _weekday_of(quote, quote.lower(), published, future, None)


def _weekday_of(quote: str, name: str, published: dt.date | None, future: bool, which: str | None) -> TimeRef:
    if published is None:
        return _relative(quote, None, None, "day")
    target = WEEKDAYS.index(name)
    if future:
        delta = (target - published.weekday()) % 7
        delta = 7 if which == "next" and delta == 0 else delta
    else:
        delta = -((published.weekday() - target) % 7)
        delta = -7 if which == "last" and delta == 0 else delta
    day = published + dt.timedelta(days=delta)
    return _relative(quote, day, day, "day")


def _month(match: re.Match[str], quote: str, published: dt.date | None, future: bool) -> TimeRef:
    return _month_of(quote, _month_number(match.group("m4")), published, future, None)


def _month_of(quote: str, month: int, published: dt.date | None, future: bool, which: str | None) -> TimeRef:
    if published is None:
        return _relative(quote, None, None, "month")
    if which == "last":
        year = published.year if month < published.month else published.year - 1
    elif which == "next" or future:
        year = published.year if month >= published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
    return _relative(quote, *month_bounds(year, month), "month")


def _period(unit: str, published: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    """The week, month, quarter, year or decade ``offset`` periods from the one holding ``published``."""
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return month_bounds(index // 12, index % 12 + 1)
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + offset
        return _quarter_bounds(index // 4, index % 4 + 1)
    if unit == "decade":
        first = published.year // 10 * 10 + 10 * offset
        return dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    return dt.date(published.year + offset, 1, 1), dt.date(published.year + offset, 12, 31)


_RESOLVERS = {
    "iso": _iso,
    "mdy": _mdy,
    "dmy": _dmy,
    "month_year": _month_year,
    "slashed": _slashed,
    "quarter": _quarter,
    "qshort": _qshort,
    "decade": _decade,
    "year_range": _year_range,
    "this_part": _this_part,
    "event_relative": _event_relative,
    "horizon": _horizon,
    "ago": _ago,
    "named": _named,
    "deictic": _deictic,
    "weekday": _weekday,
    "month": _month,
    "year": _year,
}

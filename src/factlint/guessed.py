"""The days a resolved date may mean, once what its reader had to guess is allowed for.

"The fourth quarter" or "on 19 June" in an article leaves the year to the reader, "on Thursday"
the week: the resolver picks one, and a comparison must allow the others (a year either side, a
week either side). A date written in full, or a word such as "yesterday", means its days.
"""

from __future__ import annotations

import datetime as dt

from factlint.dates import MONTHS, WEEKDAYS
from factlint.model import TimeRef


def possible_days(time: TimeRef) -> tuple[dt.date, dt.date] | None:
    """The first and last day ``time`` may mean; None when it has no days."""
    first, last = time.start, time.end
    if first is None or last is None:
        return None
    guess = _guessed(time)
    if guess == "year":
        return _years_on(first, -1), _years_on(last, 1)
    if guess == "week":
        return first - dt.timedelta(days=6), last + dt.timedelta(days=6)
    return first, last


# Precisions of a date whose year, when not written, is guessed (a day's only with its month).
_YEARLESS = frozenset({"month", "quarter", "half", "season"})


def _guessed(time: TimeRef) -> str | None:
    """What a resolved date leaves to the reader's guess: its "year", its "week", or nothing.

    The year when none is written ("on 19 June"), the week for a weekday alone ("on Thursday");
    nothing for a date written in full (or with its weekday, which extraction resolves as
    absolute: "Thursday 19 June") or a word such as "yesterday".
    """
    if time.resolution == "absolute" or any(word.isdigit() and len(word) == 4 for word in _words(time.text)):
        return None
    words = set(_words(time.text))
    if time.precision in _YEARLESS or (time.precision == "day" and words & set(MONTHS)):
        return "year"
    if time.precision == "day" and words & set(WEEKDAYS):
        return "week"
    return None


def _words(text: str) -> list[str]:
    return "".join(char if char.isalnum() else " " for char in text.lower()).split()


def _years_on(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` years on (the 28th for a 29 February that year has not)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)

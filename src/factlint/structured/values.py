"""Typed values from a table cell: numbers, money, percentages, dates and times, and text.

Money and percentages are read by the same extractors as articles ("$1.2 billion", "about 40%").
Dates and times are read by :func:`factlint.dates.read_moment` (dateparser, English), with their
precision kept as an interval (a month is its days, a time its minute); an offset, when written,
is kept apart, so that a group whose times all carry one compares instants while a group with a
bare time compares wall-clock readings ("12/1/11 2:06 PM (-05:00)" and "12/01/2011 02:06 PM"
are the same reading). Anything else is text, compared through :mod:`factlint.match.textvalues`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

from factlint.dates import looks_dated, read_moment
from factlint.extract.money import find_money
from factlint.extract.percent import find_percent
from factlint.extract.precision import with_precision
from factlint.knowledge import KnowledgeBase
from factlint.model import Quantity

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?$")
_EPOCH = dt.datetime(1970, 1, 1)


@dataclasses.dataclass(frozen=True)
class Value:
    """A parsed cell: its kind, and a quantity for numbers, dates and times (else None).

    For times, ``quantity`` holds wall-clock seconds and ``offset`` the written UTC offset in
    seconds (None when the cell gave none).
    """

    kind: str
    text: str
    quantity: Quantity | None = None
    offset: int | None = None


def parse_value(text: str, kb: KnowledgeBase, unit: str | None = None, qualifier: str | None = None) -> Value:
    """The typed value of ``text``; ``unit`` and ``qualifier`` come from their own columns."""
    cell = " ".join(str(text).split())
    if not cell:
        return Value("empty", cell)
    plain = cell.replace(" ", "")
    if _NUMBER.match(plain):
        number = float(plain.replace(",", ""))
        return Value("number", cell, with_precision(cell, _interval(number, unit or "", qualifier, kb)))
    money = find_money(cell, kb)
    if len(money) == 1 and money[0].quantity is not None and _covers(cell, money[0].start, money[0].end):
        return Value("money", cell, with_precision(cell, _requalified(money[0].quantity, qualifier, kb)))
    percent = find_percent(cell, kb)
    if (
        len(percent) == 1
        and percent[0].quantity is not None
        and _covers(cell, percent[0].start, percent[0].end)
    ):
        return Value("percent", cell, with_precision(cell, _requalified(percent[0].quantity, qualifier, kb)))
    if looks_dated(cell):
        moment = parse_moment(cell)
        if moment is not None:
            return moment
    return Value("text", cell)


def _covers(cell: str, start: int, end: int) -> bool:
    """Whether a match is the whole cell but for a qualifier or a few words around it."""
    return len(cell) - (end - start) <= 24


def _interval(number: float, unit: str, qualifier: str | None, kb: KnowledgeBase) -> Quantity:
    return _requalified(Quantity(number, unit, None, None), qualifier, kb)


def _requalified(quantity: Quantity, qualifier: str | None, kb: KnowledgeBase) -> Quantity:
    """The quantity with the interval of a qualifier from its own column (``up_to``, ``about``...)."""
    if not qualifier or quantity.value is None:
        return quantity
    value, name = quantity.value, qualifier.strip().lower().replace(" ", "_")
    band = kb.bands.get(name, 0.0) * abs(value)
    bounds = {
        "up_to": (0.0 if value >= 0 else None, value),
        "less_than": (None, value),
        "more_than": (value, None),
        "at_least": (value, None),
        "about": (value - band, value + band),
        "nearly": (value - band, value),
    }
    if name not in bounds:
        return quantity
    low, high = bounds[name]
    return dataclasses.replace(quantity, low=low, high=high, qualifier=name)


@functools.lru_cache(maxsize=65_536)
def parse_moment(cell: str) -> Value | None:
    """A date or time as the interval of wall-clock seconds its precision allows, or None."""
    moment = read_moment(cell)
    if moment is None:
        return None
    low = (moment.start - _EPOCH).total_seconds()
    kind = "datetime" if moment.period == "time" else "date"
    quantity = Quantity(low, kind, low, low + moment.seconds - 1)
    return Value(kind, cell, quantity, moment.offset)


def in_utc(value: Value) -> Value:
    """A time with an offset as UTC seconds (the instant), for groups where every time has one."""
    if value.quantity is None or value.offset is None:
        return value
    shift = float(value.offset)
    quantity = value.quantity
    return dataclasses.replace(
        value,
        quantity=dataclasses.replace(
            quantity,
            value=quantity.value - shift if quantity.value is not None else None,
            low=quantity.low - shift if quantity.low is not None else None,
            high=quantity.high - shift if quantity.high is not None else None,
            unit=f"{quantity.unit}_utc",
        ),
        offset=0,
    )

"""Arithmetic on intervals: the values a written figure may stand for, and what sums of them allow."""

from __future__ import annotations

import itertools
import math

Interval = tuple[float, float]


def meets(a: Interval, b: Interval) -> bool:
    """Whether two intervals share a value (a hair's width of float error allowed)."""
    return _at_most(a[0], b[1]) and _at_most(b[0], a[1])


def _at_most(x: float, y: float) -> bool:
    """``x <= y``, forgiving float error of a billionth of the two figures."""
    if x <= y:
        return True
    return math.isfinite(x) and math.isfinite(y) and x - y <= 1e-9 * max(1.0, abs(x), abs(y))


def around(value: float, half: float) -> Interval:
    """``value`` give or take ``half``: the same reach on each side."""
    half = abs(half)
    return (value - half, value + half)


def move_percent(price: Interval, change: Interval, sign: int) -> Interval | None:
    """The percentage change of a price that moved by ``change`` (``sign`` +1 up, -1 down) to ``price``.

    The previous price is ``price - sign * change``; the result is ``sign * change / previous *
    100``, over every choice within the two intervals (it rises with the change and falls with the
    price, so the corners bound it). None when the previous price could be zero or less.
    """
    corners = []
    for p, c in itertools.product(price, change):
        previous = p - sign * c
        if not math.isfinite(previous) or previous <= 0:
            return None
        corners.append(sign * c / previous * 100)
    return (min(corners), max(corners))


def growth_percent(start: Interval, end: Interval) -> Interval | None:
    """The percentage change from ``start`` to ``end``, over every choice within the two intervals.

    None when the starting value could be zero or less.
    """
    if start[0] <= 0 or not all(math.isfinite(x) for x in (*start, *end)):
        return None
    corners = [(e - s) / s * 100 for s, e in itertools.product(start, end)]
    return (min(corners), max(corners))


def unsigned(interval: Interval) -> Interval:
    """The magnitudes an interval allows: |x| for every x in it."""
    low, high = interval
    if low >= 0:
        return (low, high)
    if high <= 0:
        return (-high, -low)
    return (0.0, max(-low, high))


def negated(interval: Interval) -> Interval:
    """The interval of -x for every x in ``interval``."""
    return (-interval[1], -interval[0])

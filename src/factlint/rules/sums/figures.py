"""A claim's figure as written: the interval it stands for, its decimals, and a value written like it.

A written figure stands for everything that rounds to it (half its last written digit either side),
so "0.68%" is 0.675 to 0.685 and "$1.37" is $1.365 to $1.375.
"""

from __future__ import annotations

import math
import re

from factlint.extract.numbers import parse_number
from factlint.model import Claim
from factlint.rules.sums.interval_math import Interval

_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def written(claim: Claim) -> Interval | None:
    """Everything a figure stands for: its qualifier's interval, widened by half its last written digit."""
    quantity = claim.quantity
    if quantity is None or (quantity.value is None and quantity.low is None and quantity.high is None):
        return None
    half = 0.5 * (_step(claim) or 0.0)
    low = quantity.low if quantity.low is not None else -math.inf
    high = quantity.high if quantity.high is not None else math.inf
    if quantity.value is not None:
        if quantity.low is None and quantity.high is None and not quantity.qualifier:
            low = high = quantity.value
        low, high = min(low, quantity.value - half), max(high, quantity.value + half)
    elif math.isfinite(low) and math.isfinite(high):
        low, high = low - half, high + half
    return (min(low, high), max(low, high))


def _step(claim: Claim) -> float | None:
    """The worth of the last digit written: 0.01 for "$1.37", 1e8 for "$2.5 billion".

    Unlike :func:`factlint.match.intervals.written_step`, a range counts: its high end, and the
    most decimals any of its numbers has.
    """
    quantity = claim.quantity
    numbers = list(_NUMBER.finditer(claim.text))
    if quantity is None or not numbers:
        return None
    largest = max(parse_number(match.group()) for match in numbers)
    value = quantity.value if quantity.value is not None else quantity.high
    if not largest or value is None:
        return None
    decimals = max(len(match.group(1) or "") for match in numbers)
    return 10.0**-decimals * abs(value / largest)


def decimals(claim: Claim) -> int:
    """The most decimals any number of the claim's text has."""
    return max((len(match.group(1) or "") for match in _NUMBER.finditer(claim.text)), default=0)


def like(claim: Claim, value: float, places: int) -> str:
    """``value`` written the way ``claim`` writes its figure: "$25 billion", "0.679%", "$201.82"."""
    quantity = claim.quantity
    numbers = list(_NUMBER.finditer(claim.text))
    headline = None if quantity is None else quantity.value if quantity.value is not None else quantity.high
    if not numbers or not headline:
        return f"{value:,.{places}f}"
    largest = max(parse_number(match.group()) for match in numbers)
    factor = headline / largest if largest else 1.0
    first = numbers[0]
    text = claim.text[: first.start()] + f"{value / factor:,.{places}f}"
    if len(numbers) == 1:
        return text + claim.text[first.end() :]
    # a range ("$204.66 and $201.22"): keep what follows its last number (a unit, a scale word)
    return text + claim.text[numbers[-1].end() :]

"""A claim's figure as written: the interval it stands for, its decimals, and a value written like it.

A written figure stands for everything that rounds to it (half its last written digit either side),
so "0.68%" is 0.675 to 0.685 and "$1.37" is $1.365 to $1.375. How each figure was written is read
by extraction (:class:`factlint.model.Precision`, on the claim's quantity).
"""

from __future__ import annotations

import math

from factlint.model import Claim, Precision
from factlint.rules.sums.interval_math import Interval


def written(claim: Claim) -> Interval | None:
    """Everything a figure stands for: its qualifier's interval, widened by half its last written digit."""
    quantity = claim.quantity
    if quantity is None or (quantity.value is None and quantity.low is None and quantity.high is None):
        return None
    step = quantity.precision.step if quantity.precision is not None else None
    half = 0.5 * (step or 0.0)
    low = quantity.low if quantity.low is not None else -math.inf
    high = quantity.high if quantity.high is not None else math.inf
    if quantity.value is not None:
        if quantity.low is None and quantity.high is None and not quantity.qualifier:
            low = high = quantity.value
        low, high = min(low, quantity.value - half), max(high, quantity.value + half)
    elif math.isfinite(low) and math.isfinite(high):
        low, high = low - half, high + half
    return (min(low, high), max(low, high))


def decimals(claim: Claim) -> int:
    """The most decimals any number of the claim's text has."""
    precision = _precision(claim)
    return precision.decimals if precision is not None else 0


def like(claim: Claim, value: float, places: int) -> str:
    """``value`` written the way ``claim`` writes its figure: "$25 billion", "0.679%", "$201.82"."""
    precision = _precision(claim)
    if precision is None or precision.scale is None:
        return f"{value:,.{places}f}"
    first, last = precision.numbers
    # a range ("$204.66 and $201.22") keeps what follows its last number (a unit, a scale word)
    return claim.text[:first] + f"{value / precision.scale:,.{places}f}" + claim.text[last:]


def exact_places(claim: Claim, value: float, least: int, most: int = 6) -> int:
    """The fewest decimals, ``least`` at the least, that write ``value`` exactly as ``claim`` would.

    A sum of "$1.9 million", "$1.6 million" and "$450,000" is "$3.95 million", not "$4.0 million".
    """
    precision = _precision(claim)
    scaled = value / precision.scale if precision is not None and precision.scale else value
    for places in range(least, most + 1):
        if abs(round(scaled, places) - scaled) <= 1e-9 * max(1.0, abs(scaled)):
            return places
    return most


def _precision(claim: Claim) -> Precision | None:
    return claim.quantity.precision if claim.quantity is not None else None

"""Figures as intervals: everything a claim allows once its qualifier, tolerance and rounding are read.

"More than $100 billion" allows (100e9, ∞); "about $380 billion" 342e9 to 418e9 (the band in
``rules/tolerances.yaml``). Each end then widens by the tolerance of the claim's attribute,
unit or kind (``agreement`` in the same file) or by rounding, whichever is wider: a figure
written with fewer digits stands for what rounds to it, up to ``rounding_cap`` of its size ("$8
billion" for $8.04 billion, never for $8.5 billion). Two figures are compatible when their
reaches meet; an open end counts as closed, so that "$100 billion" meets "more than $100
billion" and the labels can call that a dropped qualifier rather than a contradiction.
"""

from __future__ import annotations

import dataclasses
import math

from factlint.guessed import possible_days
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim

INF = math.inf
# A written figure reaches just under half its last digit, so that "52" never meets "53".
_HALF_STEP = 0.49


@dataclasses.dataclass(frozen=True)
class Reach:
    """The values a figure allows (``low``/``high``, infinite when open) and its headline value.

    ``value_low``/``value_high`` are the headline value widened by tolerance and rounding only,
    which is what "the same number" means when qualifiers differ.
    """

    low: float
    high: float
    value: float | None = None
    value_low: float = -INF
    value_high: float = INF

    def meets(self, other: object) -> bool:
        """Whether some value lies in both (never, for a value that is not an interval)."""
        if not isinstance(other, Reach):
            return False
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: Reach) -> float:
        """How far apart the two are (0 when they meet)."""
        return max(0.0, other.low - self.high, self.low - other.high)

    def same_number(self, other: Reach) -> bool:
        """Whether the two headline values are one number within tolerance and rounding."""
        if self.value is None or other.value is None:
            return False
        return self.value_low <= other.value_high and other.value_low <= self.value_high


def written_step(claim: Claim) -> float | None:
    """The worth of the last digit the claim writes: 1e9 for "$8 billion", 0.1 for "27.5%".

    Extraction reads it with the figure (:attr:`factlint.model.Quantity.precision`); a quantity
    made without it (a structured claims table) has none, and is compared without rounding.
    """
    quantity = claim.quantity
    if quantity is None or quantity.value is None or quantity.precision is None:
        return None
    return quantity.precision.step


def reach(claim: Claim, kb: KnowledgeBase) -> Reach | None:
    """The interval of values ``claim`` allows, widened for comparison; None without a number.

    A date written in the text (no quantity) reaches over its days, as day numbers: "in 2019"
    meets "in March 2019" and never "in 2020". A month, quarter, season or day written without
    its year reaches over the year before and the year after too, and a weekday alone over the
    week before and after: which one was only guessed.
    """
    quantity = claim.quantity
    if quantity is None and claim.kind == "date" and claim.time is not None:
        days = possible_days(claim.time)
        if days is None:
            return None
        return Reach(float(days[0].toordinal()), float(days[1].toordinal()))
    if quantity is None or (quantity.value is None and quantity.low is None and quantity.high is None):
        return None
    low = quantity.low if quantity.low is not None else -INF
    high = quantity.high if quantity.high is not None else INF
    if (
        quantity.value is not None
        and quantity.low is None
        and quantity.high is None
        and not quantity.qualifier
    ):
        low = high = quantity.value
    low, high = min(low, high), max(low, high)
    tolerance = kb.tolerance(claim.attribute, quantity.unit, claim.kind)
    step = written_step(claim) if claim.kind not in ("date", "datetime") else None
    rounding = 0.0
    if step is not None and quantity.value is not None:
        rounding = min(_HALF_STEP * step, kb.rounding_cap * abs(quantity.value))
    widened_low = low - max(tolerance.of(low), rounding) if math.isfinite(low) else low
    widened_high = high + max(tolerance.of(high), rounding) if math.isfinite(high) else high
    value_low = value_high = quantity.value if quantity.value is not None else math.nan
    if quantity.value is not None:
        spread = max(tolerance.of(quantity.value), rounding)
        value_low, value_high = quantity.value - spread, quantity.value + spread
    return Reach(widened_low, widened_high, quantity.value, value_low, value_high)

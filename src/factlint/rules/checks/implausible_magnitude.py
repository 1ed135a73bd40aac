"""FL403: a figure outside the range its fact can plausibly take.

A turnout of 101 %, an earthquake of magnitude 12, a share price that "jumped 250 %" in a day: the
ranges come from ``rules/plausibility.yaml``, looked up by the claim's attribute, then its unit,
then its kind. A figure is reported when everything its qualifier allows lies outside the range,
so "more than 100 %" turnout is reported and "up to 100 %" is not; a range that holds only
``within`` a period (a day's move) is not applied to a figure that speaks of a longer one.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from factlint.knowledge import PERIOD_DAYS, KnowledgeBase
from factlint.model import Basis, Claim, Finding
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule


@register(
    "implausible_magnitude",
    ("quote", "what", "value", "unit", "side", "limit", "bound", "why"),
    document=True,
)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per claim whose figure lies wholly outside its plausible range."""
    for claim in context.claims:
        bounds = plausible_range(claim, context.kb)
        if bounds is None:
            continue
        side = outside(claim, bounds)
        if side is None:
            continue
        limit = bounds["max"] if side == "above" else bounds["min"]
        unit = claim.quantity.unit if claim.quantity else ""
        what = (claim.attribute or unit).replace(".", " ").replace("_", " ")
        yield finding(
            context,
            rule,
            claim.source_id,
            [quote(claim)],
            explanation=f"{what} is plausible {_range_text(bounds, unit)} (rules/plausibility.yaml)"
            + (f": {bounds['why']}" if bounds["why"] else ""),
            fix="check the figure against its source: a misplaced decimal point, a wrong unit or a "
            "change written as a level",
            basis=[
                Basis(
                    file="plausibility.yaml",
                    entry=bounds["key"],
                    says=f"{what}: {_range_text(bounds, unit)}"
                    + (f", {bounds['why']}" if bounds["why"] else ""),
                )
            ],
            quote=claim.text,
            what=what,
            value=_value_text(claim, context.kb),
            side=side,
            limit=_number(limit),
            bound="maximum" if side == "above" else "minimum",
            unit=unit,
            why=bounds["why"],
        )


def plausible_range(claim: Claim, kb: KnowledgeBase) -> Mapping[str, Any] | None:
    """The range that applies to ``claim``, with the ``key`` it is listed under; None when none does.

    Ranges are looked up by the claim's attribute, then its unit, then its kind.
    """
    quantity = claim.quantity
    if quantity is None:
        return None
    for key in (claim.attribute, quantity.unit, claim.kind):
        if key is None or key not in kb.plausibility:
            continue
        entries = [entry for entry in kb.plausibility[key] if entry["unit"] in (None, quantity.unit)]
        if entries:
            entry = entries[0]
            return {**entry, "key": key} if _within(claim, entry["within"]) else None
    return None


def outside(claim: Claim, bounds: Mapping[str, Any]) -> str | None:
    """Which side of the range ("above", "below") everything the claim allows lies on; None if within."""
    quantity = claim.quantity
    if quantity is None:
        return None
    if quantity.low is None and quantity.high is None and not quantity.qualifier:
        if quantity.value is None:
            return None
        low = high = quantity.value
        low_closed = high_closed = True
    else:
        low = quantity.low if quantity.low is not None else -math.inf
        high = quantity.high if quantity.high is not None else math.inf
        low_closed, high_closed = quantity.low_closed, quantity.high_closed
    if low > bounds["max"] or (low == bounds["max"] and not low_closed):
        return "above"
    if high < bounds["min"] or (high == bounds["min"] and not high_closed):
        return "below"
    return None


def _within(claim: Claim, period: str | None) -> bool:
    """Whether the claim speaks of no more than ``period`` (always, without a limit or a known time)."""
    if period is None:
        return True
    time = claim.refers_to
    if time is None or time.start is None or time.end is None:
        return True
    return (time.end - time.start).days + 1 <= PERIOD_DAYS[period]


def _value_text(claim: Claim, kb: KnowledgeBase) -> str:
    """The figure with its qualifier and unit: "more than 100 percent", "magnitude 12", "1,200 km"."""
    quantity = claim.quantity
    if quantity is None:
        return ""
    if quantity.value is None:
        figure = " to ".join(_number(end) for end in (quantity.low, quantity.high) if end is not None)
    else:
        figure = _number(quantity.value)
    if any(unit.id == quantity.unit and unit.before for unit in kb.units):
        figure = f"{quantity.unit} {figure}"  # written before the number: "magnitude 12"
    elif quantity.unit:
        figure = f"{figure} {quantity.unit}"
    if quantity.qualifier and quantity.value is not None:
        figure = f"{quantity.qualifier.replace('_', ' ')} {figure}"
    return figure


def _range_text(bounds: Mapping[str, Any], unit: str) -> str:
    low, high = bounds["min"], bounds["max"]
    if math.isinf(low):
        return f"up to {_number(high)} {unit}"
    if math.isinf(high):
        return f"from {_number(low)} {unit} up"
    return f"from {_number(low)} to {_number(high)} {unit}"


def _number(value: float) -> str:
    """A figure as a reader writes it: 101, 1,250, 9.5."""
    if not math.isfinite(value) or value != int(value):
        return f"{value:,.10g}"
    return f"{int(value):,}"

"""A gap in percentage points and the two percentages it lies between.

"Fell from 64.9% to 61.4%, a drop of 5.5 percentage points"; "14.2% of patients given the drug
and 18.9% of those given a placebo, an absolute difference of 3.7 percentage points": a figure in
percentage points (or basis points, a hundredth of one) that its sentence gives beside exactly
two percentages is the distance between them. The two are levels, not moves: either the one is
a "from" figure and the other a "to" figure, or no direction word marks either ("rose 3%" is a
move, and the distance between two moves is no gap anyone states).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Claim, Finding
from factlint.rules.context import Context, finding
from factlint.rules.sums.figures import decimals, exact_places, like, written
from factlint.rules.sums.interval_math import Interval, meets
from factlint.rules.sums.sheet import Sheet

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule

POINTS = {"pp": 1.0, "bp": 0.01}  # a gap's unit and its worth in percentage points


def point_gaps(context: Context, rule: Rule, sheet: Sheet) -> Iterator[Finding]:
    """A gap in points that is not the distance between the two percentages of its sentence."""
    for gap in sheet.claims:
        quantity = gap.quantity
        if quantity is None or quantity.unit not in POINTS or quantity.value is None:
            continue
        levels = [
            claim
            for claim in sheet.claims
            if claim.quantity is not None
            and claim.quantity.unit == "percent"
            and claim.quantity.qualifier != "range"
            and sheet.together(claim, gap)
        ]
        if len(levels) != 2 or not _levels(sheet, *levels):
            continue
        stated, first, second = written(gap), written(levels[0]), written(levels[1])
        if stated is None or first is None or second is None:
            continue
        worth = POINTS[quantity.unit]
        if meets((stated[0] * worth, stated[1] * worth), _distance(first, second)):
            continue
        values = [level.quantity.value for level in levels if level.quantity is not None]
        if len(values) != 2 or any(value is None for value in values):
            continue
        exact = abs(values[0] - values[1]) / worth  # type: ignore[operator]
        most = max(decimals(claim) for claim in (*levels, gap)) + 2
        places = exact_places(gap, exact, decimals(gap), most=most)
        computed = like(gap, exact, places)
        pair = f"{levels[0].text} and {levels[1].text}"
        yield finding(
            context,
            rule,
            sheet.source.id,
            sheet.quotes((*levels, gap)),
            explanation=f"the sentence gives {gap.text} as the gap between {pair}",
            fix=f"correct the gap or a percentage: the gap between {pair} is {computed}",
            check="gap in points",
            detail=f"the gap between {pair} is {computed}, not {gap.text}",
            stated=gap.text,
            computed=computed,
            figures=", ".join(claim.text for claim in sorted((*levels, gap), key=lambda c: c.span.start)),
        )


def _levels(sheet: Sheet, one: Claim, other: Claim) -> bool:
    """Whether two percentages are two levels: a "from" and a "to" figure, or neither a move."""
    mine, theirs = sheet.wordings.get(one.id), sheet.wordings.get(other.id)
    if mine is None or theirs is None:
        return False
    if (mine.after_from and theirs.after_to) or (mine.after_to and theirs.after_from):
        return True
    return mine.direction is None and theirs.direction is None


def _distance(one: Interval, other: Interval) -> Interval:
    """The distances |a - b| for a in ``one`` and b in ``other``."""
    low = max(one[0] - other[1], other[0] - one[1], 0.0)
    high = max(one[1] - other[0], other[1] - one[0])
    return (low, high)

"""A share price, its change and its percentage change; a day's range and that day's price.

"Trading at $203.19, up by $1.37 (0.68%)": the previous price is the price less the change (plus
it, for a fall) and the percentage is the change over the previous price. "Fluctuating between
$204.66 and $201.22" holds that day's price.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Claim, Finding
from factlint.rules.context import Context, finding
from factlint.rules.sums.figures import decimals, like, written
from factlint.rules.sums.interval_math import meets, move_percent, unsigned
from factlint.rules.sums.sheet import CHANGE, PERCENT, PRICE, RANGE, Sheet

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule


def stock_moves(context: Context, rule: Rule, sheet: Sheet) -> Iterator[Finding]:
    """A percentage change that is not the change over the previous price."""
    prices, changes = sheet.of(PRICE), sheet.of(CHANGE)
    for percent in sheet.of(PERCENT):
        if percent.quantity is None or percent.quantity.unit != "percent":
            continue
        change = _nearest(percent, [c for c in changes if _akin(sheet, percent, c)])
        if change is None or sheet.apart(change, percent):
            continue
        price = _nearest(percent, [p for p in prices if _akin(sheet, percent, p)])
        if price is None:  # a price said in another sentence of the same day, if only one is
            elsewhere = [p for p in prices if _same_day_elsewhere(sheet, percent, p)]
            if len({p.quantity.value for p in elsewhere if p.quantity}) != 1:
                continue
            price = elsewhere[0]
        sign = sheet.direction(change) or sheet.direction(percent)
        stated = written(percent)
        price_reach, change_reach = written(price), written(change)
        if stated is None or price_reach is None or change_reach is None:
            continue
        signs = (sign,) if sign else (1, -1)
        computed = {s: move_percent(price_reach, unsigned(change_reach), s) for s in signs}
        if any(c is None for c in computed.values()):
            continue
        unsigned_stated = unsigned(stated)
        if any(meets(unsigned_stated, unsigned(c)) for c in computed.values() if c is not None):
            continue
        best = signs[0]
        previous = price.quantity.value - best * abs(change.quantity.value)  # type: ignore[operator,union-attr]
        exact = abs(change.quantity.value) / previous * 100  # type: ignore[operator,union-attr]
        places = decimals(percent) + 1
        move = {1: "a rise", -1: "a fall"}.get(sign or 0, "a move")
        computed_text = like(percent, exact, places)
        detail = (
            f"{move} of {change.text} to {price.text} is {computed_text} of the previous "
            f"{like(price, previous, decimals(price))}, not {percent.text}"
        )
        figures = [price, change, percent]
        yield finding(
            context,
            rule,
            sheet.source.id,
            sheet.quotes(figures),
            explanation=f"the previous price is {price.text} {'+' if best < 0 else '−'} {change.text}; "
            f"{change.text} over it is {computed_text}, too far from “{percent.text}” for rounding",
            fix=f"check the three figures against the market data: {computed_text} would fit",
            check="stock move",
            detail=detail,
            stated=percent.text,
            computed=computed_text,
            figures=", ".join(claim.text for claim in figures),
        )


def day_ranges(context: Context, rule: Rule, sheet: Sheet) -> Iterator[Finding]:
    """A price outside the range the same source gives for its day."""
    prices = sheet.of(PRICE)
    for span in sheet.of(RANGE):
        quantity = span.quantity
        if quantity is None or quantity.low is None or quantity.high is None:
            continue
        bounds = written(span)
        together = [p for p in prices if _akin(sheet, span, p)]
        others = [p for p in prices if _same_day_elsewhere(sheet, span, p)]
        for price in together or others:
            reach_ = written(price)
            if bounds is None or reach_ is None or meets(bounds, reach_) or price.quantity is None:
                continue
            if price.quantity.unit != quantity.unit:
                continue
            low, high = (like(span, end, decimals(span)) for end in (quantity.low, quantity.high))
            side = "above" if reach_[0] > bounds[1] else "below"
            yield finding(
                context,
                rule,
                sheet.source.id,
                sheet.quotes((span, price)),
                explanation=f"the day's range runs from {low} to {high}; a price of that day lies within it",
                fix="check the price and the range against the market data, and whether they are of "
                "the same day and session",
                check="day range",
                detail=f"the price {price.text} lies {side} the day's range of {low} to {high}",
                stated=price.text,
                computed=f"{low} to {high}",
                figures=f"{span.text}, {price.text}",
            )


def _akin(sheet: Sheet, a: Claim, b: Claim) -> bool:
    """Two stock figures of one sentence, one company and one day."""
    return sheet.together(a, b) and sheet.same_parties(a, b) and sheet.same_day(a, b)


def _same_day_elsewhere(sheet: Sheet, a: Claim, b: Claim) -> bool:
    """Two stock figures of one company and one day, said in different sentences."""
    return (
        not sheet.together(a, b)
        and sheet.same_parties(a, b, named=True)
        and sheet.same_day(a, b, strict=True)
    )


def _nearest(claim: Claim, candidates: list[Claim]) -> Claim | None:
    return min(candidates, key=lambda c: abs(c.span.start - claim.span.start), default=None)

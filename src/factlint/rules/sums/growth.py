"""A growth rate and the two values its sentence joins ("rose 19% to $27.5 billion from $23.1 billion").

The two values are the figures right after ``to_words`` and ``from_words`` (read by extraction).
The direction of the move is read from the words around the rate; where none is written, either
direction may hold, and a percentage that no word makes a change is left alone unless its attribute
is a change (``growth_attributes``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Finding
from factlint.rules.context import Context, finding
from factlint.rules.sums.figures import decimals, like, written
from factlint.rules.sums.interval_math import growth_percent, meets, negated, unsigned
from factlint.rules.sums.sheet import Sheet

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule


def growth_rates(context: Context, rule: Rule, sheet: Sheet) -> Iterator[Finding]:
    """A growth rate that is not the change between the two values its sentence gives."""
    words = sheet.wordings
    figures = [c for c in sheet.claims if c.kind in ("money", "percent", "quantity") and written(c)]
    for index, (a, b) in enumerate(itertools.pairwise(figures)):
        if not sheet.together(a, b) or a.quantity is None or b.quantity is None:
            continue
        if a.quantity.unit != b.quantity.unit or a.quantity.unit in ("percent", "pp", "bp"):
            continue
        if words[a.id].after_to and words[b.id].after_from:
            start, end = b, a
        elif words[a.id].after_from and words[b.id].after_to:
            start, end = a, b
        else:
            continue
        neighbours = [figures[k] for k in (index - 1, index + 2) if 0 <= k < len(figures)]
        rates = [
            c
            for c in neighbours
            if sheet.together(c, a) and c.quantity is not None and c.quantity.unit == "percent"
        ]
        if not rates:
            continue
        rate = rates[0]
        stated, first, last = written(rate), written(start), written(end)
        if stated is None or first is None or last is None:
            continue
        computed = growth_percent(first, last)
        if computed is None:
            continue
        sign = sheet.direction(rate)
        if sign is None and rate.attribute not in rule.params["growth_attributes"]:
            continue  # a percentage that no word makes a change ("a 5% rate ... from 2,000 to 3,000")
        if sign is None:
            wrong = not meets(unsigned(stated), unsigned(computed))
        else:
            wrong = not meets(unsigned(stated) if sign > 0 else negated(unsigned(stated)), computed)
        if not wrong:
            continue
        exact = (end.quantity.value - start.quantity.value) / start.quantity.value * 100  # type: ignore[operator,union-attr]
        said = like(rate, abs(exact), decimals(rate) + 1)
        actual = "a rise" if exact >= 0 else "a fall"
        claimed = {1: "a rise", -1: "a fall"}.get(sign or 0, actual)
        instead = rate.text if claimed == actual else f"{claimed} of {rate.text}"
        detail = f"from {start.text} to {end.text} is {actual} of {said}, not {instead}"
        yield finding(
            context,
            rule,
            sheet.source.id,
            sheet.quotes((rate, start, end)),
            explanation=f"({end.text} − {start.text}) / {start.text} is {'' if exact >= 0 else '−'}{said}",
            fix=f"correct the rate or one of the values: {actual} of {said} would fit",
            check="growth rate",
            detail=detail,
            stated=rate.text,
            computed=f"{'' if exact >= 0 else '−'}{said}",
            figures=f"{rate.text}, {start.text}, {end.text}",
        )

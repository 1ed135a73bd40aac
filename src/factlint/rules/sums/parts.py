"""Parts and the total one sentence says they make.

"$5 billion now and $20 billion later, $30 billion in total": which attributes are totals of which
parts is ``sums`` in ``rules/matching.yaml``. Parts that fall short of their total are only reported
when the sentence lists two or more and no word says the total holds others (``earlier_parts``:
"bringing", "previously", "another").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.match.intervals import reach
from factlint.model import Finding
from factlint.rules.context import Context, finding
from factlint.rules.sums.figures import decimals, like
from factlint.rules.sums.interval_math import meets
from factlint.rules.sums.sheet import Sheet

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule


def parts_and_totals(context: Context, rule: Rule, sheet: Sheet) -> Iterator[Finding]:
    """A total that one sentence gives with its parts, and that they do not make."""
    sums = context.kb.sums
    for total in sheet.claims:
        if total.attribute not in sums or total.quantity is None:
            continue
        parts = [
            part
            for part in sheet.claims
            if part is not total
            and part.attribute in sums[total.attribute]
            and sheet.together(part, total)
            and sheet.same_parties(part, total)
            and part.quantity is not None
            and part.quantity.unit == total.quantity.unit
            and (total.modality == "prospective" or part.modality != "prospective")
        ]
        reaches = [reach(part, context.kb) for part in parts]
        whole = reach(total, context.kb)
        if not parts or whole is None or any(r is None for r in reaches):
            continue
        low = sum(r.low for r in reaches)  # type: ignore[union-attr]
        high = sum(r.high for r in reaches)  # type: ignore[union-attr]
        if meets((low, high), (whole.low, whole.high)):
            continue
        short = high < whole.low
        if short and (len(parts) < 2 or sheet.wordings[total.id].more_parts):
            continue  # the total may hold parts that the sentence does not list
        values = [part.quantity.value for part in parts if part.quantity is not None]
        if any(value is None for value in values) or total.quantity.value is None:
            continue
        made = like(total, sum(values), max(decimals(c) for c in (*parts, total)))  # type: ignore[arg-type]
        listed = " + ".join(part.text for part in parts)
        parted = f"the parts {listed} make {made}," if len(parts) > 1 else f"the part {listed} is"
        detail = f"{parted} {'less' if short else 'more'} than the total {total.text}"
        yield finding(
            context,
            rule,
            sheet.source.id,
            sheet.quotes((*parts, total)),
            explanation=f"the sentence gives {listed} as the parts of {total.text} "
            f"({total.attribute} is the sum of {', '.join(sums[total.attribute])} in rules/matching.yaml)",
            fix=f"correct a part or the total: the parts make {made}",
            check="parts and total",
            detail=detail,
            stated=total.text,
            computed=made,
            figures=", ".join(claim.text for claim in (*parts, total)),
        )

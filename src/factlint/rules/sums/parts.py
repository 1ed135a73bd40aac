"""Parts and the total one sentence says they make; shares of one whole.

"$5 billion now and $20 billion later, $30 billion in total": which attributes are totals of which
parts is ``sums`` in ``rules/matching.yaml``. Parts that fall short of their total are only reported
when the sentence lists two or more and no word says the total holds others (``earlier_parts``:
"bringing", "previously", "another").

Whatever the figures measure, a list that extraction read as parts next to their total ("$4.2
million in all: A $1.9 million, B $1.6 million and C $450,000") is summed the same way, and
shares of one whole held by different holders ("Smith won 54% of the vote, Jones 38% and Brown
12%") must not add up to more than all of it (:mod:`factlint.extract.lists`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.match.intervals import reach
from factlint.model import Claim, Finding
from factlint.rules.context import Context, finding
from factlint.rules.sums.figures import decimals, exact_places, like
from factlint.rules.sums.interval_math import meets
from factlint.rules.sums.sheet import Sheet

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule


def parts_and_totals(context: Context, rule: Rule, sheet: Sheet) -> Iterator[Finding]:
    """A total that one sentence gives with its parts, and that they do not make."""
    sums = context.kb.sums
    for total in sheet.claims:
        if total.quantity is None:
            continue
        listed = sheet.wordings[total.id].listed if total.id in sheet.wordings else None
        parts: list[Claim] = []
        if total.attribute in sums:
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
            if any(sheet.wordings[part.id].after_from for part in parts if part.id in sheet.wordings):
                parts = []  # "up from $1.9 million": an earlier figure, not a part
            partial = sheet.wordings[total.id].more_parts
            why = f"{total.attribute} is the sum of {', '.join(sums[total.attribute])} in rules/matching.yaml"
        if not parts and listed is not None and listed.parts:
            by_id = {claim.id: claim for claim in sheet.claims}
            parts = [by_id[claim_id] for claim_id in listed.parts if claim_id in by_id]
            partial = listed.partial
            why = "its words make it the total of the figures listed next to it"
        if not parts:
            continue
        found = _sum_finding(context, rule, sheet, total, parts, partial, why)
        if found is not None:
            yield found


def _sum_finding(
    context: Context, rule: Rule, sheet: Sheet, total: Claim, parts: list[Claim], partial: bool, why: str
) -> Finding | None:
    """The finding for parts that do not make their total, or None when some choice of them does."""
    reaches = [reach(part, context.kb) for part in parts]
    whole = reach(total, context.kb)
    if not parts or whole is None or any(r is None for r in reaches) or total.quantity is None:
        return None
    low = sum(r.low for r in reaches)  # type: ignore[union-attr]
    high = sum(r.high for r in reaches)  # type: ignore[union-attr]
    if meets((low, high), (whole.low, whole.high)):
        return None
    short = high < whole.low
    if short and (len(parts) < 2 or partial):
        return None  # the total may hold parts that the sentence does not list
    values = [part.quantity.value for part in parts if part.quantity is not None]
    if any(value is None for value in values) or total.quantity.value is None:
        return None
    summed = sum(values)  # type: ignore[arg-type]
    made = like(total, summed, exact_places(total, summed, max(decimals(c) for c in (*parts, total))))
    listed = " + ".join(part.text for part in parts)
    parted = f"the parts {listed} make {made}," if len(parts) > 1 else f"the part {listed} is"
    detail = f"{parted} {'less' if short else 'more'} than the total {total.text}"
    return finding(
        context,
        rule,
        sheet.source.id,
        sheet.quotes((*parts, total)),
        explanation=f"the sentence gives {listed} as the parts of {total.text} ({why})",
        fix=f"correct a part or the total: the parts make {made}",
        check="parts and total",
        detail=detail,
        stated=total.text,
        computed=made,
        figures=", ".join(claim.text for claim in (*parts, total)),
    )


def shares_of_a_whole(context: Context, rule: Rule, sheet: Sheet) -> Iterator[Finding]:
    """Shares of one whole, held by different holders, that add up to more than all of it."""
    by_id = {claim.id: claim for claim in sheet.claims}
    for first in sheet.claims:
        listed = sheet.wordings[first.id].listed if first.id in sheet.wordings else None
        if listed is None or not listed.shares:
            continue
        shares = [first, *(by_id[claim_id] for claim_id in listed.shares if claim_id in by_id)]
        shares.sort(key=lambda claim: claim.span.start)
        if shares[0] is not first:
            continue  # reported once, at the first share
        reaches = [reach(share, context.kb) for share in shares]
        if any(r is None for r in reaches):
            continue
        low = sum(r.low for r in reaches)  # type: ignore[union-attr]
        if low <= 100:
            continue
        values = [share.quantity.value for share in shares if share.quantity is not None]
        if len(values) != len(shares) or any(value is None for value in values):
            continue
        summed = sum(values)  # type: ignore[arg-type]
        made = like(first, summed, exact_places(first, summed, max(decimals(share) for share in shares)))
        listed_text = " + ".join(share.text for share in shares)
        yield finding(
            context,
            rule,
            sheet.source.id,
            sheet.quotes(shares),
            explanation=f"the sentence gives {listed_text} as shares of one whole held by different holders",
            fix=f"correct a share: together they make {made}, more than the whole",
            check="shares of one whole",
            detail=f"the shares {listed_text} make {made}, more than 100%",
            stated="100%",
            computed=made,
            figures=", ".join(share.text for share in shares),
        )

"""FL402: an investment confused with a valuation.

Two signs, both read against the figures of the whole corpus:

- a sentence that says an investment, stake or payment "is valued at" a figure on the scale of a
  company ("the initial investment is valued at approximately $380 billion") — at least ``ratio``
  times the largest investment the corpus gives for the same company;
- an investment, stake or payment that is on the scale of the target's own valuation (at least
  ``share`` of it), which a buyer of a stake rarely pays.

Extraction reads whether a sentence says an investment is valued at its figure
(``investment_words`` and ``valuation_cues`` of ``figure_words`` in ``rules/frames.yaml``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Claim, Finding
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule

FIELDS = ("quote", "target", "compared", "comparison")
PARAMS = {"investments": ["investment.amount", "investment.total"], "ratio": 5.0, "share": 0.5}


@register("investment_valuation", FIELDS, PARAMS)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """Findings for valuations said of an investment, and investments on the scale of a valuation."""
    investments: dict[str, list[Claim]] = defaultdict(list)
    valuations: dict[str, list[Claim]] = defaultdict(list)
    for claim in context.claims:
        if claim.quantity is None or claim.quantity.value is None or claim.modality:
            continue
        if claim.attribute in rule.params["investments"] and claim.counterparty:
            investments[claim.counterparty].append(claim)
        elif claim.attribute == "valuation" and (claim.subject or claim.counterparty):
            valuations[claim.subject or claim.counterparty or ""].append(claim)  # type: ignore[index]
    names = {entity.id: entity.name for entity in context.kb.entities}
    for target, claims in sorted(valuations.items()):
        largest = max(investments.get(target, []), key=lambda c: c.quantity.value, default=None)  # type: ignore[union-attr]
        for claim in claims:
            if largest is None or not context.wording(claim).of_investment:
                continue
            times = claim.quantity.value / largest.quantity.value  # type: ignore[operator,union-attr]
            if times >= rule.params["ratio"]:
                yield _found(context, rule, claim, largest, names.get(target, target), f"{times:.0f} times")
    for target, claims in sorted(investments.items()):
        valued = [c for c in valuations.get(target, []) if not context.wording(c).of_investment]
        if not valued:
            continue
        # The most the company may be worth: an open valuation ("$40+ billion") bounds nothing.
        valuation = min(valued, key=lambda c: _most(c))
        if _most(valuation) == float("inf"):
            continue
        for claim in claims:
            share = claim.quantity.value / _most(valuation)  # type: ignore[operator,union-attr]
            if share >= rule.params["share"] and claim.attribute == "investment.amount":
                yield _found(context, rule, claim, valuation, names.get(target, target), f"{share:.0%} of")


def _found(context: Context, rule: Rule, claim: Claim, other: Claim, target: str, comparison: str) -> Finding:
    return finding(
        context,
        rule,
        claim.source_id,
        [quote(claim), quote(other)],
        explanation=(
            f"“{claim.text}” is {comparison} “{other.text}” ({other.source_id}): a stake and the value of "
            f"the whole company differ by orders of magnitude, so one of them is probably the other"
        ),
        fix="say which figure is the investment and which the company's valuation",
        quote=claim.text,
        target=target,
        compared=other.text,
        comparison=comparison,
    )


def _most(claim: Claim) -> float:
    """The largest value a figure allows (infinite for "more than" and "+")."""
    quantity = claim.quantity
    if quantity is None or quantity.value is None:
        return float("inf")
    if quantity.high is None and quantity.qualifier:
        return float("inf")
    return quantity.high if quantity.high is not None else quantity.value

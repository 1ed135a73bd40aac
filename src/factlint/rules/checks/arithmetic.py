"""FL102: figures of one source that arithmetic ties together, and that do not agree.

Six sums, each inside one source:

- a share price, its change and its percentage change ("trading at $203.19, up by $1.37
  (0.68%)"): the previous price is the price less the change (plus it, for a fall) and the
  percentage is the change over the previous price;
- a day's range ("fluctuating between $204.66 and $201.22") holds that day's price;
- parts and the total one sentence says they make ("$5 billion now and $20 billion later, $30
  billion in total"), by the total and part attributes of ``sums`` in ``rules/matching.yaml``, or
  as a list next to the figure its words call the total (``Wording.listed``);
- shares of one whole held by different holders ("Smith won 54% of the vote, Jones 38% and Brown
  12%"), which cannot add up to more than 100%;
- a growth rate and the two values it joins ("rose 19% to $27.5 billion from $23.1 billion");
- a gap in percentage points and the two percentages it lies between ("fell from 64.9% to
  61.4%, a drop of 3.5 percentage points").

A written figure stands for everything that rounds to it (half its last written digit either side),
so "0.68%" is 0.675 to 0.685 and "$1.37" is $1.365 to $1.375; a finding means no choice of the
unrounded figures makes the sum hold. The direction of a move is read from the words around it
(``rises``, ``falls``); where none is written, either direction may hold. Parts that fall short of
their total are only reported when the sentence lists two or more and no word says the total holds
others (``earlier_parts``: "bringing", "previously", "another"). Those words are ``figure_words``
in ``rules/frames.yaml``, read by extraction (:mod:`factlint.extract.wording`); the sums live in
:mod:`factlint.rules.sums`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from factlint.model import Claim, Finding
from factlint.rules.context import Context
from factlint.rules.kinds import register
from factlint.rules.sums.difference import point_gaps
from factlint.rules.sums.figures import written
from factlint.rules.sums.growth import growth_rates
from factlint.rules.sums.interval_math import around, growth_percent, meets, move_percent
from factlint.rules.sums.parts import parts_and_totals, shares_of_a_whole
from factlint.rules.sums.sheet import Sheet
from factlint.rules.sums.stock import day_ranges, stock_moves

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule

# The interval arithmetic, importable from here as before.
__all__ = ["around", "check", "growth_percent", "meets", "move_percent", "written"]

FIELDS = ("check", "detail", "stated", "computed", "figures")
PARAMS: dict[str, Any] = {"growth_attributes": ["revenue.growth", "stock.change_pct"]}


@register("arithmetic", FIELDS, PARAMS, document=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """The findings of the six sums, source by source."""
    groups = {claim.id: group.key for group in context.groups for claim in group.claims}
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in context.claims:
        by_source[claim.source_id].append(claim)
    for source in context.sources:
        claims = sorted(by_source.get(source.id, ()), key=lambda claim: claim.span.start)
        if not claims:
            continue
        sheet = Sheet(source, claims, groups, {claim.id: context.wording(claim) for claim in claims})
        yield from stock_moves(context, rule, sheet)
        yield from day_ranges(context, rule, sheet)
        yield from parts_and_totals(context, rule, sheet)
        yield from shares_of_a_whole(context, rule, sheet)
        yield from growth_rates(context, rule, sheet)
        yield from point_gaps(context, rule, sheet)

"""Source reliability, estimated iteratively from how often each source agrees with the consensus.

The method follows CRH (Li et al., "Resolving conflicts in heterogeneous data by truth
discovery and source reliability estimation", SIGMOD 2014) with TruthFinder's weight (Yin, Han
and Yu, KDD 2007):

1. every source starts with weight 1;
2. each group's consensus is computed with the current weights (:mod:`factlint.match.consensus`);
3. each claim outside its group's consensus costs its source a loss: its distance from the
   consensus as a share of ``near_miss`` of the consensus value, at most 1 (text values that do
   not match cost 1); a claim in the consensus costs 0. Only groups where two or more sources
   speak count, and a source's claims in one group share one unit of loss;
4. a source's loss rate is ``(losses + prior_claims * prior_loss) / (claims + prior_claims)``,
   so a source seen once stays near the prior; its weight is ``-ln(loss rate)``, at least
   ``floor``;
5. repeat from 2 for ``rounds`` rounds or until no weight moves by more than 1e-9.

The parameters live under ``reliability`` in ``rules/tolerances.yaml``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from factlint.knowledge import Reliability
from factlint.match.consensus import Figure, Standing, consensus

Block = tuple[Sequence[Figure], Sequence[str]]
LossFunction = Callable[[Figure, Sequence[Figure], Standing], float]
NEAR_MISS = 0.1


def source_weights(
    blocks: Sequence[Block], params: Reliability, loss: LossFunction
) -> tuple[dict[str, float], int]:
    """The weight of every source in ``blocks`` (figures with their sources), and the rounds run.

    A source that never meets another keeps the prior's weight, ``-ln(prior_loss)``.
    """
    prior = _weight(0.0, 0.0, params)
    weights: dict[str, float] = {source: prior for _, sources in blocks for source in sources}
    contested = [(figures, sources) for figures, sources in blocks if len(set(sources)) > 1]
    rounds = 0
    for rounds in range(1, max(1, params.rounds) + 1):  # noqa: B007 - the count is returned
        losses: dict[str, float] = defaultdict(float)
        counts: dict[str, float] = defaultdict(float)
        for figures, sources in contested:
            standing = consensus(figures, sources, weights)
            per_source = Counter(sources)
            for index, (figure, source) in enumerate(zip(figures, sources, strict=True)):
                share = 1.0 / per_source[source]
                counts[source] += share
                if index not in standing.supporters:
                    losses[source] += share * loss(figure, figures, standing)
        updated = {source: _weight(losses[source], counts[source], params) for source in counts}
        moved = max((abs(updated[s] - weights[s]) for s in updated), default=0.0)
        weights.update(updated)
        if moved <= 1e-9:
            break
    return weights, rounds


def _weight(loss: float, claims: float, params: Reliability) -> float:
    rate = (loss + params.prior_claims * params.prior_loss) / (claims + params.prior_claims)
    return max(params.floor, -math.log(max(rate, 1e-9)))

"""The consensus of one group: the largest weight of sources whose figures can all be true at once.

For figures that are intervals (numbers, dates) the consensus is found by one sweep over their
ends: the point covered by the greatest weight, and every figure covering it. For other values
(names, lists) it is the value compatible with the greatest weight of the others. Each source's
weight is shared among its claims in the group, so that a source saying one thing twice (a
passage repeated, a headline and its body) counts once.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from factlint.match.intervals import Reach


class Figure(Protocol):
    """Anything that can say whether it is compatible with another figure of its kind."""

    def meets(self, other: Figure) -> bool: ...  # pragma: no cover - a protocol


@dataclasses.dataclass(frozen=True)
class Standing:
    """Which figures of a group form the consensus, and the weight behind them."""

    supporters: frozenset[int]
    weight: float
    total: float
    tied: bool = False


def claim_weights(sources: Sequence[str], weights: Mapping[str, float]) -> list[float]:
    """Each claim's share of its source's weight within one group."""
    counts = Counter(sources)
    return [weights.get(source, 1.0) / counts[source] for source in sources]


def consensus(figures: Sequence[Figure], sources: Sequence[str], weights: Mapping[str, float]) -> Standing:
    """The figures that can all be true together and carry the greatest weight of sources."""
    shares = claim_weights(sources, weights)
    total = sum(shares)
    if figures and all(isinstance(figure, Reach) for figure in figures):
        return _sweep(figures, shares, total)  # type: ignore[arg-type]
    return _pairwise(figures, shares, total)


def _sweep(reaches: Sequence[Reach], shares: list[float], total: float) -> Standing:
    """The point covered by the most weight, found over the sorted ends (closed intervals)."""
    events = sorted(
        [(reach.low, 0, index) for index, reach in enumerate(reaches)]
        + [(reach.high, 1, index) for index, reach in enumerate(reaches)]
    )
    covered, best, best_points = 0.0, -1.0, []
    for position, kind, index in events:
        if kind == 0:
            covered += shares[index]
            if covered > best + 1e-12:
                best, best_points = covered, [position]
            elif abs(covered - best) <= 1e-12:
                best_points.append(position)
        else:
            covered -= shares[index]
    point = best_points[0]
    supporters = frozenset(i for i, reach in enumerate(reaches) if reach.low <= point <= reach.high)
    # Another best point is a rival when some supporter does not hold it: the figures covering it
    # weigh as much as the supporters, so holding all of them means being the same set.
    tied = any(
        not all(reaches[i].low <= other <= reaches[i].high for i in supporters)
        for other in dict.fromkeys(best_points[1:])
    )
    return Standing(supporters, best, total, tied=tied)


def _pairwise(figures: Sequence[Figure], shares: list[float], total: float) -> Standing:
    """The figure compatible with the most weight (groups of text values are small)."""
    best: tuple[float, int] | None = None
    tied = False
    for index, figure in enumerate(figures):
        weight = sum(shares[j] for j, other in enumerate(figures) if figure.meets(other))
        if best is None or weight > best[0] + 1e-12:
            best, tied = (weight, index), False
        elif abs(weight - best[0]) <= 1e-12 and not figures[best[1]].meets(figure):
            tied = True
    if best is None:
        return Standing(frozenset(), 0.0, total)
    chosen = figures[best[1]]
    supporters = frozenset(j for j, other in enumerate(figures) if chosen.meets(other))
    return Standing(supporters, best[0], total, tied)


def compatible_sources(
    figures: Sequence[Figure], sources: Sequence[str]
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each figure, the other sources with a compatible figure, and those without one.

    A source's own figures are never compared with each other, and a source is compatible as soon
    as one of its figures is, so a document that repeats one fact many times costs no more than
    once.
    """
    members: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        members.setdefault(source, []).append(index)
    ordered = sorted(members)
    result = []
    for index, figure in enumerate(figures):
        own = sources[index]
        supports = [
            source
            for source in ordered
            if source != own and any(figure.meets(figures[j]) for j in members[source])
        ]
        others = [source for source in ordered if source != own and source not in supports]
        result.append((tuple(supports), tuple(others)))
    return result


def agreement(
    supports: Sequence[str], contradicts: Sequence[str], weight_of: Callable[[str], float]
) -> float:
    """The weighted share of the other sources that support a figure (1.0 when none speaks)."""
    total = sum(weight_of(source) for source in (*supports, *contradicts))
    return 1.0 if total == 0 else sum(weight_of(source) for source in supports) / total

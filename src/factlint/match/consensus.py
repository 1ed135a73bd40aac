"""The consensus of one group: the largest weight of sources whose figures can all be true at once.

For figures that are intervals (numbers, dates) the consensus is found by one sweep over their
ends: the point covered by the greatest weight, and every figure covering it. For other values
(names, lists) it is the value compatible with the greatest weight of the others. Each source's
weight is shared among its claims in the group, so that a source saying one thing twice (a
passage repeated, a headline and its body) counts once.
"""

from __future__ import annotations

import dataclasses
import math
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
    once. The lists hold every pair, so they grow with the square of a group: reports keep the
    counts of :func:`backing` and derive these on demand.
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
        backing_sources = set(supports)
        others = [source for source in ordered if source != own and source not in backing_sources]
        result.append((tuple(supports), tuple(others)))
    return result


@dataclasses.dataclass(frozen=True)
class Backing:
    """How many other sources have a figure compatible with one claim's, and the weighted share.

    ``score`` is :func:`agreement` of the two sets of sources, 1.0 when no other source speaks.
    """

    agreeing: int
    disagreeing: int
    score: float


def backing(
    figures: Sequence[Figure], sources: Sequence[str], weight_of: Callable[[str], float]
) -> list[Backing]:
    """:class:`Backing` of each figure, in time linear in the claims of a group.

    Equal figures are compared once: sources are reduced to the sets of distinct figures they
    give, so the comparisons grow with the square of the distinct figures only (a story of
    thousands of sources that give three figures compares three).
    """
    ids: dict[object, int] = {}
    distinct: list[Figure] = []
    figure_ids = []
    for figure in figures:
        key = figure_key(figure)
        if key not in ids:
            ids[key] = len(distinct)
            distinct.append(figure)
        figure_ids.append(ids[key])
    given: dict[str, set[int]] = {}
    for source, figure_id in zip(sources, figure_ids, strict=True):
        given.setdefault(source, set()).add(figure_id)
    patterns: dict[frozenset[int], list[float]] = {}
    pattern_of: dict[str, frozenset[int]] = {}
    for source in sorted(given):
        pattern = pattern_of[source] = frozenset(given[source])
        patterns.setdefault(pattern, []).append(weight_of(source))
    meets: dict[tuple[frozenset[int], int], bool] = {
        (pattern, target): any(distinct[target].meets(distinct[own]) for own in pattern)
        for pattern in patterns
        for target in range(len(distinct))
    }
    count = [0] * len(distinct)
    weight = [0.0] * len(distinct)
    for target in range(len(distinct)):
        meeting = [pattern for pattern in patterns if meets[pattern, target]]
        count[target] = sum(len(patterns[pattern]) for pattern in meeting)
        weight[target] = math.fsum(w for pattern in meeting for w in patterns[pattern])
    everyone = math.fsum(w for pattern in patterns.values() for w in pattern)
    result = []
    for source, target in zip(sources, figure_ids, strict=True):
        own_meets = meets[pattern_of[source], target]
        own_weight = weight_of(source)
        agreeing = count[target] - own_meets
        disagreeing = len(given) - 1 - agreeing
        supported = weight[target] - (own_weight if own_meets else 0.0)
        total = everyone - own_weight
        score = 1.0 if agreeing + disagreeing == 0 or total <= 0 else supported / total
        result.append(Backing(agreeing, disagreeing, min(1.0, max(0.0, score))))
    return result


def figure_key(figure: Figure) -> object:
    """A key equal for figures that meet the same figures: an interval's ends, else the figure."""
    if isinstance(figure, Reach):
        return ("reach", _number_key(figure.low), _number_key(figure.high))
    try:
        hash(figure)
    except TypeError:
        return ("object", id(figure))
    return figure


def _number_key(number: float) -> object:
    """A float as a dict key (NaN, which equals nothing, as a string)."""
    return "nan" if math.isnan(number) else number


def agreement(
    supports: Sequence[str], contradicts: Sequence[str], weight_of: Callable[[str], float]
) -> float:
    """The weighted share of the other sources that support a figure (1.0 when none speaks)."""
    total = sum(weight_of(source) for source in (*supports, *contradicts))
    return 1.0 if total == 0 else sum(weight_of(source) for source in supports) / total

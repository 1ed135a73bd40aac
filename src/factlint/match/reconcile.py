"""Reconciliation: source weights, then each group's consensus, verdicts, label and reason.

``reconcile(groups, kb, published=...)`` takes the groups of :func:`factlint.match.group` (or of
structured claims) and returns them with their consensus filled in. The source weights come
first, from every group at once (:mod:`factlint.match.reliability`); then each group is judged
with them (:mod:`factlint.match.consensus`, :mod:`factlint.match.labels`), and parts are checked
against their totals (:mod:`factlint.match.totals`).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
from collections.abc import Mapping, Sequence

from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.match.consensus import Figure, Standing, backing, consensus
from factlint.match.intervals import Reach, reach
from factlint.match.labels import text_label
from factlint.match.profiles import label
from factlint.match.reliability import NEAR_MISS, source_weights
from factlint.match.textvalues import text_figure
from factlint.match.totals import check_sums
from factlint.model import Claim, ClaimGroup, Quantity, Verdict


def figure_of(claim: Claim, kb: KnowledgeBase) -> Figure | None:
    """What a claim asserts, in a comparable form: an interval for numbers, names for text."""
    if claim.kind == "text":
        return text_figure(claim.text, kb.text_threshold)
    return reach(claim, kb)


def figure_loss(figure: Figure, figures: Sequence[Figure], standing: Standing) -> float:
    """How far a figure misses the consensus, from 0 to 1.

    For intervals, the gap as a share of ``NEAR_MISS`` of the consensus value; for text, 1. The
    consensus's intervals are sorted once per group and standing (the reliability rounds ask for
    every claim outside it), so each figure costs a binary search, not a pass over the group.
    """
    if not isinstance(figure, Reach):
        return 1.0
    chosen = _CHOSEN.of(figures, standing)
    if chosen is None:
        return 1.0
    gap = chosen.gap(figure)
    return 1.0 if chosen.scale <= 0 else min(1.0, gap / chosen.scale)


@dataclasses.dataclass(frozen=True)
class _Chosen:
    """The consensus's intervals of one group, sorted by their ends, and the scale of a miss."""

    lows: list[float]
    highs: list[float]
    scale: float

    def gap(self, figure: Reach) -> float:
        """``min(figure.gap(other) for other in the consensus)``, by binary search."""
        starting = bisect.bisect_right(self.lows, figure.high)  # others with low <= figure.high
        ending = bisect.bisect_left(self.highs, figure.low)  # others with high < figure.low
        if starting > ending:  # one of them starts by the figure's end and ends after its start
            return 0.0
        gaps = []
        if starting < len(self.lows):
            gaps.append(self.lows[starting] - figure.high)
        if ending > 0:
            gaps.append(figure.low - self.highs[ending - 1])
        return max(0.0, min(gaps))


class _LastChosen:
    """The :class:`_Chosen` of the group and standing asked for last (held, so never stale)."""

    def __init__(self) -> None:
        self._key: tuple[object, object] | None = None
        self._value: _Chosen | None = None

    def of(self, figures: Sequence[Figure], standing: Standing) -> _Chosen | None:
        if self._key is None or self._key[0] is not figures or self._key[1] is not standing:
            self._key, self._value = (figures, standing), _chosen(figures, standing)
        return self._value


def _chosen(figures: Sequence[Figure], standing: Standing) -> _Chosen | None:
    chosen = [figures[i] for i in standing.supporters if isinstance(figures[i], Reach)]
    if not chosen:
        return None
    values = [abs(other.value) for other in chosen if other.value is not None]  # type: ignore[union-attr]
    scale = NEAR_MISS * (sorted(values)[len(values) // 2] if values else 0.0)
    return _Chosen(
        sorted(other.low for other in chosen),  # type: ignore[union-attr]
        sorted(other.high for other in chosen),  # type: ignore[union-attr]
        scale,
    )


_CHOSEN = _LastChosen()


def reconcile(
    groups: Sequence[ClaimGroup],
    kb: KnowledgeBase | None = None,
    *,
    published: Mapping[str, dt.date | None] | None = None,
) -> list[ClaimGroup]:
    """The groups with consensus, verdicts, label and reason, in the same order."""
    kb = kb or default_knowledge()
    published = published or {}
    prepared = [_prepare(group, kb) for group in groups]
    blocks = [(figures, [claim.source_id for claim in claims]) for claims, figures in prepared if figures]
    weights, _ = source_weights(blocks, kb.reliability, figure_loss)
    judged = [
        _judge(group, claims, figures, weights, kb, published)
        for group, (claims, figures) in zip(groups, prepared, strict=True)
    ]
    return check_sums(judged, kb, published)


def weights_of(groups: Sequence[ClaimGroup]) -> dict[str, float]:
    """Every source's reliability weight as the verdicts of reconciled groups record it."""
    return {verdict.source_id: verdict.weight for group in groups for verdict in group.verdicts}


def _prepare(group: ClaimGroup, kb: KnowledgeBase) -> tuple[list[Claim], list[Figure]]:
    pairs = [(claim, figure_of(claim, kb)) for claim in group.claims]
    kept = [(claim, figure) for claim, figure in pairs if figure is not None]
    return [claim for claim, _ in kept], [figure for _, figure in kept]  # type: ignore[misc]


def _judge(
    group: ClaimGroup,
    claims: list[Claim],
    figures: list[Figure],
    weights: Mapping[str, float],
    kb: KnowledgeBase,
    published: Mapping[str, dt.date | None],
) -> ClaimGroup:
    if not claims:
        return group
    sources = [claim.source_id for claim in claims]
    standing = consensus(figures, sources, weights)
    verdicts = [
        Verdict(
            claim_id=claim.id,
            source_id=claim.source_id,
            score=round(backed.score, 6),
            weight=round(weights.get(claim.source_id, 1.0), 6),
            agreeing=backed.agreeing,
            disagreeing=backed.disagreeing,
            in_consensus=index in standing.supporters,
        )
        for index, (claim, backed) in enumerate(
            zip(claims, backing(figures, sources, lambda s: weights.get(s, 1.0)), strict=True)
        )
    ]
    if not all(isinstance(figure, Reach) for figure in figures):
        name, reason, flagged = text_label(claims, figures, standing)
        return dataclasses.replace(
            group,
            consensus_text=_weightiest_text(claims, standing, weights),
            verdicts=tuple(verdicts),
            label=name,
            reason=reason,
            flagged=tuple(claims[k].id for k in flagged),
        )
    reaches: list[Reach] = figures  # type: ignore[assignment]
    running = (group.key[3:4] and "cumulative" in group.key[3]) or claims[0].attribute in kb.running_totals
    revised = claims[0].attribute in kb.revised_figures
    name, reason, flagged = label(
        claims, reaches, standing, running=bool(running), revised=revised, published=published
    )
    best = _consensus_claim(claims, reaches, standing)
    return dataclasses.replace(
        group,
        consensus=_consensus_quantity(claims, reaches, standing),
        consensus_text=best.text if best else "",
        verdicts=tuple(verdicts),
        label=name,
        reason=reason,
        flagged=tuple(claims[k].id for k in flagged),
    )


def _consensus_claim(claims: list[Claim], reaches: list[Reach], standing: Standing) -> Claim | None:
    """The supporting claim that says the consensus most exactly (no qualifier, then the narrowest)."""
    chosen = sorted(
        standing.supporters,
        key=lambda i: (
            bool(claims[i].quantity and claims[i].quantity.qualifier),
            reaches[i].high - reaches[i].low,
            i,
        ),
    )
    return claims[chosen[0]] if chosen else None


def _consensus_quantity(claims: list[Claim], reaches: list[Reach], standing: Standing) -> Quantity | None:
    """The interval all supporting figures allow, and the median of their values within it."""
    chosen = sorted(standing.supporters)
    quantities = [claims[i].quantity for i in chosen if claims[i].quantity is not None]
    if not quantities:
        return None
    bounds = [_bounds(quantity) for quantity in quantities]
    low, high = max(b[0] for b in bounds), min(b[1] for b in bounds)
    if low > high:  # compatible only within tolerance or rounding
        low, high = high, low
    values = sorted(reaches[i].value for i in chosen if reaches[i].value is not None)  # type: ignore[misc]
    value = values[(len(values) - 1) // 2] if values else None
    return Quantity(
        value=value,
        unit=quantities[0].unit,
        low=None if math.isinf(low) else low,
        high=None if math.isinf(high) else high,
    )


def _bounds(quantity: Quantity) -> tuple[float, float]:
    if (
        quantity.low is None
        and quantity.high is None
        and not quantity.qualifier
        and quantity.value is not None
    ):
        return quantity.value, quantity.value
    low = quantity.low if quantity.low is not None else -math.inf
    high = quantity.high if quantity.high is not None else math.inf
    return low, high


def _weightiest_text(claims: list[Claim], standing: Standing, weights: Mapping[str, float]) -> str:
    """The wording of the consensus that the most weight uses (ties: the first in order)."""
    backing: dict[str, float] = {}
    for index in sorted(standing.supporters):
        text = " ".join(claims[index].text.split())
        backing[text] = backing.get(text, 0.0) + weights.get(claims[index].source_id, 1.0)
    return max(backing, key=lambda text: backing[text]) if backing else ""

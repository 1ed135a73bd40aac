"""Parts and totals: the tranches of an investment must add up to the total the sources give.

For every group of a total attribute (``sums`` in ``rules/matching.yaml``), the dated groups of
its part attributes for the same parties in the same story, up to the total's date, are added up
(their consensus values). Parts that sum to the total within its tolerance reconcile with it, and
both sides say so in their reasons; parts that exceed the total contradict it (the total's
claims are flagged, unless sources already disagree on it: then its outliers stay the flagged
ones); parts that fall
short are noted, since sources rarely list every tranche. Figures that may be (``prospective``)
are left out, and a part told twice (the same size, dated at most ``same_part_days`` apart) is
added once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

from factlint.knowledge import KnowledgeBase, Tolerance
from factlint.match.labels import as_of
from factlint.model import ClaimGroup


def check_sums(
    groups: Sequence[ClaimGroup], kb: KnowledgeBase, published: Mapping[str, dt.date | None]
) -> list[ClaimGroup]:
    """The groups with the outcome of every parts-and-total check added to their reasons."""
    result = list(groups)
    by_parties: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for k, group in enumerate(groups):
        by_parties[(group.story, *group.key[:2])].append(k)
    for index, total in enumerate(groups):
        if len(total.key) < 5 or total.key[2] not in kb.sums or _prospective(total) or not _value(total):
            continue
        until = max((as_of(claim, published) or dt.date.min for claim in total.claims), default=dt.date.min)
        parts = [
            (k, groups[k])
            for k in by_parties[(total.story, *total.key[:2])]
            if groups[k].key[2] in kb.sums[total.key[2]]
            and not _prospective(groups[k])
            and (_period_end(groups[k], published) or dt.date.max) <= until
            and _value(groups[k])
        ]
        if not parts:
            continue
        target = _value(total)
        tolerance = kb.tolerance(total.key[2], total.consensus.unit if total.consensus else None, None)
        parts = _told_once(parts, published, kb.same_part_days, tolerance)
        parts_sum = sum(_value(group) for _, group in parts)  # type: ignore[misc]
        listed = " + ".join(
            f"“{group.consensus_text}” ({_period_end(group, published)})" for _, group in parts
        )
        if _within(parts_sum, target, tolerance):  # type: ignore[arg-type]
            note = f"the parts {listed} sum to the total “{total.consensus_text}”"
            for k, _ in parts:
                result[k] = _noted(result[k], note)
            result[index] = _noted(result[index], note)
        elif parts_sum > target:  # type: ignore[operator]
            note = f"the parts {listed} add up to more than the total “{total.consensus_text}”"
            # Sources that already disagree on the total keep their outliers flagged: the figure at
            # fault is the outlier, not the total the others agree on.
            flagged = (
                total.flagged
                if total.label == "conflict" and total.flagged
                else tuple(c.id for c in total.claims)
            )
            result[index] = dataclasses.replace(
                _noted(result[index], note), label="conflict", flagged=flagged
            )
        else:
            result[index] = _noted(result[index], f"the parts found, {listed}, cover only part of the total")
    return result


def _told_once(
    parts: list[tuple[int, ClaimGroup]],
    published: Mapping[str, dt.date | None],
    days: int,
    tolerance: Tolerance,
) -> list[tuple[int, ClaimGroup]]:
    """The parts with each part told twice kept once.

    Two parts are one told twice when they are the same size (within tolerance) and dated at most
    ``days`` apart ("an additional £140m" on August 9 in one source, on August 18 in another).
    """
    kept: list[tuple[int, ClaimGroup]] = []
    for k, group in sorted(parts, key=lambda part: _period_end(part[1], published) or dt.date.min):
        value, day = _value(group), _period_end(group, published)
        if not any(
            _value(other) is not None
            and value is not None
            and _within(_value(other), value, tolerance)  # type: ignore[arg-type]
            and day is not None
            and (seen := _period_end(other, published)) is not None
            and (day - seen).days <= days
            for _, other in kept
        ):
            kept.append((k, group))
    return kept


def _within(figure: float, target: float, tolerance: Tolerance) -> bool:
    """Whether ``figure`` is ``target`` within its tolerance."""
    return abs(figure - target) <= tolerance.of(target) + 1e-9 * abs(target)


def _noted(group: ClaimGroup, note: str) -> ClaimGroup:
    return dataclasses.replace(group, reason=f"{group.reason}; {note}" if group.reason else note)


def _value(group: ClaimGroup) -> float | None:
    return group.consensus.value if group.consensus is not None else None


def _prospective(group: ClaimGroup) -> bool:
    return len(group.key) > 3 and "prospective" in group.key[3]


def _period_end(group: ClaimGroup, published: Mapping[str, dt.date | None]) -> dt.date | None:
    """The day a part happened by: the earliest end of its claims' times (else publications)."""
    days = [day for day in (as_of(claim, published) for claim in group.claims) if day is not None]
    return min(days, default=None)

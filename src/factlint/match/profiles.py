"""Labelling a group: pair by pair when small, on its representatives in time linear in its claims.

:func:`factlint.match.labels.pairwise_label` compares every pair of claims, which a story told by
thousands of sources cannot afford. But a pair's outcome depends on each claim only through its
*profile*: its interval and headline value, qualifier, date, whether it is in the consensus, and
the figures its source gives in the group (a source that also gives the other figure has not
moved from it); and on whether the two claims come from different sources. So a group is judged
on a few claims of each profile: its first three, and its first from another source than the
first's. The label and reason are those of the whole group (the pairs a reason quotes are the
first in claim order, and those are among the representatives).

Whether a claim that is not a representative is flagged depends on its profile and on which
profiles have a claim of another source than its own, that is on its source only when its source
alone gives some profile. Claims alike in those are flagged alike, so one of each kind is judged
beside the representatives. The comparisons grow with the square of the distinct profiles, not of
the claims.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

from factlint.match.consensus import Standing
from factlint.match.intervals import Reach
from factlint.match.labels import _qualifier, pairwise_label, reported
from factlint.model import Claim

PAIRWISE = 48  # groups of up to this many claims are labelled by comparing every pair
_QUIET = ("single_source", "agree", "changed_over_time")  # labels that flag no claim or the first


def label(
    claims: Sequence[Claim],
    reaches: Sequence[Reach],
    standing: Standing,
    *,
    running: bool,
    published: Mapping[str, dt.date | None],
    revised: bool = False,
) -> tuple[str, str, tuple[int, ...]]:
    """``(label, reason, flagged)`` for one group of numeric claims.

    ``flagged`` are the indexes of the claims at fault (outside the consensus, stale, without the
    qualifier).

    ``running`` figures only grow (a newer smaller one is stale); ``revised`` ones may move either
    way as a story develops (a count of votes): for both, figures of different dates are a change,
    and a newer source that repeats a figure an intermediate one had already replaced is stale.

    The logic compares claims pair by pair; a group of more than :data:`PAIRWISE` claims is
    judged on its representatives (:func:`label_by_profiles`), with the same outcome.
    """
    everyone = sorted({claim.source_id for claim in claims})
    backers = sorted({claims[k].source_id for k in standing.supporters})
    if len(claims) > PAIRWISE:
        return label_by_profiles(
            claims, reaches, standing, running=running, published=published, revised=revised
        )
    return pairwise_label(
        claims,
        reaches,
        standing,
        running=running,
        published=published,
        revised=revised,
        everyone=everyone,
        backers=backers,
    )


def label_by_profiles(
    claims: Sequence[Claim],
    reaches: Sequence[Reach],
    standing: Standing,
    *,
    running: bool,
    published: Mapping[str, dt.date | None],
    revised: bool = False,
) -> tuple[str, str, tuple[int, ...]]:
    """:func:`label` of a group of any size, judged on representatives."""
    everyone = sorted({claim.source_id for claim in claims})
    backers = sorted({claims[k].source_id for k in standing.supporters})
    profiles = _profiles(claims, reaches, standing, published)
    members: dict[object, list[int]] = {}
    for index, profile in enumerate(profiles):
        members.setdefault(profile, []).append(index)
    chosen: set[int] = set()
    for indexes in members.values():
        chosen.update(indexes[:3])
        first = claims[indexes[0]].source_id
        other = next((k for k in indexes if claims[k].source_id != first), None)
        if other is not None:
            chosen.add(other)

    def judge(indexes: list[int]) -> tuple[str, str, set[int]]:
        picked = Standing(
            frozenset(n for n, k in enumerate(indexes) if k in standing.supporters),
            standing.weight,
            standing.total,
            standing.tied,
        )
        name, reason, flagged = pairwise_label(
            [claims[k] for k in indexes],
            [reaches[k] for k in indexes],
            picked,
            running=running,
            published=published,
            revised=revised,
            everyone=everyone,
            backers=backers,
        )
        return name, reason, {indexes[n] for n in flagged}

    representatives = sorted(chosen)
    name, reason, flagged = judge(representatives)
    if name in _QUIET or len(representatives) == len(claims):
        return name, reason, tuple(sorted(flagged))
    lone = _lone_sources(members, claims)
    by_source = {(profiles[k], claims[k].source_id): k in flagged for k in representatives}
    verdicts: dict[tuple[object, str | None], bool] = {}
    for index in range(len(claims)):
        if index in chosen:
            continue
        source = claims[index].source_id
        known = by_source.get((profiles[index], source))
        if known is None:
            kind = (profiles[index], source if source in lone else None)
            if kind not in verdicts:
                verdicts[kind] = index in judge(sorted([*representatives, index]))[2]
            known = verdicts[kind]
        if known:
            flagged.add(index)
    return name, reason, tuple(sorted(flagged))


def _profiles(
    claims: Sequence[Claim],
    reaches: Sequence[Reach],
    standing: Standing,
    published: Mapping[str, dt.date | None],
) -> list[object]:
    """Each claim's profile: everything a pair's outcome reads of it, as a hashable key."""
    dates = [reported(claim, published) for claim in claims]
    says: dict[str, set[tuple[object, bool]]] = {}
    for claim, figure, date in zip(claims, reaches, dates, strict=True):
        says.setdefault(claim.source_id, set()).add((_value_key(figure), date is not None))
    figures = {source: frozenset(given) for source, given in says.items()}
    return [
        (
            _key(figure.low),
            _key(figure.high),
            _value_key(figure),
            _qualifier(claim),
            date,
            index in standing.supporters,
            figures[claim.source_id],
        )
        for index, (claim, figure, date) in enumerate(zip(claims, reaches, dates, strict=True))
    ]


def _lone_sources(members: Mapping[object, list[int]], claims: Sequence[Claim]) -> set[str]:
    """The sources that alone give some profile."""
    lone = set()
    for indexes in members.values():
        sources = {claims[k].source_id for k in indexes}
        if len(sources) == 1:
            lone |= sources
    return lone


def _value_key(figure: Reach) -> tuple[object, ...]:
    return (_key(figure.value), _key(figure.value_low), _key(figure.value_high))


def _key(number: float | None) -> object:
    """A number as a dict key: NaN, which equals nothing, as a string."""
    return "nan" if number is not None and math.isnan(number) else number

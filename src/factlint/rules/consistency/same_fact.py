"""Two figures of one fact from one source (one group of the matching) that cannot both be right.

"Turnout was 66.1%" ... "turnout of 64%": the claims share subject, attribute, aspect and time,
their reaches do not meet, and nothing in their sentences (a change, a range, a part or a place)
tells them apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from factlint.knowledge import KnowledgeBase
from factlint.match.intervals import reach
from factlint.model import Claim, ClaimGroup, Evidence, Finding, Source, Wording
from factlint.rules.consistency.disagreement import line_list
from factlint.rules.context import Context, finding

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule


def same_fact(
    context: Context,
    rule: Rule,
    source: Source,
    groups: Sequence[tuple[ClaimGroup, list[Claim]]],
    reported: set[int],
) -> Iterator[Finding]:
    """Claims of one group and one source whose figures cannot both hold at one time.

    ``groups`` are the groups that hold claims of ``source``, each with those claims (found
    once for all sources, so that a story of many sources is not read once for each). What each
    claim's sentence says besides its figure is in the :class:`Wording` extraction found (a claim
    without one, in a source not read here, is left alone).
    """
    kb = context.kb
    wordings = {wording.claim_id: wording for wording in context.reading(source.id).wordings}
    for group, mine in groups:
        if len(mine) < 2:
            continue
        usable = [
            claim
            for claim in mine
            if claim.quantity is not None
            and claim.quantity.value is not None
            and (claim.quantity.qualifier is not None or claim.quantity.low == claim.quantity.high)
            and not claim.modality
            and claim.span.start not in reported
            and claim.id in wordings
            and not wordings[claim.id].change
            and reach(claim, kb) is not None
        ]
        by_time: dict[object, list[Claim]] = {}
        for claim in usable:
            by_time.setdefault(_time_key(claim), []).append(claim)
        undated = by_time.pop("publication", [])
        if group.claims[0].attribute not in kb.running_totals:
            # A figure dated only by the article goes with the figures its sentence dates ("on
            # Sunday"); a running total moves from day to day, so it stays apart.
            by_time = {key: [*claims, *undated] for key, claims in by_time.items()} or {"": undated}
        elif undated:
            by_time["publication"] = undated
        for together in by_time.values():
            clusters = _claim_clusters(together, kb)
            if len(clusters) < 2 or not _comparable(clusters, wordings):
                continue
            yield _fact_finding(context, rule, source, clusters)


def _time_key(claim: Claim) -> object:
    time = claim.refers_to
    if time is None or time.start is None or time.resolution == "publication":
        return "publication"
    return (time.start, time.end)


def _claim_clusters(claims: Sequence[Claim], kb: KnowledgeBase) -> list[list[Claim]]:
    """Claims whose figures meet, together (swept by the low end of their reach), in text order."""
    reaches = [(found, claim) for claim in claims if (found := reach(claim, kb)) is not None]
    reaches.sort(key=lambda pair: (pair[0].low, pair[0].high))
    clusters: list[list[Claim]] = []
    high = -math.inf
    for found, claim in reaches:
        if clusters and found.low <= high:
            clusters[-1].append(claim)
            high = max(high, found.high)
        else:
            clusters.append([claim])
            high = found.high
    return sorted(clusters, key=lambda cluster: min(claim.span.start for claim in cluster))


def _comparable(clusters: Sequence[Sequence[Claim]], wordings: Mapping[str, Wording]) -> bool:
    """Two clusters speak of one thing: not the same sentence, the same units, the same places."""
    first, second = clusters[0][0], clusters[1][0]
    if first.sentence == second.sentence:
        return False
    if first.quantity and second.quantity and first.quantity.unit != second.quantity.unit:
        return False

    def where(claim: Claim) -> set[str]:
        wording = wordings[claim.id]
        return {*wording.scopes, *wording.places}

    return where(first) == where(second)


def _fact_finding(
    context: Context, rule: Rule, source: Source, clusters: Sequence[Sequence[Claim]]
) -> Finding:
    def describe(cluster: Sequence[Claim]) -> str:
        lines = sorted({source.offsets.line_col(claim.span.start)[0] for claim in cluster})
        return f"{cluster[0].text} ({line_list(lines)})"

    attribute = clusters[0][0].attribute or "figure"
    values = " vs ".join(describe(cluster) for cluster in clusters)
    ordered = sorted(clusters, key=lambda cluster: (len(cluster), -cluster[0].span.start))
    evidence: list[Evidence] = [
        Evidence(source.id, cluster[0].text, cluster[0].span, cluster[0].id) for cluster in ordered
    ]
    return finding(
        context,
        rule,
        source.id,
        evidence,
        explanation=(
            f"the document gives {len(clusters)} figures for {attribute} at one time: {values}; "
            "no change, earlier figure, range or place in their sentences tells them apart"
        ),
        fix="give one figure, or say what each figure refers to",
        label=attribute,
        count=len(clusters),
        values=values,
        note="",
    )

"""The consensus of a claims table: one row per (subject, attribute, counterparty, as_of).

Rows are blocked on their key in one pass (no pairs of rows are ever compared across blocks),
times in a block are compared as instants when every one carries an offset (else as wall-clock
readings), and the blocks are reconciled by :func:`factlint.match.reconcile` with source
weights learnt across the whole table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict

from factlint.bulk import collector_paused
from factlint.knowledge import KnowledgeBase
from factlint.match.reconcile import reconcile, weights_of
from factlint.model import Claim, ClaimGroup
from factlint.structured.table import Table
from factlint.structured.values import in_utc

COLUMNS = (
    "subject",
    "attribute",
    "counterparty",
    "as_of",
    "value",
    "low",
    "high",
    "agreement",
    "sources",
    "supporting",
    "conflicting",
    "label",
    "reason",
)


@dataclasses.dataclass(frozen=True)
class Consensus:
    """The reconciled groups of a table, one row of :data:`COLUMNS` each, and the source weights."""

    groups: tuple[ClaimGroup, ...]
    rows: tuple[dict[str, object], ...]
    weights: dict[str, float]
    skipped: int = 0


def block(table: Table) -> list[ClaimGroup]:
    """The claims of ``table`` grouped by (subject, counterparty, attribute, as_of), in key order."""
    blocks: dict[tuple[str, str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in table.claims:
        as_of = claim.refers_to.text if claim.refers_to else ""
        key = (claim.subject or "", claim.counterparty or "", claim.attribute or "", "", as_of)
        blocks[key].append(claim)
    return [
        ClaimGroup(key=key, claims=tuple(_instants(_one_kind(blocks[key]), table))) for key in sorted(blocks)
    ]


def _one_kind(claims: list[Claim]) -> list[Claim]:
    """Where most values of a block are text, the few that looked like numbers or dates are text too."""
    kinds = Counter(claim.kind for claim in claims)
    if len(kinds) == 1 or kinds["text"] * 2 < len(claims):
        return claims
    return [
        claim if claim.kind == "text" else dataclasses.replace(claim, kind="text", quantity=None)
        for claim in claims
    ]


def _instants(claims: list[Claim], table: Table) -> list[Claim]:
    """Times as UTC instants when every time of the block carries an offset."""
    times = [table.values[claim.id] for claim in claims if claim.kind == "datetime"]
    if not times or any(value.offset is None for value in times):
        return claims
    return [
        dataclasses.replace(claim, quantity=in_utc(table.values[claim.id]).quantity)
        if claim.kind == "datetime"
        else claim
        for claim in claims
    ]


def table_consensus(table: Table, kb: KnowledgeBase) -> Consensus:
    """The consensus, agreement and conflicts of every block of ``table``."""
    with collector_paused():
        groups = reconcile(block(table), kb)
    weights = weights_of(groups)
    return Consensus(tuple(groups), tuple(_row(group, weights) for group in groups), weights, table.skipped)


def _row(group: ClaimGroup, weights: dict[str, float]) -> dict[str, object]:
    subject, counterparty, attribute, _, as_of = group.key
    inside = sorted({v.source_id for v in group.verdicts if v.in_consensus})
    outside = sorted({v.source_id for v in group.verdicts if not v.in_consensus} - set(inside))
    total = sum(weights.get(source, 1.0) for source in {*inside, *outside})
    agreement = sum(weights.get(source, 1.0) for source in inside) / total if total else 1.0
    consensus = group.consensus
    return {
        "subject": subject,
        "attribute": attribute,
        "counterparty": counterparty,
        "as_of": as_of,
        "value": group.consensus_text,
        "low": _readable(consensus.low, consensus.unit) if consensus else None,
        "high": _readable(consensus.high, consensus.unit) if consensus else None,
        "agreement": round(agreement, 4),
        "sources": len({*inside, *outside}),
        "supporting": ";".join(inside),
        "conflicting": ";".join(outside),
        "label": group.label or "",
        "reason": group.reason,
    }


def _readable(bound: float | None, unit: str) -> float | str | None:
    """A bound as written for people: dates and times in ISO form, numbers as they are."""
    if bound is None or not unit.startswith(("date", "datetime")):
        return bound
    moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=bound)
    text = moment.isoformat(timespec="minutes" if unit.startswith("datetime") else "seconds")
    if unit.startswith("date") and not unit.startswith("datetime"):
        text = moment.date().isoformat()
    return text + ("Z" if unit.endswith("_utc") else "")

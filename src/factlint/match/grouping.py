"""Grouping: claims that speak of the same fact, found through blocking keys, never all pairs.

A claim's block is (subject, counterparty, attribute, aspect): only claims in one block are ever
compared. A subsidiary counterparty counts as its parent, and a claim that names no counterparty
joins its subject's only one for that fact. Inside a block, claims whose time frames overlap (or
are unknown) belong together, found by one sweep over the frames sorted by start; a cumulative
figure (a running total) stays one group across time, since a total that moves is for the
reconciliation to label. Claims without an attribute, or without both a subject and a
counterparty, say too little to be matched.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from factlint.knowledge import KnowledgeBase
from factlint.match.names import resolve
from factlint.model import Claim, ClaimGroup

_NUMERIC = {"money", "percent", "quantity"}


def blocking_key(claim: Claim, kb: KnowledgeBase) -> tuple[str, str, str, str] | None:
    """The block a claim is compared in, or None when it cannot be matched."""
    if claim.kind not in _NUMERIC or claim.attribute is None:
        return None
    subject, counterparty = _entity(claim.subject, kb), _parent(_entity(claim.counterparty, kb), kb)
    if subject is None and counterparty is None:
        return None
    return (subject or "", counterparty or "", claim.attribute, claim.aspect or "")


def _parent(entity: str | None, kb: KnowledgeBase) -> str | None:
    """A subsidiary stands for its parent as a counterparty (spending "on AWS" is on Amazon)."""
    parents = {known.id: known.parent for known in kb.entities if known.parent}
    return parents.get(entity or "", entity)


def _fill_counterparties(
    blocks: dict[tuple[str, str, str, str], list[Claim]],
) -> dict[tuple[str, str, str, str], list[Claim]]:
    """Claims that name no counterparty join the one counterparty their subject has for that fact.

    "Amazon's total investment is $8 billion" and "Amazon has invested $8 billion in Anthropic in
    total" speak of one fact; with two or more counterparties known, the claim stays apart.
    """
    counterparties: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for subject, counterparty, attribute, aspect in blocks:
        if counterparty:
            counterparties[(subject, attribute, aspect)].add(counterparty)
    filled: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for (subject, counterparty, attribute, aspect), members in blocks.items():
        known = counterparties.get((subject, attribute, aspect), set())
        if not counterparty and subject and len(known) == 1:
            counterparty = next(iter(known))
        filled[(subject, counterparty, attribute, aspect)].extend(members)
    return filled


def _entity(name: str | None, kb: KnowledgeBase) -> str | None:
    """Extraction already gives entity ids; candidates get a second chance by name (typos)."""
    if name is None or not name.startswith("candidate:"):
        return name
    return resolve(name.removeprefix("candidate:").replace("-", " "), kb) or name


def group(claims: Iterable[Claim], kb: KnowledgeBase) -> list[ClaimGroup]:
    """Every group of two or more claims, and single claims as groups of one, in a stable order."""
    blocks: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = blocking_key(claim, kb)
        if key is not None:
            blocks[key].append(claim)
    blocks = _fill_counterparties(blocks)
    groups: list[ClaimGroup] = []
    for key in sorted(blocks):
        members = blocks[key]
        if key[3] == "cumulative":
            groups.append(ClaimGroup(key=(*key, ""), claims=tuple(members)))
            continue
        for period, together in _by_time(members):
            groups.append(ClaimGroup(key=(*key, period), claims=tuple(together)))
    return groups


def _by_time(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Claims split where their time frames stop overlapping; undated claims join every frame."""
    undated = [claim for claim in claims if _frame(claim) is None]
    dated = sorted((claim for claim in claims if _frame(claim) is not None), key=lambda c: (_frame(c), c.id))
    runs: list[list[Claim]] = []
    reach: dt.date | None = None
    for claim in dated:
        start, end = _frame(claim)  # type: ignore[misc]
        if runs and reach is not None and start <= reach:
            runs[-1].append(claim)
            reach = max(reach, end)
        else:
            runs.append([claim])
            reach = end
    if not runs:
        return [("", undated)] if undated else []
    return [(_label(run), run + undated) for run in runs]


def _frame(claim: Claim) -> tuple[dt.date, dt.date] | None:
    time = claim.refers_to
    if time is None or time.start is None or time.end is None:
        return None
    return time.start, time.end


def _label(run: list[Claim]) -> str:
    frames = [_frame(claim) for claim in run]
    start = min(frame[0] for frame in frames if frame)
    end = max(frame[1] for frame in frames if frame)
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"

"""Sources against each other (FL2xx): what the reconciliation labelled a group, as findings.

A rule picks one label (``conflict``, ``stale``, ``single_source``, ``qualifier_dropped``); each
claim the reconciliation flagged in a group with that label becomes a finding that quotes it
beside the consensus, with the claim's agreement score and the reason in words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.knowledge import KnowledgeBase
from factlint.match.intervals import reach
from factlint.match.labels import NAMED, as_written, some_of
from factlint.model import Claim, ClaimGroup, Finding
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule

FIELDS = (
    "quote",
    "source",
    "consensus",
    "written",
    "supporters",
    "agreement",
    "attribute",
    "subject",
    "label",
    "reason",
)


@register("group_label", FIELDS, {"label": "conflict"})
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per flagged claim of every group labelled ``params.label``.

    A message names at most :data:`~factlint.match.labels.NAMED` supporting sources and counts the
    rest, so the findings of a story grow with its flagged claims, not with their product with
    its sources. A conflict quotes beside its claim a figure of the consensus that the claim's
    cannot be; a flagged claim that every such figure allows gets no conflict finding, since its
    message would contradict itself ("$8 billion" contradicts "$8 billion"). A source that gives
    one flagged figure in several places gets one finding, at the first.
    """
    conflict = rule.params["label"] == "conflict"
    for group in context.groups:
        if group.label != rule.params["label"]:
            continue
        by_id = {claim.id: claim for claim in group.claims}
        verdicts = {verdict.claim_id: verdict for verdict in group.verdicts}
        flagged = set(group.flagged)
        # The sources a message names as backing: in the consensus with a figure not flagged.
        inside = sorted({v.source_id for v in group.verdicts if v.in_consensus and v.claim_id not in flagged})
        members = set(inside)
        backing = _consensus_claims(group)
        said: set[tuple[str, object]] = set()
        for claim_id in group.flagged or (group.claims[0].id,):
            claim = by_id[claim_id]
            figure = (claim.source_id, claim.quantity or " ".join(claim.text.lower().split()))
            if figure in said:
                continue  # one source giving one figure twice is told once
            said.add(figure)
            verdict = verdicts.get(claim_id)
            others = (other for other in backing if other.source_id != claim.source_id)
            if conflict:
                others = (other for other in others if disagree(claim, other, context.kb))
            chosen = next(others, None)
            if conflict and chosen is None:
                continue
            evidence = [quote(claim)] + ([quote(chosen)] if chosen is not None else [])
            others = len(inside) - (claim.source_id in members)
            first = [name for name in inside[: NAMED + 1] if name != claim.source_id][:NAMED]
            yield finding(
                context,
                rule,
                claim.source_id,
                evidence,
                explanation=group.reason,
                quote=claim.text,
                source=context.name(claim.source_id),
                consensus=chosen.text if chosen is not None else group.consensus_text,
                written=as_written(chosen) if chosen is not None else group.consensus_text,
                supporters=some_of([context.name(name) for name in first], others) or "no other source",
                agreement=f"{verdict.score:.2f}" if verdict else "1.00",
                attribute=claim.attribute or "",
                subject=group.key[0] or group.key[1] or "the story",
                label=group.label or "",
                reason=group.reason,
            )


def _consensus_claims(group: ClaimGroup) -> list[Claim]:
    """The claims in the consensus and not flagged that a finding may quote beside its own.

    For each claim, the first of another source than its own: the first of these, and the first
    of another source than the first's, are all it may need.
    """
    inside = {v.claim_id for v in group.verdicts if v.in_consensus}
    flagged = set(group.flagged)
    found: list[Claim] = []
    for other in group.claims:
        eligible = other.id in inside and other.id not in flagged
        if eligible and (not found or other.source_id != found[0].source_id):
            found.append(other)
            if len(found) == 2:
                break
    return found


def disagree(one: Claim, other: Claim, kb: KnowledgeBase) -> bool:
    """Whether the two claims' figures cannot be one value (their texts differ, for claims without one)."""
    mine, theirs = reach(one, kb), reach(other, kb)
    if mine is not None and theirs is not None:
        return not mine.meets(theirs)
    return " ".join(one.text.lower().split()) != " ".join(other.text.lower().split())

"""Sources against each other (FL2xx): what the reconciliation labelled a group, as findings.

A rule picks one label (``conflict``, ``stale``, ``single_source``, ``qualifier_dropped``); each
claim the reconciliation flagged in a group with that label becomes a finding that quotes it
beside the consensus, with the claim's agreement score and the reason in words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Claim, ClaimGroup, Finding
from factlint.rules.checks import register
from factlint.rules.context import Context, finding, quote

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule

FIELDS = (
    "quote",
    "source",
    "consensus",
    "supporters",
    "agreement",
    "attribute",
    "subject",
    "label",
    "reason",
)


@register("group_label", FIELDS, {"label": "conflict"})
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per flagged claim of every group labelled ``params.label``."""
    for group in context.groups:
        if group.label != rule.params["label"]:
            continue
        by_id = {claim.id: claim for claim in group.claims}
        verdicts = {verdict.claim_id: verdict for verdict in group.verdicts}
        for claim_id in group.flagged or (group.claims[0].id,):
            claim = by_id[claim_id]
            verdict = verdicts.get(claim_id)
            backing = _consensus_claim(group, claim)
            evidence = [quote(claim)] + ([quote(backing)] if backing is not None else [])
            supporters = sorted({v.source_id for v in group.verdicts if v.in_consensus} - {claim.source_id})
            yield finding(
                context,
                rule,
                claim.source_id,
                evidence,
                explanation=group.reason,
                quote=claim.text,
                source=claim.source_id,
                consensus=backing.text if backing is not None else group.consensus_text,
                supporters=", ".join(supporters) or "no other source",
                agreement=f"{verdict.score:.2f}" if verdict else "1.00",
                attribute=claim.attribute or "",
                subject=group.key[0] or group.key[1] or "the story",
                label=group.label or "",
                reason=group.reason,
            )


def _consensus_claim(group: ClaimGroup, claim: Claim) -> Claim | None:
    """A claim of another source in the consensus, to quote beside ``claim``."""
    inside = {v.claim_id for v in group.verdicts if v.in_consensus}
    for other in group.claims:
        if other.id in inside and other.source_id != claim.source_id and other.id not in group.flagged:
            return other
    return None

"""FL401: stock data for an entity that has no shares of its own: a subsidiary or a private company.

"AWS stock rose 3.2%" cannot be right: AWS is part of Amazon, whose shares trade as AMZN. The
entity's kind, listing and parent come from ``rules/entities.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Basis, Entity, Finding
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule

STOCK = ["stock.price", "stock.change", "stock.change_pct", "stock.volume", "stock.range"]


@register("unlisted_stock", ("quote", "entity", "kind", "instead"), {"attributes": STOCK}, document=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per stock figure whose subject is not listed."""
    entities = {entity.id: entity for entity in context.kb.entities}
    for claim in context.claims:
        if claim.attribute not in rule.params["attributes"]:
            continue
        entity = entities.get(claim.subject or "")
        if (
            entity is None
            or entity.listing is not None
            or entity.kind not in ("subsidiary", "private_company")
        ):
            continue
        parent = _listed_parent(entity, entities)
        instead = (
            f"its parent {parent.name} trades as {parent.listing.exchange}: {parent.listing.ticker}"
            if parent is not None and parent.listing is not None
            else "it has no shares that trade"
        )
        yield finding(
            context,
            rule,
            claim.source_id,
            [quote(claim)],
            explanation=f"{entity.name} is a {entity.kind.replace('_', ' ')} in the entities; {instead}",
            fix=f"give the figure for {parent.name} ({parent.listing.ticker})"
            if parent and parent.listing
            else None,
            basis=[_basis(entity, entities)] + ([_basis(parent, entities)] if parent is not None else []),
            quote=claim.text,
            entity=entity.name,
            kind=entity.kind.replace("_", " "),
            instead=instead,
        )


def _basis(entity: Entity, entities: dict[str, Entity]) -> Basis:
    """What ``rules/entities.yaml`` says of an entity's kind, listing and parent."""
    says = f"{entity.name}: {entity.kind.replace('_', ' ')}"
    if entity.listing is not None:
        says += f", listed as {entity.listing.exchange}: {entity.listing.ticker}"
    if entity.parent:
        owner = entities.get(entity.parent)
        says += f", part of {owner.name if owner else entity.parent}"
    return Basis(file="entities.yaml", entry=entity.id, says=says, source=entity.source)


def _listed_parent(entity: Entity, entities: dict[str, Entity]) -> Entity | None:
    """The nearest listed owner up the chain of parents."""
    seen = set()
    current = entity
    while current.parent and current.parent not in seen:
        seen.add(current.parent)
        parent = entities.get(current.parent)
        if parent is None:
            return None
        if parent.listing is not None:
            return parent
        current = parent
    return None

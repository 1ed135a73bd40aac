"""FL104: a suppression that silenced nothing (the finding it was written for is gone, or a typo)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Finding
from factlint.rules.context import Context, finding
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule


@register("unused_suppression", ("selectors", "where", "text"), late=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per suppression the engine found unused."""
    for item in context.unused_suppressions:
        where = f"line {item.line}" if item.line else "the front matter"
        yield finding(
            context,
            rule,
            item.source_id,
            explanation=f"{item.text} in {where} matched no finding",
            fix="remove the suppression, or correct its codes",
            selectors=", ".join(item.selectors),
            where=where,
            text=item.text,
        )

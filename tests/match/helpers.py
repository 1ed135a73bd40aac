"""Claims from several little "sources" of text, for matching tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

from factlint.extract import extract_text
from factlint.knowledge import default_knowledge
from factlint.match import group, reconcile
from factlint.model import Claim, ClaimGroup

KB = default_knowledge()


def claims_of(sources: dict[str, tuple[str, dt.date | None]]) -> list[Claim]:
    """Every claim of every source, with the source's name as its id."""
    claims = []
    for name, (text, published) in sources.items():
        for claim in extract_text(text, published):
            claims.append(dataclasses.replace(claim, source_id=name, id=f"{name}#{claim.span.start}"))
    return claims


def reconciled(sources: dict[str, tuple[str, dt.date | None]]) -> list[ClaimGroup]:
    """The reconciled groups of the sources' claims."""
    published = {name: date for name, (_, date) in sources.items()}
    return reconcile(group(claims_of(sources), KB), KB, published=published)


def only_group(sources: dict[str, tuple[str, dt.date | None]], attribute: str) -> ClaimGroup:
    """The one reconciled group of ``attribute`` (failing when there are more or none)."""
    groups = [g for g in reconciled(sources) if g.key[2] == attribute]
    assert len(groups) == 1, [(g.key, [c.text for c in g.claims]) for g in groups]
    return groups[0]

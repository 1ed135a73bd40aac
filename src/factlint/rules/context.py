"""What every check reads: the run's sources, claims and reconciled groups, and the knowledge."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from factlint.knowledge import KnowledgeBase
from factlint.model import Basis, Claim, ClaimGroup, Evidence, Finding, Reading, Source, Wording

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule


@dataclasses.dataclass(frozen=True)
class Context:
    """The material of one run, as the checks see it.

    ``readings`` are what extraction read in each source beside its claims (labelled values,
    settings, suppressions, passages, wordings), by source id.
    """

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    kb: KnowledgeBase
    unused_suppressions: tuple[Any, ...] = ()  # set by the engine for the kinds that report on them
    readings: Mapping[str, Reading] = dataclasses.field(default_factory=dict)

    @functools.cached_property
    def by_id(self) -> dict[str, Source]:
        """Sources by id."""
        return {source.id: source for source in self.sources}

    def reading(self, source_id: str) -> Reading:
        """What extraction read in the source beside its claims (nothing, when it was not read here)."""
        return self.readings.get(source_id) or Reading(source_id)

    @functools.cached_property
    def _wordings(self) -> dict[str, Wording]:
        return {
            wording.claim_id: wording for reading in self.readings.values() for wording in reading.wordings
        }

    def wording(self, claim: Claim) -> Wording:
        """What the words around ``claim`` say (as if none said anything, when it was not read here)."""
        return self._wordings.get(claim.id) or Wording(claim.id, claim.span.start)

    @functools.cached_property
    def published(self) -> dict[str, dt.date | None]:
        """Each source's publication date (None when unknown)."""
        return {source.id: source.published for source in self.sources}

    @functools.cached_property
    def names(self) -> dict[str, str]:
        """How a message names each source: its outlet and date ("Reuters, 2024-11-22"), else its id.

        Two sources that would read alike (one outlet, one day) are told apart by their ids.
        """
        shown = {
            source.id: ", ".join(
                part for part in (source.outlet, source.published and source.published.isoformat()) if part
            )
            if source.outlet
            else source.id
            for source in self.sources
        }
        alike = collections.Counter(shown.values())
        return {
            source_id: f"{name} ({source_id})" if alike[name] > 1 and name != source_id else name
            for source_id, name in shown.items()
        }

    def name(self, source_id: str) -> str:
        """The source as a message names it (see :attr:`names`); its id when it is not in the run."""
        return self.names.get(source_id, source_id)

    def path(self, source_id: str) -> str | None:
        """The file a source was read from."""
        source = self.by_id.get(source_id)
        return source.path if source else None


def quote(claim: Claim) -> Evidence:
    """A claim as evidence: its source, its words and where they stand."""
    return Evidence(source_id=claim.source_id, quote=claim.text, span=claim.span, claim_id=claim.id)


def finding(
    context: Context,
    rule: Rule,
    source_id: str | None,
    evidence: Iterable[Evidence] = (),
    explanation: str = "",
    fix: str | None = None,
    basis: Iterable[Basis] = (),
    **fields: object,
) -> Finding:
    """A finding of ``rule`` with its message filled from ``fields``."""
    return Finding(
        code=rule.code,
        rule=rule.name,
        severity=rule.severity,
        message=rule.say(**fields),
        path=context.path(source_id) if source_id else None,
        source_id=source_id,
        evidence=tuple(evidence),
        explanation=explanation,
        fix=fix,
        basis=tuple(basis),
    )

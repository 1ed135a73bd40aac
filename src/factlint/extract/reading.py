"""What extraction reads in a source beside its claims, for the rules that compare it with itself."""

from __future__ import annotations

from collections.abc import Sequence

from factlint.extract.labelled import labelled_values
from factlint.extract.sentence_context import settings
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim, Reading, Source


def read_beside(source: Source, claims: Sequence[Claim], kb: KnowledgeBase) -> Reading:
    """The labelled values of ``source``'s text and the settings of its ``claims`` (found in it)."""
    return Reading(labelled_values(source.text, claims, kb), settings(source.text, claims, kb))

"""Figures no attribute names, matched by what their words say they measure.

A claim without a canonical attribute has an open description (:class:`~factlint.model.Description`,
read by :mod:`factlint.extract.described`): its measure, its decisive word and the content words of
its sentence. Within one story, two such figures of different sources speak of one fact when they
share measure and decisive word and their sentences are alike enough (``open_match.similarity`` in
``rules/tolerances.yaml``, a rarity-weighted share of words in common); two figures with different
subjects never do. The figures so linked, taken together, get one open attribute
(``about:<thing> (<measure>)``) and are then grouped, split by time and reconciled as any other.

A figure that its clause makes a part of a whole ("including 10 tourists") is left out, and so is
a fact that only one source gives: an open description is a reason to compare, never a finding by
itself.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from factlint.knowledge import KnowledgeBase
from factlint.model import Claim, Description
from factlint.words import rarity

PREFIX = "about:"
_NUMERIC = {"money", "percent", "quantity"}
# Past this many figures of one measure and word in a story, the word says too little to link any
# (and the pairs weighed stay few: the work is linear in a story's claims).
_MOST_COMPARED = 200


def open_attribute(description: Description) -> str:
    """The attribute of the figures of one open fact: ``about:fall (foot)``."""
    return f"{PREFIX}{description.thing} ({description.measure})"


def is_open(attribute: str | None) -> bool:
    """Whether an attribute is an open description's rather than a canonical one."""
    return bool(attribute) and attribute.startswith(PREFIX)  # type: ignore[union-attr]


def similarity(one: Description, other: Description) -> float:
    """How alike two figures' sentences are: the rarity-weighted share of their words in common."""
    mine, theirs = set(one.words), set(other.words)
    union = mine | theirs
    total = sum(rarity(word) for word in union)
    return sum(rarity(word) for word in mine & theirs) / total if total else 0.0


def describable(claim: Claim) -> bool:
    """A figure with no attribute whose description names its measure and a decisive word."""
    described = claim.described
    return (
        claim.attribute is None
        and claim.kind in _NUMERIC
        and claim.quantity is not None
        and described is not None
        and bool(described.thing)
        and not described.part
    )


def with_open_attributes(claims: Sequence[Claim], kb: KnowledgeBase) -> list[Claim]:
    """The claims of one story, those of a fact that two sources describe alike given its attribute."""
    threshold = kb.open_similarity
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        if describable(claim):
            described = claim.described
            assert described is not None
            blocks[(described.measure, described.thing)].append(index)
    named: dict[int, str] = {}
    for members in blocks.values():
        if len({claims[index].source_id for index in members}) < 2 or len(members) > _MOST_COMPARED:
            continue
        for component in _linked(claims, members, threshold):
            if len({claims[index].source_id for index in component}) >= 2:
                for index in component:
                    named[index] = open_attribute(claims[index].described)  # type: ignore[arg-type]
    return [
        dataclasses.replace(claim, attribute=named[index]) if index in named else claim
        for index, claim in enumerate(claims)
    ]


def _linked(claims: Sequence[Claim], members: list[int], threshold: float) -> list[list[int]]:
    """The members joined (through any chain) by pairs alike enough, each a list in text order."""
    parent = {index: index for index in members}

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for position, one in enumerate(members):
        for other in members[position + 1 :]:
            first, second = claims[one], claims[other]
            if first.subject and second.subject and first.subject != second.subject:
                continue
            if similarity(first.described, second.described) >= threshold:  # type: ignore[arg-type]
                parent[root(one)] = root(other)
    components: dict[int, list[int]] = defaultdict(list)
    for index in members:
        components[root(index)].append(index)
    return sorted(components.values())

"""Figures no attribute names, matched by what their words say they measure.

A claim without a canonical attribute has an open description (:class:`~factlint.model.Description`,
read by :mod:`factlint.extract.described`): its measure, its decisive words, the content words of
its sentence and the dates it writes. Within one story a figure is blocked under each of its
decisive words (with its measure, and its unit's dimension: feet meet metres); two figures of
different sources in one block speak of one fact when their sentences are alike enough
(``open_match`` in ``rules/tolerances.yaml``: a rarity-weighted share of words in common, less
where each source gives a single value of the block), their subjects do not differ (a date's
must be the same) and their times meet. Two figures of one sentence never do. The figures so
linked, through any chain, get one open attribute (``about:<word> (<measure>)``), are converted
to one unit and are then grouped, split by time and reconciled as any other. A canonical attribute
that no party bears is matched the same way, by its attribute.

A figure that its clause makes a part of a whole ("including 10 tourists") is left out, and so is
a fact that only one source gives: an open description is a reason to compare, never a finding by
itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Sequence

from factlint.knowledge import KnowledgeBase
from factlint.match.fingerprints import digits_of, fingerprint_blocks, near, phrase_of
from factlint.match.units import base_of, in_unit
from factlint.model import Claim, Description
from factlint.words import rarity

PREFIX = "about:"
_NUMERIC = {"money", "percent", "quantity"}
COMPARED = {*_NUMERIC, "date"}  # the kinds of claim an open description may compare
# Past this many figures of one measure and word in a story, the word says too little to link any
# (and the pairs weighed stay few: the work is linear in a story's claims).
_MOST_COMPARED = 200


def open_attribute(description: Description, attribute: str | None = None) -> str:
    """The attribute of the figures of one open fact: ``about:fall (foot)``, ``about:profit (money)``."""
    return f"{PREFIX}{attribute or description.thing} ({description.measure})"


def is_open(attribute: str | None) -> bool:
    """Whether an attribute is an open description's rather than a canonical one."""
    return bool(attribute) and attribute.startswith(PREFIX)  # type: ignore[union-attr]


def similarity(one: Description, other: Description) -> float:
    """How alike two figures' sentences are: the rarity-weighted share of their words in common."""
    mine, theirs = set(one.words), set(other.words)
    # Summed in word order, so that the same words give the same figure under any hash seed.
    total = sum(rarity(word) for word in sorted(mine | theirs))
    return sum(rarity(word) for word in sorted(mine & theirs)) / total if total else 0.0


def describable(claim: Claim) -> bool:
    """A figure or date with no attribute whose description names a decisive word."""
    described = claim.described
    if claim.attribute is not None or described is None or not described.thing or described.part:
        return False
    if claim.kind == "date":
        return claim.time is not None and claim.time.start is not None and claim.time.end is not None
    return claim.kind in _NUMERIC and claim.quantity is not None


def decisive_words(claim: Claim, kb: KnowledgeBase) -> tuple[str, ...]:
    """The words a claim is matched by here: its description's, or an attribute no party bears.

    A figure with a canonical attribute but neither subject nor counterparty ("Net income came
    in at $100 million", "the plant will draw 150 megawatts") is no fact of a named party, and
    grouping by parties never compares it: within its story it is matched by its attribute, as
    a description's word (not a figure of one trading day, ``dated_by_publication``: which day's
    it is needs its party).
    """
    if describable(claim):
        described = claim.described
        assert described is not None
        return described.about or (described.thing,)
    if (
        claim.attribute is not None
        and not is_open(claim.attribute)
        and claim.subject is None
        and claim.counterparty is None
        and claim.attribute not in kb.event_attributes
        and claim.attribute not in kb.dated_by_publication
        and claim.kind in _NUMERIC
        and claim.quantity is not None
        and claim.described is not None
        and not claim.described.part
    ):
        return (claim.attribute,)
    return ()


def with_open_attributes(claims: Sequence[Claim], kb: KnowledgeBase) -> list[Claim]:
    """The claims of one story, those of a fact that two sources describe alike given its attribute.

    A figure is blocked under each of its decisive words (``about``), so that "spends 21% of its
    revenue" meets "research spending accounts for 21% of sales" through "spend"; the links of
    every block join one set of facts. Figures in units of one dimension meet ("15ft", "about 12
    feet (3.7 metres)"): each linked figure is converted to the unit of the first of its fact
    (:func:`factlint.match.units.in_unit`).
    """
    units = _unit_ids(kb)
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        words = decisive_words(claim, kb)
        if words:
            described, quantity = claim.described, claim.quantity
            assert described is not None
            measure = "" if described.measure in units else described.measure
            dimension = _dimension(quantity.unit, units) if quantity is not None else ""
            for word in words:
                blocks[(measure, dimension, word)].append(index)
    links = _Links()
    times: dict[int, Days] = {}
    printed = _fingerprints(claims, kb)
    for linker, by_key in ((_link, blocks), (_link_prints, printed)):
        for key in sorted(by_key):
            members = by_key[key]
            if len({claims[index].source_id for index in members}) < 2 or len(members) > _MOST_COMPARED:
                continue
            for index in members:
                if index not in times:
                    times[index] = _times(claims[index], kb.publication_window)
            linker(claims, members, times, links, kb)
    named: dict[int, Claim] = {}
    taken: dict[str, int] = defaultdict(int)
    for component in links.components():
        if len({claims[index].source_id for index in component}) < 2:
            continue
        first = next((claims[k] for k in component if _says_what(claims[k])), claims[component[0]])
        attribute = open_attribute(first.described, first.attribute)  # type: ignore[arg-type]
        taken[attribute] += 1
        if taken[attribute] > 1:  # another fact of the same words ("founded in" of two companies)
            attribute = f"{attribute} #{taken[attribute]}"
        for index in component:
            claim = claims[index]
            if first.quantity is not None:
                claim = in_unit(claim, first.quantity.unit)
            named[index] = dataclasses.replace(claim, attribute=attribute)
    return [named.get(index, claim) for index, claim in enumerate(claims)]


@functools.lru_cache(maxsize=16)
def _unit_ids(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(unit.id for unit in kb.units)


def _dimension(unit: str, units: frozenset[str]) -> str:
    """What a figure's unit measures: its base unit for a unit of measure pint knows, else itself."""
    base = base_of(unit) if unit in units else None
    return base[0] if base else unit


class _Links:
    """Figures joined through any chain of links (a union-find over claim indexes)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def root(self, index: int) -> int:
        self.parent.setdefault(index, index)
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, one: int, other: int) -> None:
        self.parent[self.root(one)] = self.root(other)

    def components(self) -> list[list[int]]:
        """Every set of two or more joined figures, each in text order, in order of their first."""
        found: dict[int, list[int]] = defaultdict(list)
        for index in sorted(self.parent):
            found[self.root(index)].append(index)
        return sorted(members for members in found.values() if len(members) > 1)


def _says_what(claim: Claim) -> bool:
    """Whether a claim's description names what it measures (a thing), or its attribute does."""
    return bool(claim.attribute) or bool(claim.described is not None and claim.described.thing)


def _fingerprints(claims: Sequence[Claim], kb: KnowledgeBase) -> dict[tuple[str, str], list[int]]:
    """The figures written precisely enough to be fingerprints, blocked by unit and near digits.

    Only figures matching may name: those without an attribute, or whose attribute no party bears
    (:func:`decisive_words`); never a part of a whole or a range.
    """
    prints = []
    phrased: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        described, quantity = claim.described, claim.quantity
        if (
            claim.kind not in _NUMERIC
            or quantity is None
            or quantity.value is None
            or quantity.qualifier == "range"
            or described is None
            or described.part
            or (claim.attribute is not None and not decisive_words(claim, kb))
        ):
            continue
        digits = digits_of(claim)
        if digits is not None:
            prints.append((index, quantity.unit, digits))
        phrase = phrase_of(claim)
        if phrase is not None:
            phrased[(quantity.unit, f"phrase:{phrase}")].append(index)
    return {**fingerprint_blocks(prints), **phrased}


def _link_prints(
    claims: Sequence[Claim], members: list[int], times: dict[int, Days], links: _Links, kb: KnowledgeBase
) -> None:
    """Join the figures of one fingerprint block that are one precise figure, copied right or not.

    Their digits must be near (:func:`factlint.match.fingerprints.near`) or their counts written
    with one phrase of three words or more (:func:`factlint.match.fingerprints.phrase_of`), their
    sizes alike (within a factor of two: "4,212" is not "4.212 million"), their subjects not
    different and their sentences alike to ``open_match.alone`` (for one phrase, sharing any word).
    Their times are not asked: the dates of their sentences are often another event's
    ("disclosed on Wednesday" the spending of 2008), and a precise figure one digit from another
    is seldom a new value of the same measure.
    """
    for position, one in enumerate(members):
        for other in members[position + 1 :]:
            first, second = claims[one], claims[other]
            if first.source_id == second.source_id or links.root(one) == links.root(other):
                continue
            mine, theirs = digits_of(first), digits_of(second)
            phrase = phrase_of(first)
            same_phrase = phrase is not None and phrase == phrase_of(second)
            if not (mine and theirs and near(mine, theirs)) and not same_phrase:
                continue
            values = first.quantity.value, second.quantity.value  # type: ignore[union-attr]
            if not values[0] or not values[1] or not 0.5 <= values[0] / values[1] <= 2:
                continue
            if first.subject and second.subject and first.subject != second.subject:
                continue
            alike = similarity(first.described, second.described)  # type: ignore[arg-type]
            if alike >= kb.open_similarity_alone or (alike > 0 and same_phrase):
                links.join(one, other)


def _link(
    claims: Sequence[Claim], members: list[int], times: dict[int, Days], links: _Links, kb: KnowledgeBase
) -> None:
    """Join the members of one block whose sentences are alike enough.

    Two figures whose times do not meet, or with different subjects, are never alike (see
    :func:`_times`). Where each source gives one figure (one value) of the block, sentences alike
    to ``open_match.alone`` are enough, else to ``open_match.similarity``.
    """
    values: dict[str, set[object]] = defaultdict(set)
    for index in members:
        values[claims[index].source_id].add(claims[index].quantity)
    single = all(len(given) == 1 for given in values.values())
    threshold = kb.open_similarity_alone if single else kb.open_similarity
    for position, one in enumerate(members):
        for other in members[position + 1 :]:
            first, second = claims[one], claims[other]
            if first.subject != second.subject and (
                first.kind == "date" or (first.subject and second.subject)
            ):
                continue  # a date is of whoever did what it dates: only the same one meets it
            if first.source_id == second.source_id and first.sentence == second.sentence:
                continue  # two figures of one sentence are two facts (or a range, or a change)
            if not _same_time(times[one], times[other]):
                continue
            if similarity(first.described, second.described) >= threshold:  # type: ignore[arg-type]
                links.join(one, other)


Days = tuple[tuple[dt.date, dt.date], ...]


def _times(claim: Claim, window: int) -> Days:
    """When a figure may be: the dates its sentence writes, else its own time.

    A time taken from the publication date stands for the ``window`` days up to it, as in
    grouping; a figure with neither says nothing of its time.
    """
    if claim.described is not None and claim.described.dates:
        return claim.described.dates
    time = claim.refers_to
    if time is None or time.start is None or time.end is None:
        return ()
    if time.resolution == "publication":
        return ((time.end - dt.timedelta(days=window), time.end),)
    return ((time.start, time.end),)


def _same_time(mine: Days, theirs: Days) -> bool:
    """Whether two figures' times meet (or one of them says nothing of its time)."""
    if not mine or not theirs:
        return True
    return any(
        start <= other_end and other_start <= end for start, end in mine for other_start, other_end in theirs
    )

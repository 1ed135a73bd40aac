"""Grouping: claims that speak of the same fact, found through blocking keys, never all pairs.

A claim's block is (subject, counterparty, attribute, aspect): only claims in one block are ever
compared. The aspect joins increment or cumulative with ``prospective`` (what may be is another
fact than what is) and, for a figure over a period (``period_figures``), the length of its period
(a quarter's revenue is another fact than a year's). A subsidiary counterparty counts as its parent
(so does a subsidiary subject for the attributes in ``parent_acts``: AWS investing is Amazon
investing), and a claim that names no counterparty joins its subject's only one for that attribute.
An unknown organisation or a person named by a short form of exactly one longer name in the corpus
is that name. Inside a block, claims whose time frames overlap belong together, found by one sweep
over the frames sorted by start; a claim with no time frame goes where its figure fits (see
:func:`_by_time`). A cumulative figure (a running total) stays one group across time, since a total
that moves is for the reconciliation to label. Claims without an attribute, or without both a
subject and a counterparty, say too little to be matched. Figures of the event itself
(``event_attributes``: a death toll, a turnout) are blocked by their attribute alone, whatever
organisation the sentence names: a corpus is one story.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping

from factlint.knowledge import KnowledgeBase
from factlint.match.described import COMPARED, is_open, with_open_attributes
from factlint.match.intervals import Reach, reach
from factlint.match.names import resolve, short_names
from factlint.model import Claim, ClaimGroup

_NUMERIC = {"money", "percent", "quantity"}


def blocking_key(claim: Claim, kb: KnowledgeBase) -> tuple[str, str, str, str] | None:
    """The block a claim is compared in, or None when it cannot be matched."""
    if claim.attribute is None or claim.kind not in (COMPARED if is_open(claim.attribute) else _NUMERIC):
        return None
    aspect = "+".join(part for part in (claim.aspect, claim.modality, _period(claim, kb)) if part)
    if claim.attribute in kb.event_attributes or is_open(claim.attribute):
        return ("", "", claim.attribute, aspect)  # the event's own figure, whoever the sentence names
    subject, counterparty = _entity(claim.subject, kb), _parent(_entity(claim.counterparty, kb), kb)
    if claim.attribute in kb.parent_acts:
        subject = _parent(subject, kb)
    if subject is None and counterparty is None:
        return None
    return (subject or "", counterparty or "", claim.attribute, aspect)


def _period(claim: Claim, kb: KnowledgeBase) -> str | None:
    """For a figure over a period (``period_figures``), the period's length: "per quarter", "per year"."""
    if claim.attribute not in kb.period_figures or claim.refers_to is None:
        return None
    precision = claim.refers_to.precision
    return None if precision in (None, "", "day") else f"per {precision}"


def restated_totals(claims: list[Claim], kb: KnowledgeBase) -> list[Claim]:
    """Undated plain amounts that repeat a total of the same parties are that total.

    "Its $8 billion total investment in Anthropic ... Amazon invested $8 billion in Anthropic":
    the second is the total again, not a tranche; so is another source's plain "350 million
    euros in aid" where one source gives €350 million as the total. Only a claim with no aspect,
    no time frame of its own and the parties and value of a total given in the corpus is moved.
    """
    parts_of = {part: total for total, parts in kb.sums.items() for part in parts}
    totals = {
        (claim.attribute, _parties(claim, kb), claim.quantity.value)
        for claim in claims
        if claim.attribute in kb.sums and claim.quantity is not None and not claim.modality
    }
    restated = []
    for claim in claims:
        total = parts_of.get(claim.attribute or "")
        if (
            total is not None
            and claim.quantity is not None
            and not claim.aspect
            and not claim.modality
            and (claim.refers_to is None or claim.refers_to.resolution not in ("absolute", "relative"))
            and (total, _parties(claim, kb), claim.quantity.value) in totals
        ):
            claim = dataclasses.replace(claim, attribute=total, aspect="cumulative")
        restated.append(claim)
    return restated


def _parties(claim: Claim, kb: KnowledgeBase) -> tuple[str, str]:
    """The subject and counterparty a total is matched on; none for an event's figures."""
    if claim.attribute in kb.event_attributes:
        return "", ""
    return _entity(claim.subject, kb) or "", _entity(claim.counterparty, kb) or ""


def _parent(entity: str | None, kb: KnowledgeBase) -> str | None:
    """A subsidiary stands for its parent as a counterparty (spending "on AWS" is on Amazon)."""
    parents = {known.id: known.parent for known in kb.entities if known.parent}
    return parents.get(entity or "", entity)


def _fill_counterparties(
    blocks: dict[tuple[str, str, str, str], list[Claim]],
) -> dict[tuple[str, str, str, str], list[Claim]]:
    """Claims that name no counterparty join the one counterparty their subject has for that fact.

    The other way round too: a claim with a counterparty and no subject joins the one subject
    that has that counterparty for the attribute ("£52 million for Ashbridge's striker").

    "Amazon's total investment is $8 billion" and "Amazon has invested $8 billion in Anthropic in
    total" speak of one fact; with two or more counterparties known, the claim stays apart.
    """
    counterparties: dict[tuple[str, str], set[str]] = defaultdict(set)
    for subject, counterparty, attribute, _ in blocks:
        if counterparty:
            counterparties[(subject, attribute)].add(counterparty)
    subjects: dict[tuple[str, str], set[str]] = defaultdict(set)
    for subject, counterparty, attribute, _ in blocks:
        if subject and counterparty:
            subjects[(counterparty, attribute)].add(subject)
    filled: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for (subject, counterparty, attribute, aspect), members in blocks.items():
        known = counterparties.get((subject, attribute), set())
        if not counterparty and subject and len(known) == 1:
            counterparty = next(iter(known))
        payers = subjects.get((counterparty, attribute), set())
        if not subject and counterparty and len(payers) == 1:
            subject = next(iter(payers))
        filled[(subject, counterparty, attribute, aspect)].extend(members)
    return filled


def _entity(name: str | None, kb: KnowledgeBase) -> str | None:
    """Extraction already gives entity ids; candidates get a second chance by name (typos)."""
    if name is None or not name.startswith("candidate:"):
        return name
    return resolve(name.removeprefix("candidate:").replace("-", " "), kb) or name


def group(
    claims: Iterable[Claim], kb: KnowledgeBase, stories: Mapping[str, str] | None = None
) -> list[ClaimGroup]:
    """Every group of two or more claims, and single claims as groups of one, in a stable order.

    ``stories`` maps a source id to its story (by default the whole corpus is one story): claims
    of different stories are never grouped, and short names are read within a story.
    """
    return group_prepared(prepare(claims, kb, stories), kb)


def story_of(claim: Claim, stories: Mapping[str, str] | None) -> str:
    """The story a claim belongs to ("" when the corpus is one story)."""
    return stories.get(claim.source_id, "") if stories else ""


def prepare(
    claims: Iterable[Claim], kb: KnowledgeBase, stories: Mapping[str, str] | None = None
) -> list[Prepared]:
    """Each claim with its story and block, names and restated totals read story by story.

    What is done here looks across a whole story; what :func:`group_prepared` does looks only
    inside one story and attribute, so claims may be split on those two before it (a shuffle).
    """
    by_story: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_story[story_of(claim, stories)].append(claim)
    prepared = []
    for story in sorted(by_story):
        members = by_story[story]
        aliases = short_names(name for claim in members for name in (claim.subject, claim.counterparty))
        if aliases:
            members = [
                dataclasses.replace(
                    claim,
                    subject=aliases.get(claim.subject or "", claim.subject),
                    counterparty=aliases.get(claim.counterparty or "", claim.counterparty),
                )
                for claim in members
            ]
        for claim in restated_totals(with_open_attributes(members, kb), kb):
            key = blocking_key(claim, kb)
            if key is not None:
                prepared.append(Prepared(story, key, claim))
    return prepared


def group_prepared(prepared: Iterable[Prepared], kb: KnowledgeBase) -> list[ClaimGroup]:
    """The groups of prepared claims: blocks filled, then split by time; ordered by story and key.

    Any subset holding every claim of its (story, attribute) pairs gives exactly those pairs'
    groups, in the same order, as the whole.
    """
    stories: dict[str, dict[tuple[str, str, str, str], list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for item in prepared:
        stories[item.story][item.key].append(item.claim)
    groups: list[ClaimGroup] = []
    for story in sorted(stories):
        blocks = _fill_counterparties(stories[story])
        for key in sorted(blocks):
            members = blocks[key]
            if "cumulative" in key[3]:
                groups.append(ClaimGroup(key=(*key, ""), claims=tuple(members), story=story))
                continue
            for period, together in _by_time(members, kb):
                if is_open(key[2]) and len({claim.source_id for claim in together}) < 2:
                    continue  # an open description is a reason to compare, not a fact of one source
                groups.append(ClaimGroup(key=(*key, period), claims=tuple(together), story=story))
    return groups


@dataclasses.dataclass(frozen=True)
class Prepared:
    """A claim ready to group: its story, its block and the claim as names and totals left it."""

    story: str
    key: tuple[str, str, str, str]
    claim: Claim


def _by_time(claims: list[Claim], kb: KnowledgeBase) -> list[tuple[str, list[Claim]]]:
    """Claims split where their time frames stop overlapping; undated claims go where they fit.

    A claim with no time frame joins the first dated run holding a figure it is compatible with,
    or else stands with the other undated claims (period ``undated``): it may speak of another
    time. Among places it fits, one holding the same number wins ("up to $20 billion" goes with an
    undated "additional $20 billion" rather than with last year's $4 billion).
    """
    undated = [claim for claim in claims if _frame(claim, kb) is None]
    dated = sorted(
        (claim for claim in claims if _frame(claim, kb) is not None), key=lambda c: (_frame(c, kb), c.id)
    )
    runs: list[list[Claim]] = []
    reach_end: dt.date | None = None
    for claim in dated:
        start, end = _frame(claim, kb)  # type: ignore[misc]
        if runs and reach_end is not None and start <= reach_end:
            runs[-1].append(claim)
            reach_end = max(reach_end, end)
        else:
            runs.append([claim])
            reach_end = end
    if not runs:
        return [("", undated)] if undated else []
    reaches = {claim.id: reach(claim, kb) for claim in claims}
    placed: dict[int, list[Claim]] = defaultdict(list)
    fits = {claim.id: [k for k, run in enumerate(runs) if _fits(claim, run, reaches)] for claim in undated}
    apart = [claim for claim in undated if not fits[claim.id]]
    for claim in undated:
        places = fits[claim.id]
        if not places:
            continue
        same = [k for k in places if _fits(claim, runs[k], reaches, same_number=True)]
        if _fits(claim, apart, reaches, same_number=True) and not same:
            apart.append(claim)
        else:
            placed[(same or places)[0]].append(claim)
    grouped = [(_label(run, kb), run + placed[k]) for k, run in enumerate(runs)]
    return grouped + ([("undated", apart)] if apart else [])


def _fits(
    claim: Claim, run: list[Claim], reaches: dict[str, Reach | None], *, same_number: bool = False
) -> bool:
    """Whether ``claim``'s figure is compatible with (or the same number as) one in ``run``."""
    mine = reaches[claim.id]
    if mine is None:
        return False
    for other in run:
        theirs = reaches.get(other.id)
        if (
            theirs is not None
            and other is not claim
            and (mine.same_number(theirs) if same_number else mine.meets(theirs))
        ):
            return True
    return False


def _frame(claim: Claim, kb: KnowledgeBase) -> tuple[dt.date, dt.date] | None:
    """The days a claim speaks of.

    A time taken from the publication date alone ("Amazon will invest $4 billion" in Tuesday's
    paper) stands for the ``publication_window`` days up to that date, so that articles a day or
    two apart speak of one deal while last year's tranche stays apart; for the attributes in
    ``dated_by_publication`` (a stock's move "today") it is the day itself.
    """
    time = claim.refers_to
    if time is None or time.start is None or time.end is None:
        return None
    if time.resolution == "publication" and claim.attribute not in kb.dated_by_publication:
        return time.end - dt.timedelta(days=kb.publication_window), time.end
    return time.start, time.end


def _label(run: list[Claim], kb: KnowledgeBase) -> str:
    frames = [_frame(claim, kb) for claim in run]
    start = min(frame[0] for frame in frames if frame)
    end = max(frame[1] for frame in frames if frame)
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"

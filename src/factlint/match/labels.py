"""The label of a group and its reason in words: the logic a fact-checker applies to two numbers.

Before two figures are called a conflict, the checks in order are:

- qualifiers as intervals: "up to $25 billion" holds "$20 billion"; "$100 billion" against "more
  than $100 billion" is the same number with its qualifier dropped;
- tolerance and rounding (:mod:`factlint.match.intervals`);
- running totals move over time: for a cumulative figure (``aspect: cumulative`` or an attribute
  in ``running_totals``), a larger figure from a later date is a change, while a later source with
  a smaller figure than an earlier one already gave is stale.

The first label that applies wins: ``conflict``, ``stale``, ``qualifier_dropped``,
``changed_over_time``, ``agree``; a group with one source is ``single_source``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from factlint.match.consensus import Standing
from factlint.match.intervals import Reach
from factlint.model import Claim

QUALIFIER_WORDS = {
    "up_to": "up to",
    "less_than": "less than",
    "more_than": "more than",
    "at_least": "at least",
    "nearly": "nearly",
    "about": "about",
}
NAMED = 5  # sources a reason or message names before it counts the rest


def as_written(claim: Claim) -> str:
    """The claim's figure as the source wrote it, its qualifier included ("about 600 tons")."""
    words = claim.text
    qualifier = claim.quantity.qualifier if claim.quantity else None
    phrase = QUALIFIER_WORDS.get(qualifier or "")
    if phrase and not words.lower().startswith(phrase.split()[0]) and "+" not in words:
        words = f"{phrase} {words}"
    return words


def say(claim: Claim) -> str:
    """The claim's figure as the source wrote it, its qualifier included, and who wrote it."""
    return f"“{as_written(claim)}” ({claim.source_id})"


def as_of(claim: Claim, published: Mapping[str, dt.date | None]) -> dt.date | None:
    """The date a figure is current on: the end of the time it speaks of, else its publication."""
    time = claim.refers_to
    if time is not None and time.end is not None:
        return time.end
    return published.get(claim.source_id)


def reported(claim: Claim, published: Mapping[str, dt.date | None]) -> dt.date | None:
    """The date a source gives a figure as current: its publication, else the time it speaks of.

    A death toll "from Monday's earthquake" in Wednesday's paper is Wednesday's toll.
    """
    return published.get(claim.source_id) or as_of(claim, published)


def pairwise_label(
    claims: Sequence[Claim],
    reaches: Sequence[Reach],
    standing: Standing,
    *,
    running: bool,
    published: Mapping[str, dt.date | None],
    revised: bool,
    everyone: Sequence[str],
    backers: Sequence[str],
) -> tuple[str, str, tuple[int, ...]]:
    """:func:`label` by comparing every pair of ``claims`` (of sources other than each other's).

    ``everyone`` are the sources of the whole group, sorted, and ``backers`` those of its
    consensus: the claims may be representatives of a larger group
    (:func:`factlint.match.profiles.label_by_profiles`).
    """
    sources = everyone
    if len(sources) == 1:
        return "single_source", f"only {sources[0]} gives this figure: {say(claims[0])}", (0,)
    pairs = [
        (i, j)
        for i in range(len(claims))
        for j in range(i + 1, len(claims))
        if claims[i].source_id != claims[j].source_id
    ]
    stale, moved, unexplained = [], [], []
    timed = running or revised
    for i, j in pairs:
        older, newer = _in_time_order(claims, i, j, published) if timed else (None, None)
        if older is not None and newer is not None and not reaches[i].same_number(reaches[j]):
            if _also_says(claims, reaches, i, j) or _also_says(claims, reaches, j, i):
                continue  # a source that gives the other figure too has not moved from it
            direction = _direction(claims[older], claims[newer], reaches[older], reaches[newer])
            if direction < 0 and running:
                stale.append((older, newer))
            elif direction:
                moved.append((older, newer))
        elif not reaches[i].meets(reaches[j]):
            unexplained.append((i, j))
    if timed and not stale:
        stale = _superseded(claims, reaches, published)
    if unexplained:
        i, j = unexplained[0]
        outside = {k for pair in unexplained for k in pair if k not in standing.supporters}
        reason = _conflict_reason(claims, i, j, standing, backers)
        return "conflict", reason, tuple(sorted(outside or {i, j}))
    if stale:
        older, newer = stale[0]
        flagged = tuple(sorted({late for _, late in stale}))
        if reaches[older].same_number(reaches[newer]):
            reason = (
                f"{say(claims[newer])} of {_date(claims[newer], published)} repeats the figure of "
                f"{_date(claims[older], published)} that later reports had replaced"
            )
            return "stale", reason, flagged
        reason = (
            f"{say(claims[newer])} of {_date(claims[newer], published)} is smaller than the running total "
            f"{say(claims[older])} already gave on {_date(claims[older], published)}"
        )
        return "stale", reason, flagged
    dropped = [
        (i, j)
        for i, j in pairs
        if reaches[i].same_number(reaches[j]) and _qualifier(claims[i]) != _qualifier(claims[j])
    ]
    if dropped:
        i, j = dropped[0]
        kept, bare = (i, j) if _qualifier(claims[i]) else (j, i)
        if _qualifier(claims[bare]):
            reason = f"{say(claims[i])} and {say(claims[j])} qualify the same number differently"
            return "qualifier_dropped", reason, (i, j)
        phrase = QUALIFIER_WORDS.get(_qualifier(claims[kept]) or "", "its qualifier")
        bares = {b for pair in dropped for b in pair if not _qualifier(claims[b])}
        reason = f"{say(claims[bare])} drops the “{phrase}” of {say(claims[kept])}"
        return "qualifier_dropped", reason, tuple(sorted(bares))
    if moved:
        first = min(moved, key=lambda pair: _order(claims[pair[0]], published))[0]
        last = max(moved, key=lambda pair: _order(claims[pair[1]], published))[1]
        reason = (
            f"the figure moved from {say(claims[first])} on {_date(claims[first], published)} "
            f"to {say(claims[last])} on {_date(claims[last], published)}"
        )
        return "changed_over_time", reason, ()
    return "agree", _agree_reason(claims, reaches, sources), ()


def _superseded(
    claims: Sequence[Claim], reaches: Sequence[Reach], published: Mapping[str, dt.date | None]
) -> list[tuple[int, int]]:
    """Pairs (first, repeat) where a newer claim repeats an older figure that one between replaced.

    A preliminary count reported as final after the final count was out.
    """
    dated = sorted(
        (k for k in range(len(claims)) if reported(claims[k], published) is not None),
        key=lambda k: (reported(claims[k], published), k),
    )
    found = []
    for position, newer in enumerate(dated):
        day = reported(claims[newer], published)
        for older in dated[:position]:
            first = reported(claims[older], published)
            if first == day or not reaches[older].same_number(reaches[newer]):
                continue
            # A report between them replaced the figure when it gave another and not this one too.
            between = [
                k
                for k in dated
                if first < reported(claims[k], published) < day  # type: ignore[operator]
                and claims[k].source_id != claims[newer].source_id
                and not reaches[k].same_number(reaches[newer])
                and not any(
                    claims[m].source_id == claims[k].source_id and reaches[m].same_number(reaches[newer])
                    for m in dated
                )
            ]
            if between:
                found.append((older, newer))
                break
    return found


def _also_says(claims: Sequence[Claim], reaches: Sequence[Reach], speaker: int, figure: int) -> bool:
    """Whether the source of claim ``speaker`` also gives the number of claim ``figure``."""
    return any(
        claims[k].source_id == claims[speaker].source_id and reaches[k].same_number(reaches[figure])
        for k in range(len(claims))
    )


def _direction(older: Claim, newer: Claim, before: Reach, after: Reach) -> int:
    """+1 when a figure rose between two dates, -1 when it fell, 0 when the two still agree.

    With the same qualifier the headline numbers decide ("at least 40 dead" then "at least 52" is
    a rise, though both intervals hold 60); with different ones the intervals must part ("about
    €2.1 billion" then "more than €2 billion" have not moved).
    """
    if _qualifier(older) == _qualifier(newer):
        return 1 if _value(after) > _value(before) else -1
    if after.low > before.high:
        return 1
    return -1 if after.high < before.low else 0


def _qualifier(claim: Claim) -> str | None:
    qualifier = claim.quantity.qualifier if claim.quantity else None
    return qualifier if qualifier in QUALIFIER_WORDS else None


def _value(reach: Reach) -> float:
    return reach.value if reach.value is not None else (reach.low + reach.high) / 2


def _order(claim: Claim, published: Mapping[str, dt.date | None]) -> dt.date:
    return reported(claim, published) or dt.date.min


def _date(claim: Claim, published: Mapping[str, dt.date | None]) -> str:
    when = reported(claim, published)
    return when.isoformat() if when else "an unknown date"


def _in_time_order(
    claims: Sequence[Claim], i: int, j: int, published: Mapping[str, dt.date | None]
) -> tuple[int | None, int | None]:
    first, second = reported(claims[i], published), reported(claims[j], published)
    if first is None or second is None or first == second:
        return None, None
    return (i, j) if first < second else (j, i)


def _conflict_reason(
    claims: Sequence[Claim], i: int, j: int, standing: Standing, backers: Sequence[str]
) -> str:
    reason = (
        f"{say(claims[i])} and {say(claims[j])} cannot both be true: no qualifier, rounding, tolerance "
        "or change over time explains the difference"
    )
    if standing.tied:
        return reason + "; the sources are evenly split"
    return reason + f"; the weightier side is {some_of(backers)}"


def some_of(names: Sequence[str], total: int | None = None) -> str:
    """The first :data:`NAMED` of ``names`` joined by commas, and how many more there are.

    ``total`` is how many there are in all when ``names`` holds only the first of them. A message
    names a handful of sources, never all of a story's thousands: each flagged claim's message
    would otherwise grow with the story, and the report with its square.
    """
    total = len(names) if total is None else total
    shown = ", ".join(names[:NAMED])
    rest = total - min(len(names), NAMED)
    return f"{shown} and {rest:,} other source{'s' if rest > 1 else ''}" if rest > 0 else shown


def _agree_reason(claims: Sequence[Claim], reaches: Sequence[Reach], sources: Sequence[str]) -> str:
    if all(reaches[0].same_number(other) for other in reaches[1:]):
        values = {reach.value for reach in reaches}
        rounding = " within rounding" if len(values) > 1 else ""
        return f"{len(sources)} sources give the same figure{rounding}: {say(claims[0])}"
    widest = max(range(len(claims)), key=lambda k: reaches[k].high - reaches[k].low)
    others = [k for k in range(len(claims)) if not reaches[k].same_number(reaches[widest])]
    held = ", ".join(say(claims[k]) for k in others[:3])
    if reaches[widest].high == float("inf") or reaches[widest].low == float("-inf"):
        return f"the open interval {say(claims[widest])} holds {held}: no conflict"
    return f"{say(claims[widest])} holds {held}: no conflict"


def text_label(
    claims: Sequence[Claim], figures: Sequence[object], standing: Standing
) -> tuple[str, str, tuple[int, ...]]:
    """``(label, reason, flagged)`` for text values: they agree after normalisation or conflict."""
    sources = sorted({claim.source_id for claim in claims})
    if len(sources) == 1:
        return "single_source", f"only {sources[0]} gives this value: “{claims[0].text}”", (0,)
    outside = [i for i in range(len(claims)) if i not in standing.supporters]
    if not outside:
        reason = f"{len(sources)} sources give the same value after normalisation: “{claims[0].text}”"
        return "agree", reason, ()
    inside = min(standing.supporters)
    reason = f"“{claims[inside].text}” ({claims[inside].source_id}) and “{claims[outside[0]].text}” "
    reason += f"({claims[outside[0]].source_id}) are different values"
    return "conflict", reason + ("; the sources are evenly split" if standing.tied else ""), tuple(outside)

"""The timeline of the report: each source's dated claims and its publication date, as SVG geometry.

One lane per source. A claim that names a day is a dot, one that names a longer time (a month, a
quarter, "2023 and 2024") a bar from its first to its last day; a publication date is a diamond.
Claims whose time could not be resolved are counted, not placed. Only numbers and words leave
this module: the template draws them and escapes every word.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import PurePath

from factlint.model import Claim, Source, TimeRef

WIDTH = 960
LEFT = 170  # room for the lane labels
RIGHT = 20
TOP = 30  # room for the axis labels
LANE = 28
MIN_BAR = 3.0
STEPS = (1, 3, 12, 24, 60, 120, 240, 600, 1200)  # months between axis labels
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclasses.dataclass(frozen=True)
class Mark:
    """One thing on the timeline: a claim's time (dot or bar) or a publication date (diamond)."""

    x: float
    width: float
    y: float
    shape: str  # "dot", "bar" or "published"
    kind: str
    label: str
    anchor: str | None = None


@dataclasses.dataclass(frozen=True)
class Tick:
    """A labelled line across the lanes at one date."""

    x: float
    label: str


@dataclasses.dataclass(frozen=True)
class Lane:
    """One source's row: its label, its vertical centre and whether its publication date is known."""

    y: float
    label: str
    dated: bool


@dataclasses.dataclass(frozen=True)
class Timeline:
    """Everything the template needs to draw the timeline; empty when nothing is dated."""

    width: int
    height: int
    lanes: tuple[Lane, ...]
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]
    unplaced: int
    first: dt.date | None
    last: dt.date | None

    @property
    def empty(self) -> bool:
        """Whether there is nothing to draw."""
        return not self.marks


def claim_time(claim: Claim) -> TimeRef | None:
    """The time a claim names: a date claim's own date, else the time its figure speaks of."""
    return claim.time if claim.kind == "date" else claim.refers_to


def build_timeline(sources: Sequence[Source], claims: Sequence[Claim]) -> Timeline:
    """The geometry of the timeline for ``sources`` (one lane each, in order) and their ``claims``."""
    lanes = {source.id: index for index, source in enumerate(sources)}
    placed: list[tuple[int, dt.date, dt.date, Claim | None, Source]] = []
    unplaced = 0
    by_id = {source.id: source for source in sources}
    for claim in claims:
        time = claim_time(claim)
        if claim.source_id not in lanes or time is None:
            continue
        if time.start is None or time.end is None:
            unplaced += 1
            continue
        placed.append((lanes[claim.source_id], time.start, time.end, claim, by_id[claim.source_id]))
    for source in sources:
        if source.published is not None:
            placed.append((lanes[source.id], source.published, source.published, None, source))
    height = TOP + LANE * len(sources) + 10
    if not placed:
        return Timeline(WIDTH, height, (), (), (), unplaced, None, None)
    # Days as ordinals, so that the day after 9999-12-31 (or a range padded past it) is no error.
    first, end_of_range = _pad(
        min(start for _, start, _, _, _ in placed), max(end for _, _, end, _, _ in placed)
    )
    scale = (WIDTH - LEFT - RIGHT) / max(1, end_of_range - first)

    def x_of(day: dt.date | int) -> float:
        ordinal = day if isinstance(day, int) else day.toordinal()
        return round(LEFT + (ordinal - first) * scale, 1)

    marks = []
    for lane, start, end, claim, source in sorted(placed, key=_mark_order):
        y = TOP + LANE * lane + LANE / 2
        if claim is None:
            label = f"{source.outlet or source.id}: published {start.isoformat()}"
            marks.append(Mark(x_of(start), 0.0, y, "published", "published", label))
            continue
        period = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
        label = f"{claim.text} ({claim.kind}{', ' + claim.attribute if claim.attribute else ''}): {period}"
        width = round(max(MIN_BAR, x_of(end.toordinal() + 1) - x_of(start)), 1)
        shape = "dot" if start == end else "bar"
        marks.append(Mark(x_of(start), width, y, shape, claim.kind, label, claim.id))
    lane_rows = tuple(
        Lane(
            TOP + LANE * index + LANE / 2,
            _short(source.outlet or source.title or PurePath(source.path).name),
            source.published is not None,
        )
        for index, source in enumerate(sources)
    )
    ticks = tuple(Tick(x_of(day), label) for day, label in _ticks(first, end_of_range))
    shown_first = dt.date.fromordinal(first)
    shown_last = dt.date.fromordinal(min(end_of_range, dt.date.max.toordinal()))
    return Timeline(WIDTH, height, lane_rows, ticks, tuple(marks), unplaced, shown_first, shown_last)


def _mark_order(item: tuple[int, dt.date, dt.date, Claim | None, Source]) -> tuple[object, ...]:
    """Longer bars first so that dots and diamonds are drawn over them; then by place and id."""
    lane, start, end, claim, _ = item
    return (-(end - start).days, lane, start, claim is None, claim.id if claim else "")


def _pad(first: dt.date, last: dt.date) -> tuple[int, int]:
    """The days ``first`` to ``last`` widened to whole months (whole years past three years).

    Given as the ordinal of the first day and of the day after the last, which may lie past
    9999-12-31.
    """
    if (last - first).days > 3 * 366:
        return dt.date(first.year, 1, 1).toordinal(), _month_start(last.year + 1, 1)
    return dt.date(first.year, first.month, 1).toordinal(), _month_start(last.year, last.month + 1)


def _month_start(year: int, month: int) -> int:
    """The ordinal of the first day of ``month`` (13 is next January), past 9999 included."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max.toordinal() + 1 + (year - dt.MAXYEAR - 1) * 365 + (month - 1) * 31
    return dt.date(year, month, 1).toordinal()


def _ticks(first: int, end: int) -> list[tuple[int, str]]:
    """Axis labels between the ordinal days ``first`` and ``end``.

    At months, quarters or years: the finest step that gives no more than 12 of them.
    """
    start = dt.date.fromordinal(first)
    last = dt.date.fromordinal(min(end, dt.date.max.toordinal()))
    months = (last.year - start.year) * 12 + last.month - start.month
    step = next((step for step in STEPS if months / step <= 12), STEPS[-1])
    index = start.year * 12 + start.month - 1
    index += -index % step
    ticks = []
    while index // 12 <= dt.MAXYEAR and (day := dt.date(index // 12, index % 12 + 1, 1)).toordinal() <= end:
        if step >= 12:
            label = str(day.year)
        elif step == 3:
            label = f"Q{(day.month - 1) // 3 + 1} {day.year}"
        else:
            label = f"{MONTHS[day.month - 1]} {day.year}"
        ticks.append((day.toordinal(), label))
        index += step
    return ticks


def _short(text: str, limit: int = 24) -> str:
    """A lane label cut to fit its column."""
    return text if len(text) <= limit else text[: limit - 1] + "…"

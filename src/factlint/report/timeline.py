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
    first = min(start for _, start, _, _, _ in placed)
    last = max(end for _, _, end, _, _ in placed) + dt.timedelta(days=1)
    first, last = _pad(first, last)
    scale = (WIDTH - LEFT - RIGHT) / max(1, (last - first).days)

    def x_of(day: dt.date) -> float:
        return round(LEFT + (day - first).days * scale, 1)

    marks = []
    for lane, start, end, claim, source in sorted(placed, key=_mark_order):
        y = TOP + LANE * lane + LANE / 2
        if claim is None:
            label = f"{source.outlet or source.id}: published {start.isoformat()}"
            marks.append(Mark(x_of(start), 0.0, y, "published", "published", label))
            continue
        period = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
        label = f"{claim.text} ({claim.kind}{', ' + claim.attribute if claim.attribute else ''}): {period}"
        width = round(max(MIN_BAR, x_of(end + dt.timedelta(days=1)) - x_of(start)), 1)
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
    ticks = tuple(Tick(x_of(day), label) for day, label in _ticks(first, last))
    return Timeline(WIDTH, height, lane_rows, ticks, tuple(marks), unplaced, first, last)


def _mark_order(item: tuple[int, dt.date, dt.date, Claim | None, Source]) -> tuple[object, ...]:
    """Longer bars first so that dots and diamonds are drawn over them; then by place and id."""
    lane, start, end, claim, _ = item
    return (-(end - start).days, lane, start, claim is None, claim.id if claim else "")


def _pad(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The range widened to whole months (whole years when it spans more than three years)."""
    if (last - first).days > 3 * 366:
        return dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)
    end = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1) if last.day != 1 else last
    return dt.date(first.year, first.month, 1), end


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Axis labels at months, quarters or years, the finest step that gives no more than 12."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next((step for step in STEPS if months / step <= 12), STEPS[-1])
    index = first.year * 12 + first.month - 1
    index += -index % step
    ticks = []
    while (day := dt.date(index // 12, index % 12 + 1, 1)) <= last:
        if step >= 12:
            label = str(day.year)
        elif step == 3:
            label = f"Q{(day.month - 1) // 3 + 1} {day.year}"
        else:
            label = f"{MONTHS[day.month - 1]} {day.year}"
        ticks.append((day, label))
        index += step
    return ticks


def _short(text: str, limit: int = 24) -> str:
    """A lane label cut to fit its column."""
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""The timeline's geometry: lanes per source, dots for days, bars for longer times, diamonds for dates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import text_source
from factlint.model import Claim, Span, TimeRef
from factlint.report.timeline import LEFT, RIGHT, WIDTH, build_timeline


def source(name: str, published: dt.date | None = None, outlet: str | None = None):
    return text_source("x" * 40, published, id=name, path=f"in/{name}.md", outlet=outlet)


def dated(source_id: str, start: dt.date | None, end: dt.date | None, kind: str = "date") -> Claim:
    time = TimeRef("t", start, end, "day" if start == end else "month")
    return Claim(
        id=f"{source_id}:{start}:{kind}",
        source_id=source_id,
        span=Span(0, 1),
        text="t",
        sentence="t",
        kind=kind,
        extractor="test",
        time=time if kind == "date" else None,
        refers_to=None if kind == "date" else time,
    )


def test_days_are_dots_longer_times_bars_and_publication_dates_diamonds():
    sources = [source("a", dt.date(2024, 11, 22), "Reuters"), source("b")]
    claims = [
        dated("a", dt.date(2024, 9, 1), dt.date(2024, 9, 30)),
        dated("b", dt.date(2024, 3, 4), dt.date(2024, 3, 4), "money"),
        dated("b", None, None),
    ]
    timeline = build_timeline(sources, claims)
    shapes = sorted((mark.shape, mark.kind) for mark in timeline.marks)
    assert shapes == [("bar", "date"), ("dot", "money"), ("published", "published")]
    assert timeline.unplaced == 1
    assert [lane.label for lane in timeline.lanes] == ["Reuters", "b.md"]
    assert [lane.dated for lane in timeline.lanes] == [True, False]
    bar = next(mark for mark in timeline.marks if mark.shape == "bar")
    diamond = next(mark for mark in timeline.marks if mark.shape == "published")
    assert bar.x < diamond.x and bar.width > 3
    assert timeline.first == dt.date(2024, 3, 1) and timeline.last == dt.date(2024, 12, 1)
    assert [tick.label for tick in timeline.ticks][:2] == ["Mar 2024", "Apr 2024"]


def test_a_span_of_years_is_labelled_by_years_and_never_by_more_than_a_dozen():
    sources = [source("a")]
    claims = [
        dated("a", dt.date(1994, 7, 5), dt.date(1994, 7, 5)),
        dated("a", dt.date(2032, 1, 1), dt.date(2032, 12, 31)),
    ]
    timeline = build_timeline(sources, claims)
    labels = [tick.label for tick in timeline.ticks]
    assert all(label.isdigit() for label in labels) and 3 <= len(labels) <= 13
    assert labels == sorted(labels)


def test_nothing_dated_draws_nothing():
    timeline = build_timeline([source("a")], [dated("a", None, None)])
    assert timeline.empty and timeline.unplaced == 1 and not timeline.ticks


days = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@given(
    published=st.lists(st.one_of(st.none(), days), min_size=1, max_size=4),
    times=st.lists(st.tuples(st.integers(0, 3), days, st.integers(0, 4000)), max_size=12),
)
def test_every_mark_and_tick_lies_inside_the_drawing(published, times):
    sources = [source(f"s{i}", day) for i, day in enumerate(published)]
    claims = [
        dated(f"s{lane % len(sources)}", day, min(day + dt.timedelta(days=length), dt.date(2100, 12, 31)))
        for lane, day, length in times
    ]
    timeline = build_timeline(sources, claims)
    assert len(timeline.marks) == len(claims) + sum(day is not None for day in published)
    for mark in timeline.marks:
        assert mark.x >= LEFT and mark.x + mark.width <= WIDTH - RIGHT + 3.5
        assert 0 < mark.y < timeline.height
    for tick in timeline.ticks:
        assert LEFT <= tick.x <= WIDTH - RIGHT
    assert [tick.x for tick in timeline.ticks] == sorted(tick.x for tick in timeline.ticks)

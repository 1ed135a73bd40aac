"""Figures as intervals: qualifiers, tolerance and rounding decide what two figures can share."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.knowledge import default_knowledge
from factlint.match.intervals import reach, written_step
from factlint.model import Claim, Quantity, Span, TimeRef

KB = default_knowledge()


def figure(text: str, attribute: str = "investment.amount"):
    """The reach of the one money, percent or quantity claim in ``text``."""
    claims = [c for c in extract_text(text) if c.kind in ("money", "percent", "quantity")]
    assert len(claims) == 1, claims
    claim = claims[0]
    return reach(Claim(**{**claim.__dict__, "attribute": attribute}), KB)


def test_qualifiers_become_intervals():
    up_to = figure("Amazon will invest up to $25 billion.")
    assert up_to.low <= 0 and 25e9 <= up_to.high < 26e9
    more = figure("Anthropic will spend more than $100 billion.")
    assert 99e9 < more.low <= 100e9 and more.high == math.inf
    assert figure("It raised $40+ billion.").high == math.inf


def test_a_bare_number_meets_its_qualified_self_but_not_a_neighbour():
    bare, more = figure("It spent $100 billion."), figure("It spent more than $100 billion.")
    assert bare.meets(more) and bare.same_number(more)
    assert not figure("It spent $90 billion.").meets(more)


def test_rounding_reaches_less_than_half_the_last_digit_and_never_past_the_cap():
    eight = figure("Amazon invested $8 billion.")
    assert eight.meets(figure("Amazon invested $8.1 billion."))
    assert not eight.meets(figure("Amazon invested $8.5 billion."))
    assert not figure("It counted 52 people.").meets(figure("It counted 53 people."))
    assert figure("Revenue grew 19%.", "revenue.growth").meets(
        figure("Revenue grew 19.3%.", "revenue.growth")
    )
    assert not figure("Revenue grew 19%.", "revenue.growth").meets(
        figure("Revenue grew 20%.", "revenue.growth")
    )


def test_written_step_reads_the_last_digit():
    claims = {c.text: c for c in extract_text("It paid $27.5 billion, $8 billion and 1,250 shares.")}
    assert written_step(claims["$27.5 billion"]) == 1e8
    assert written_step(claims["$8 billion"]) == 1e9
    assert written_step(claims["1,250 shares"]) == 1.0


finite = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)


@given(
    value=st.one_of(st.none(), finite),
    low=st.one_of(st.none(), finite),
    high=st.one_of(st.none(), finite),
    qualifier=st.sampled_from([None, "up_to", "more_than", "about", "range"]),
    text=st.text(max_size=12),
)
def test_reach_never_crashes_and_holds_its_own_value(value, low, high, qualifier, text):
    claim = Claim(
        id="c",
        source_id="s",
        span=Span(0, len(text)),
        text=text,
        sentence=text,
        kind="money",
        extractor="test",
        quantity=Quantity(value, "USD", low, high, qualifier=qualifier),
    )
    found = reach(claim, KB)
    if found is None:
        return
    assert found.meets(found)
    if value is not None and low is None and high is None:
        assert found.low <= value <= found.high
        assert found.same_number(found)


@given(st.lists(st.tuples(finite, finite), min_size=2, max_size=2))
def test_meeting_is_symmetric(bounds):
    from factlint.match.intervals import Reach

    first, second = (Reach(min(pair), max(pair)) for pair in bounds)
    assert first.meets(second) == second.meets(first)
    assert (first.gap(second) == 0) == first.meets(second)


def _date_claim(text: str, days: tuple[int, int, int, int], precision: str, resolution: str) -> Claim:
    """A date claim from its first and last day, as (year, month, first day, last day)."""
    year, month, first, last = days
    time = TimeRef(text, dt.date(year, month, first), dt.date(year, month, last), precision, resolution)
    return Claim("d", "s", Span(0, len(text)), text, text, "date", "test", time=time)


def _day(year: int, month: int, day: int) -> float:
    return float(dt.date(year, month, day).toordinal())


def test_a_written_date_reaches_over_its_days_and_a_guessed_one_further() -> None:
    kb = default_knowledge()
    june = reach(_date_claim("June 2019", (2019, 6, 1, 30), "month", "absolute"), kb)
    assert (june.low, june.high) == (_day(2019, 6, 1), _day(2019, 6, 30))
    october = reach(_date_claim("in October", (2023, 10, 1, 31), "month", "relative"), kb)
    assert (october.low, october.high) == (_day(2022, 10, 1), _day(2024, 10, 31))
    thursday = reach(_date_claim("Thursday", (2025, 6, 12, 12), "day", "relative"), kb)
    assert (thursday.low, thursday.high) == (_day(2025, 6, 6), _day(2025, 6, 18))
    yesterday = reach(_date_claim("yesterday", (2025, 6, 12, 12), "day", "relative"), kb)
    assert yesterday.low == yesterday.high == _day(2025, 6, 12)
    leap = reach(_date_claim("February", (2024, 2, 1, 29), "month", "relative"), kb)
    assert leap.high == _day(2025, 2, 28)

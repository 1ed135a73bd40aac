"""The days a resolved date may mean: its own, and those its reader had to guess."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factlint.guessed import possible_days
from factlint.model import TimeRef

_TEXTS = st.sampled_from(
    ["19 June", "Thursday", "the fourth quarter", "2019", "June 2019", "yesterday", "August"]
)
_PRECISIONS = st.sampled_from(["day", "month", "quarter", "year", "season"])
_RESOLUTIONS = st.sampled_from(["absolute", "relative", "publication"])


def test_a_guessed_year_or_week_reaches_further_and_a_written_date_does_not() -> None:
    june = TimeRef("19 June", dt.date(2025, 6, 19), dt.date(2025, 6, 19), "day", "relative")
    assert possible_days(june) == (dt.date(2024, 6, 19), dt.date(2026, 6, 19))
    thursday = TimeRef("Thursday", dt.date(2025, 6, 12), dt.date(2025, 6, 12), "day", "relative")
    assert possible_days(thursday) == (dt.date(2025, 6, 6), dt.date(2025, 6, 18))
    written = TimeRef("19 June 2025", dt.date(2025, 6, 19), dt.date(2025, 6, 19), "day", "relative")
    assert possible_days(written) == (dt.date(2025, 6, 19), dt.date(2025, 6, 19))
    told = TimeRef("Thursday 19 June", dt.date(2025, 6, 19), dt.date(2025, 6, 19), "day", "absolute")
    assert possible_days(told) == (dt.date(2025, 6, 19), dt.date(2025, 6, 19))
    yesterday = TimeRef("yesterday", dt.date(2025, 6, 12), dt.date(2025, 6, 12), "day", "relative")
    assert possible_days(yesterday) == (dt.date(2025, 6, 12), dt.date(2025, 6, 12))
    assert possible_days(TimeRef("soon")) is None


@given(
    _TEXTS,
    st.dates(dt.date(1900, 1, 1), dt.date(2090, 12, 31)),
    st.integers(0, 400),
    _PRECISIONS,
    _RESOLUTIONS,
)
def test_the_possible_days_hold_the_resolved_ones(
    text: str, start: dt.date, length: int, precision: str, resolution: str
) -> None:
    end = start + dt.timedelta(days=length)
    first, last = possible_days(TimeRef(text, start, end, precision, resolution))  # type: ignore[misc]
    assert first <= start <= end <= last

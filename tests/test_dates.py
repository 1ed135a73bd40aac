"""The date module: whole written dates only, a partial date never completed, table cells."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.dates import (
    MONTHS,
    looks_dated,
    parse_iso,
    parse_written,
    read_moment,
    valid_month_day,
)

NOV_22 = dt.date(2024, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 22, 2024", (NOV_22, None)),
        ("Nov. 22, 2024 10:05 AM ET", (NOV_22, None)),
        ("Friday, November 22, 2024", (NOV_22, None)),
        ("22 November 2024", (NOV_22, None)),
        ("22nd Nov 2024", (NOV_22, None)),
        ("11/22/2024", (NOV_22, None)),
        ("22/11/2024", (NOV_22, None)),
        ("2024-11-22", (NOV_22, None)),
        ("2024-11-22T23:30:00-05:00", (NOV_22, None)),
        ("Nov 22", (None, "--11-22")),
        ("22 November", (None, "--11-22")),
    ],
)
def test_dates(text, expected):
    assert parse_written(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Reuters",
        "Summary",
        "Feb 30",
        "Feb 30, 2024",
        "March 3, 2024: markets fall",
        "May 5 rally",
        "2024-13-01",
        "13/13/2024",
        "19%",
        "Q3 2024",
        "in 2024",
        "",
    ],
)
def test_near_misses_are_not_dates(text):
    assert parse_written(text) == (None, None)


def test_iso_keeps_the_text_as_written():
    assert parse_iso("2025-07-10T19:45:18Z") == (dt.date(2025, 7, 10), "2025-07-10T19:45:18Z")
    assert parse_iso("2025-07-10 19:45") == (dt.date(2025, 7, 10), "2025-07-10 19:45")
    assert parse_iso("July 10") is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_written_forms_round_trip(day):
    assert parse_written(day.strftime("%B %d, %Y")) == (day, None)
    assert parse_written(day.strftime("%d %b %Y")) == (day, None)
    assert parse_iso(day.isoformat()) == (day, day.isoformat())


@given(st.text(max_size=80))
def test_never_raises(text):
    parse_written(text)


def test_month_names_and_their_short_forms():
    assert MONTHS["sept"] == MONTHS["sep"] == MONTHS["september"] == 9
    assert MONTHS["may"] == 5 and "mai" not in MONTHS
    assert valid_month_day(2, 29) and not valid_month_day(2, 30) and not valid_month_day(13, 1)


# --- table cells -------------------------------------------------------------------------------


def test_a_cell_is_read_only_when_it_looks_dated():
    assert looks_dated("12/1/11 2:06 PM") and looks_dated("March 2011") and looks_dated("2011-03-04")
    assert not looks_dated("March") and not looks_dated("1,204") and not looks_dated("Mayor 12")


def test_a_cell_moment_keeps_its_precision_and_offset():
    month = read_moment("March 2011")
    assert month is not None and month.period == "month"
    assert month.start == dt.datetime(2011, 3, 1) and month.seconds == 31 * 86_400
    time = read_moment("12/1/11 2:06 PM (-05:00)")
    assert time is not None and time.period == "time" and time.seconds == 60 and time.offset == -5 * 3600
    assert time.start == dt.datetime(2011, 12, 1, 14, 6)
    assert read_moment("no date here") is None

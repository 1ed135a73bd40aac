"""Written dates: whole dates only; a day and month without a year is partial, not completed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.ingest.dates import parse_iso, parse_written

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

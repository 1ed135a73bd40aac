"""The date module: whole written dates only, a partial date never completed, stated dates as ISO."""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.dates import (
    MONTHS,
    StatedDate,
    field_date,
    iso_date,
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
    field_date(text)
    with contextlib.suppress(ValueError):
        StatedDate.from_iso(text)


def test_month_names_and_their_short_forms():
    assert MONTHS["sept"] == MONTHS["sep"] == MONTHS["september"] == 9
    assert MONTHS["may"] == 5 and "mai" not in MONTHS
    assert valid_month_day(2, 29) and not valid_month_day(2, 30) and not valid_month_day(13, 1)


# --- a date as metadata states it --------------------------------------------------------------


def test_a_stated_date_keeps_its_moment_only_with_an_offset():
    stated = iso_date("2024-11-22T23:30:00-08:00")
    assert stated is not None and stated.day == NOV_22 and stated.iso == "2024-11-22T23:30:00-08:00"
    assert stated.moment is not None and stated.moment.utcoffset() == dt.timedelta(hours=-8)
    assert iso_date("2024-11-22T23:30:00Z").moment.utcoffset() == dt.timedelta(0)  # type: ignore[union-attr]
    assert iso_date("2024-11-22T23:30:00") == StatedDate("2024-11-22T23:30:00", NOV_22)
    assert iso_date("2024-11-22") == StatedDate.of_day(NOV_22)
    assert iso_date("November 22, 2024") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-22", StatedDate.of_day(NOV_22)),
        (" 12/30/2024 ", StatedDate.of_day(dt.date(2024, 12, 30))),
        ("Dec. 30, 2024", StatedDate.of_day(dt.date(2024, 12, 30))),
        ("30th December 2024", StatedDate.of_day(dt.date(2024, 12, 30))),
    ],
)
def test_a_field_that_is_one_date(text, expected):
    assert field_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "next week",
        "Nov 22",
        "November 22, 2024 10:05 AM",
        "Released November 22, 2024",
        "2024-02-30",
        "Q3 2024",
    ],
)
def test_a_field_that_is_more_or_less_than_a_date_is_none(text):
    assert field_date(text) is None


@pytest.mark.parametrize("iso", ["2024-11-22", "2024-11-23T10:00:00Z", "2025-07-10 19:45", "--02-29"])
def test_a_stated_date_is_its_iso_text(iso):
    stated = StatedDate.from_iso(iso)
    assert stated.iso == str(stated) == stated.isoformat() == iso
    assert StatedDate.from_iso(stated.iso) == stated and hash(StatedDate.from_iso(iso)) == hash(stated)
    assert pickle.loads(pickle.dumps(stated)) == stated


def test_a_partial_date_has_no_day():
    partial = StatedDate.from_iso("--11-22")
    assert partial.day is None and partial.whole_day is None and partial.moment is None


def test_only_a_date_without_a_time_is_a_whole_day():
    assert StatedDate.from_iso("2024-11-22").whole_day == NOV_22
    assert StatedDate.from_iso("2024-11-22T10:00:00Z").whole_day is None


@pytest.mark.parametrize(
    "text", ["", "--02-30", "--13-01", "2024-13-01", "Nov 22", "22/11/2024", "2024-11-22 soon"]
)
def test_what_is_not_a_stated_date_is_refused(text):
    with pytest.raises(ValueError):
        StatedDate.from_iso(text)


def test_a_stated_date_does_not_change():
    with pytest.raises(AttributeError):
        StatedDate.of_day(NOV_22).iso = "2024-11-23"  # type: ignore[misc]


@given(st.dates())
def test_iso_day_round_trips(day):
    stated = StatedDate.from_iso(day.isoformat())
    assert stated == StatedDate.of_day(day) and stated.day == day and stated.iso == day.isoformat()


OFFSETS = st.none() | st.integers(-14 * 60, 14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)


@given(st.datetimes(), OFFSETS)
def test_iso_date_time_round_trips(naive, zone):
    moment = naive.replace(tzinfo=zone)
    stated = StatedDate.from_iso(moment.isoformat())
    assert stated.iso == moment.isoformat() and stated.day == moment.date()
    assert stated.moment == (moment if zone is not None else None)
    assert StatedDate.from_iso(stated.iso) == stated


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

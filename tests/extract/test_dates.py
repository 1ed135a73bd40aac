"""Dates: absolute, quarters, years, decades and relative dates resolved against publication."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text

D = dt.date
PUBLISHED = D(2024, 11, 22)  # a Friday


def dates(text: str, published: dt.date | None = PUBLISHED):
    return [claim for claim in extract_text(text, published) if claim.kind == "date"]


@pytest.mark.parametrize(
    ("text", "quote", "start", "end", "precision", "resolution"),
    [
        (
            "published November 22, 2024",
            "November 22, 2024",
            D(2024, 11, 22),
            D(2024, 11, 22),
            "day",
            "absolute",
        ),
        (
            "at 2025-07-10T19:45:18Z",
            "2025-07-10T19:45:18Z",
            D(2025, 7, 10),
            D(2025, 7, 10),
            "day",
            "absolute",
        ),
        ("dated 12/30/2024", "12/30/2024", D(2024, 12, 30), D(2024, 12, 30), "day", "absolute"),
        ("on Nov. 4, 2024,", "Nov. 4, 2024", D(2024, 11, 4), D(2024, 11, 4), "day", "absolute"),
        ("in December 2023", "December 2023", D(2023, 12, 1), D(2023, 12, 31), "month", "absolute"),
        ("revenue in Q3 2024", "Q3 2024", D(2024, 7, 1), D(2024, 9, 30), "quarter", "absolute"),
        (
            "in the first quarter of 2025",
            "the first quarter of 2025",
            D(2025, 1, 1),
            D(2025, 3, 31),
            "quarter",
            "absolute",
        ),
        ("since the 1990s", "the 1990s", D(1990, 1, 1), D(1999, 12, 31), "decade", "absolute"),
        ("by 2032", "2032", D(2032, 1, 1), D(2032, 12, 31), "year", "absolute"),
        ("between 2021-2023", "2021-2023", D(2021, 1, 1), D(2023, 12, 31), "year", "absolute"),
        ("said on Monday", "Monday", D(2024, 11, 18), D(2024, 11, 18), "day", "relative"),
        ("it will report on Thursday", "Thursday", D(2024, 11, 28), D(2024, 11, 28), "day", "relative"),
        ("last November, Microsoft", "last November", D(2023, 11, 1), D(2023, 11, 30), "month", "relative"),
        ("earlier this month", "earlier this month", D(2024, 11, 1), D(2024, 11, 22), "month", "relative"),
        ("growth last year", "last year", D(2023, 1, 1), D(2023, 12, 31), "year", "relative"),
        ("it closed yesterday", "yesterday", D(2024, 11, 21), D(2024, 11, 21), "day", "relative"),
        (
            "results for the fourth quarter",
            "the fourth quarter",
            D(2024, 10, 1),
            D(2024, 12, 31),
            "quarter",
            "relative",
        ),
        ("sales rose on July 10", "July 10", D(2024, 7, 10), D(2024, 7, 10), "day", "relative"),
    ],
)
def test_dates(text, quote, start, end, precision, resolution):
    [claim] = dates(text)
    time = claim.time
    assert (claim.text, time.start, time.end, time.precision, time.resolution) == (
        quote,
        start,
        end,
        precision,
        resolution,
    )


def test_without_a_publication_date_relative_dates_stay_unresolved():
    [claim] = dates("in a statement released on monday", None)
    assert claim.time.resolution == "unresolved" and claim.time.start is None


def test_a_date_relative_to_an_event_is_unresolved():
    [claim] = dates("just two months before this latest investment")
    assert claim.text == "two months before" and claim.time.resolution == "unresolved"


@pytest.mark.parametrize(
    "text",
    [
        "He may leave.",
        "a march on the capital",
        "The Vision 2030 plan",
        "COVID-19",
        "call 555-2024",
        "It costs $2024.",
        "a 2,024-seat hall",
    ],
)
def test_near_misses_are_not_dates(text):
    assert dates(text) == []


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)))
def test_written_dates_round_trip(day):
    for written in (day.strftime("%B %-d, %Y"), day.isoformat(), day.strftime("%-d %B %Y")):
        [claim] = dates(f"It happened on {written}.", None)
        assert (claim.text, claim.time.start, claim.time.end) == (written, day, day)


TOKENS = [
    "the",
    "first",
    "quarter",
    "of",
    "2024",
    "Q3",
    "last",
    "November",
    "monday",
    "a",
    "two",
    "weeks",
    "ago",
    "earlier",
    "this",
    "month",
    "May",
    "12/30/2024",
    "1990s",
    "-",
    ",",
    ".",
    " ",
    "\n",
    "Nov.",
    "22",
    "2025-07-10T19:45:18Z",
    "$",
    "year",
    "to",
    "and",
    "x1",
    "later",
]


@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join))
def test_scanning_at_triggers_finds_what_a_full_scan_finds(text):
    from factlint.extract.dates import _pattern, date_matches

    assert [m.span() for m in date_matches(text)] == [m.span() for m in _pattern().finditer(text)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The chipmaker said on Monday that it will invest $400 million.", D(2024, 11, 18)),
        ("It announced Tuesday it would build a plant.", D(2024, 11, 19)),
        ("The company will invest $5 million on Monday.", D(2024, 11, 25)),  # the future still looks ahead
        ("It said it will report on Thursday.", D(2024, 11, 28)),
    ],
)
def test_a_weekday_after_a_verb_of_saying_belongs_to_that_past_verb(text, day):
    [claim] = dates(text)
    assert claim.time.start == claim.time.end == day


@pytest.mark.parametrize(
    ("text", "quote", "day"),
    [
        ("Members approved the plan on Thursday 19 June.", "Thursday 19 June", dt.date(2025, 6, 19)),
        ("The board met on Wednesday, June 18.", "Wednesday, June 18", dt.date(2025, 6, 18)),
        ("He spoke on Sunday 5 January.", "Sunday 5 January", dt.date(2025, 1, 5)),
        ("It was held on Wednesday 19 June.", "Wednesday 19 June", dt.date(2024, 6, 19)),
    ],
)
def test_a_weekday_written_with_a_day_tells_its_year(text, quote, day):
    (claim,) = [claim for claim in extract_text(text, dt.date(2025, 6, 11)) if claim.kind == "date"]
    assert (claim.text.rstrip("."), claim.time.start) == (quote, day)


def test_a_day_without_its_weekday_or_year_is_still_read_back():
    (claim,) = [
        claim
        for claim in extract_text("It was held on 19 June.", dt.date(2025, 6, 11))
        if claim.kind == "date"
    ]
    assert claim.time.start == dt.date(2024, 6, 19)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The board meets on Thursday 19 June.", "Thursday 19 June"),  # the full stop is the sentence's
        ("It was signed on 3 Dec. in Paris.", "3 Dec."),  # an abbreviation keeps its dot
        ("It opened on Sept. 5, 2024.", "Sept. 5, 2024"),
        ("It closed on May 3.", "May 3"),
    ],
)
def test_a_date_quote_ends_at_its_month_unless_the_month_is_abbreviated(text, quote):
    (claim,) = [claim for claim in extract_text(text, dt.date(2025, 6, 11)) if claim.kind == "date"]
    assert claim.text == quote

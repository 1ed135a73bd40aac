"""The time a claim speaks of: a date in its clause or leading clause, else publication."""

from __future__ import annotations

import datetime as dt

import pytest

from factlint.extract import extract_text

PUBLISHED = dt.date(2024, 11, 22)


def when(text: str, quote: str, published: dt.date | None = PUBLISHED):
    [claim] = [claim for claim in extract_text(text, published) if claim.text == quote]
    time = claim.refers_to
    return None if time is None else (time.start, time.end, time.resolution)


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            "Amazon's cloud revenue grew 19% to $27.5 billion in Q3 2024.",
            "$27.5 billion",
            (dt.date(2024, 7, 1), dt.date(2024, 9, 30), "absolute"),
        ),
        (
            "As of 12:30 p.m. ET on July 10, 2025, the stock was trading at $203.19.",
            "$203.19",
            (dt.date(2025, 7, 10), dt.date(2025, 7, 10), "absolute"),
        ),
        (
            "Total investment: $8 billion (including previous $4B from September 2023)",
            "$8 billion",
            (PUBLISHED, PUBLISHED, "publication"),
        ),
        (
            "Total investment: $8 billion (including previous $4B from September 2023)",
            "$4B",
            (dt.date(2023, 9, 1), dt.date(2023, 9, 30), "absolute"),
        ),
        (
            "Amazon had already invested $8 billion in the startup.",
            "$8 billion",
            (None, dt.date(2024, 11, 21), "before_publication"),
        ),
        ("Amazon invested $4 billion in the startup.", "$4 billion", (PUBLISHED, PUBLISHED, "publication")),
        # a past date is no time of what a later verb phrase says will be
        (
            "The family, who bought the club in 1998 and will keep 20%, agreed the sale.",
            "20%",
            (PUBLISHED, PUBLISHED, "publication"),
        ),
        (
            "The family bought the club in 1998 and paid $4 million for it.",
            "$4 million",
            (dt.date(1998, 1, 1), dt.date(1998, 12, 31), "absolute"),
        ),
        # a future date stays the time of the future phrase that follows it
        (
            "The plant is due to open next year and will have a capacity of 1.6 GW.",
            "1.6 GW",
            (dt.date(2025, 1, 1), dt.date(2025, 12, 31), "relative"),
        ),
    ],
)
def test_refers_to(text, quote, expected):
    assert when(text, quote) == expected


def test_without_a_publication_date_an_undated_claim_has_no_time():
    assert when("Amazon invested $4 billion.", "$4 billion", None) is None


def test_a_stock_move_in_after_hours_trading_speaks_of_that_session():
    [claim] = [
        c
        for c in extract_text("AWS stock rose 3.2% in after-hours trading.", PUBLISHED)
        if c.kind == "percent"
    ]
    assert claim.refers_to.precision == "session" and "after-hours" in claim.refers_to.text
    assert (claim.refers_to.start, claim.refers_to.end) == (PUBLISHED, PUBLISHED)


def test_a_vague_horizon_is_a_date_without_bounds():
    [claim] = [
        c for c in extract_text("In the coming years, users will see it.", PUBLISHED) if c.kind == "date"
    ]
    assert claim.text == "the coming years" and claim.time.resolution == "unresolved"

"""Percentages, percentage points and basis points; and numbers that are not percentages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text


def percent(text: str):
    return [claim for claim in extract_text(text) if claim.kind == "percent"]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        ("cloud revenue grew 19% year-over-year", "19%", 19, "percent", None),
        ("shares were up 3.2 percent", "3.2 percent", 3.2, "percent", None),
        ("up by $1.37 (0.68%)", "0.68%", 0.68, "percent", None),
        ("a rise of 12 per cent", "12 per cent", 12, "percent", None),
        ("unemployment fell 0.3 percentage points", "0.3 percentage points", 0.3, "pp", None),
        ("the bank cut rates by 25 basis points", "25 basis points", 25, "bp", None),
        ("turnout of more than 60%", "60%", 60, "percent", "more_than"),
        ("about 40% of voters", "40%", 40, "percent", "about"),
        ("UP 5 PCT IN MARCH", "5 PCT", 5, "percent", None),
        ("twenty percent of voters", "twenty percent", 20, "percent", None),
        ("forty-five per cent", "forty-five per cent", 45, "percent", None),
        ("one hundred percent", "one hundred percent", 100, "percent", None),
    ],
)
def test_percentages(text, quote, value, unit, qualifier):
    [claim] = percent(text)
    assert (claim.text, claim.quantity.value, claim.quantity.unit, claim.quantity.qualifier) == (
        quote,
        pytest.approx(value),
        unit,
        qualifier,
    )
    assert text[claim.span.start : claim.span.end] == quote


@pytest.mark.parametrize("text", ["growth of 3-5% a year", "it would win 3% to 5% of the vote"])
def test_percent_range(text):
    [claim] = percent(text)
    assert claim.quantity.qualifier == "range" and (claim.quantity.low, claim.quantity.high) == (3, 5)


def test_from_one_percentage_to_another_is_two_values():
    claims = percent("the rate rose from 5% to 7% last year")
    assert [(claim.text, claim.quantity.value) for claim in claims] == [("5%", 5), ("7%", 7)]


@pytest.mark.parametrize(
    "text",
    ["COVID-19 spread", "a top 10 list", "version 3.11", "won 3-2", "the 2024 election", "100 points"],
)
def test_near_misses_are_not_percentages(text):
    assert percent(text) == []


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("Profit fell by a third.", "a third", 33.333),
        ("It cut costs by two-thirds.", "two-thirds", 66.667),
        ("Sales rose by half.", "half", 50),
    ],
)
def test_changes_written_as_fractions(text, quote, value):
    [claim] = percent(text)
    assert (claim.text, claim.quantity.value, claim.quantity.unit) == (quote, value, "percent")


@pytest.mark.parametrize("text", ["a third of voters", "half an inch of rain", "the first quarter"])
def test_fractions_without_a_change_are_not_percentages(text):
    assert percent(text) == []


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("the yield rose to 8 13/16% on Tuesday", "8 13/16%", 8.8125),
        ("it fell 13/16% in late trading", "13/16%", 0.8125),
        ("a coupon of 5 1/2 percent", "5 1/2 percent", 5.5),
    ],
)
def test_a_fraction_of_a_percent_is_read_whole(text, quote, value):
    (claim,) = percent(text)
    assert (claim.text, claim.quantity.value) == (quote, value)
    assert claim.quantity.precision.step == 1 / int(quote.split("/")[1].split("%")[0].split()[0])


@pytest.mark.parametrize(
    "text",
    ["three in 4/5 of the cases", "open 24/7 all year", "3/4 of voters", "on 12/25/2024 at noon"],
)
def test_a_fraction_without_a_percent_is_no_percentage(text):
    assert percent(text) == []


@given(st.integers(0, 99), st.integers(1, 63), st.integers(1, 64))
def test_any_mixed_fraction_percentage_has_its_value_and_its_quote(whole, numerator, denominator):
    text = f"The rate rose to {whole} {numerator}/{denominator}% on Monday."
    (claim,) = percent(text)
    assert text[claim.span.start : claim.span.end] == claim.text == f"{whole} {numerator}/{denominator}%"
    assert claim.quantity.value == pytest.approx(whole + numerator / denominator)

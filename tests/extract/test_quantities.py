"""Quantities: measures and counts with units, number words, ranges, vague amounts; and names."""

from __future__ import annotations

import pytest

from factlint.extract import extract_text


def quantities(text: str):
    return [claim for claim in extract_text(text) if claim.kind == "quantity"]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        ("secured up to 5 gigawatts of capacity", "5 gigawatts", 5, "gigawatt", "up_to"),
        ("a 2.7GW cluster", "2.7GW", 2.7, "gigawatt", None),
        ("meet the 5-gigawatt power requirement", "5-gigawatt", 5, "gigawatt", None),
        ("nearly 1 gigawatt of chips", "1 gigawatt", 1, "gigawatt", "nearly"),
        ("including 100,000 enterprise customers", "100,000 enterprise customers", 1e5, "customer", None),
        ("volume stood at 18.7 million shares", "18.7 million shares", 18.7e6, "share", None),
        ("two reactors came online", "two reactors", 2, "reactor", None),
        ("a dozen turbines", "a dozen turbines", 12, "turbine", None),
        ("half an inch of rain", "half an inch", 0.5, "inch", None),
        ("temperatures of minus 12C", "minus 12C", -12, "degree_c", None),
        ("it reached 118 degrees Fahrenheit", "118 degrees Fahrenheit", 118, "degree_f", None),
        ("1,500 people were evacuated", "1,500 people", 1500, "person", None),
        ("the 299-seat parliament", "299-seat", 299, "seat", None),
        ("he has won 24 Grand Slam titles", "24 Grand Slam titles", 24, "title", None),
        ("over the next ten years", "ten years", 10, "year", None),
        ("25 to 28 degrees Celsius", "25 to 28 degrees Celsius", None, "degree_c", "range"),
        ("at least 40 countries", "40 countries", 40, "country", "at_least"),
        ("5 terawatt hours a year", "5 terawatt hours", 5, "terawatt_hour", None),
        ("2 million barrels per day", "2 million barrels per day", 2e6, "barrel_per_day", None),
        ("500 square miles of forest", "500 square miles", 500, "mile2", None),
        ("more than two hundred people", "two hundred people", 200, "person", "more_than"),
        ("nearly two dozen lawmakers", "two dozen lawmakers", 24, "lawmaker", "nearly"),
        ("twenty-five people", "twenty-five people", 25, "person", None),
        ("it fell to −5C", "−5C", -5, "degree_c", None),
        ("5 to 10 million barrels", "5 to 10 million barrels", None, "barrel", "range"),
    ],
)
def test_quantities(text, quote, value, unit, qualifier):
    [claim] = quantities(text)
    quantity = claim.quantity
    assert (claim.text, quantity.unit, quantity.qualifier) == (quote, unit, qualifier)
    assert quantity.value == (None if value is None else pytest.approx(value))
    assert text[claim.span.start : claim.span.end] == quote


def test_a_time_later_in_the_sentence_is_not_the_unit_of_a_count():
    claims = extract_text("The storm killed 12 people last week.")
    assert [(claim.kind, claim.text) for claim in claims] == [
        ("quantity", "12 people"),
        ("date", "last week"),
    ]


@pytest.mark.parametrize(("text", "low", "high"), [("around -10C", -11, -9), ("up to -5C", None, -5)])
def test_negative_values_keep_ordered_intervals(text, low, high):
    [claim] = quantities(text)
    assert (claim.quantity.low, claim.quantity.high) == (low, high)


def test_vague_counts_keep_no_value():
    [claim] = quantities("It is buying tens of thousands of chips.")
    assert claim.quantity.vague and claim.quantity.value is None and claim.quantity.unit == "chip"


def test_money_and_percentages_are_not_also_quantities():
    claims = extract_text("It paid $4 billion, 19% more, for 5 gigawatts.")
    assert [(claim.kind, claim.text) for claim in claims] == [
        ("money", "$4 billion"),
        ("percent", "19%"),
        ("quantity", "5 gigawatts"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A 45-year-old man was arrested.",
        "In 2023 sales rose sharply.",
        "The Boeing 737 MAX 9 jets were grounded.",
        "Shares of FTSE 100 companies were mixed.",
        "The PlayStation 5 remains hard to find.",
        "They are among the top 10 companies.",
        "The House passed H.R. 1 along party lines.",
        "The 24 Hours of Le Mans is the oldest endurance race.",
        "according to three people familiar with the matter",
        "Five of them said no.",
        "The team won 3-2 at 3 p.m.",
        "COVID-19 cases rose.",
        "It will deliver 12 F-35 jets.",
        "a 5 gw plant and about 3 c warmer",
        "The S&P 500 companies rose.",
        "the 2024 fiscal year",
        "at 10:30 hours",
        "3 000 jobs",
    ],
)
def test_names_ages_years_and_sources_are_not_quantities(text):
    assert quantities(text) == []

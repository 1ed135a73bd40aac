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
        ("10 000 people were evacuated", "10 000 people", 10_000, "person", None),
        ("3 000 jobs", "3 000 jobs", 3000, "job", None),
        ("at least eight current or former aides", "eight current or former aides", 8, "aide", "at_least"),
        ("ten large and small companies", "ten large and small companies", 10, "company", None),
        ("a crowd of 1\u202f200\u202f000 people", "1\u202f200\u202f000 people", 1_200_000, "person", None),
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
    ],
)
def test_names_ages_years_and_sources_are_not_quantities(text):
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "quote", "value", "qualifier"),
    [
        ("The quake killed 23 people and injured 148, officials said.", "148", 148, None),
        ("It struck before dawn, killing 23 and injuring 148.", "23", 23, None),
        ("killing at least 23 in the province", "23", 23, "at_least"),
        ("Strong earthquake kills 23 in Seravia's Tarvessa province", "23", 23, None),
        ("The death toll has risen to 40.", "40", 40, None),
        ("The death toll from Monday's earthquake rose to 52 on Wednesday.", "52", 52, None),
        ("Authorities report a death toll of 52.", "52", 52, None),
        (
            "The number of people killed by the 6.9-magnitude quake has risen to 40, the ministry said.",
            "40",
            40,
            None,
        ),
        ("Death toll reaches 52 as aid arrives", "52", 52, None),
        ("The storm left 40 dead.", "40", 40, None),
    ],
)
def test_a_bare_number_after_a_casualty_cue_counts_people(text, quote, value, qualifier):
    [claim] = [claim for claim in quantities(text) if claim.text == quote]
    assert (claim.quantity.value, claim.quantity.unit, claim.quantity.qualifier) == (
        value,
        "person",
        qualifier,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Article 40 was killed off by the committee.",  # a name word before the number
        "Route 52 was closed after the death toll rose.",
        "The death toll rose to 2019 levels.",  # a year
        "The attack killed a 23-year-old man.",  # an age
        "The death toll was 5.2 per thousand.",  # not a whole count
        "It was killed at 3:42 a.m.",  # a clock
        "The toll road costs 40 a day and rose to 52.",  # a road toll is no death toll
        "Prices have risen to 40 this week.",  # no casualty cue
        "The number of cases rose to 40.",  # cases are not people by these rules
        "He was injured on March 3.",  # a date
    ],
)
def test_bare_numbers_without_a_casualty_cue_are_no_counts(text):
    assert [claim.text for claim in quantities(text) if claim.quantity.unit == "person"] == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("A magnitude 6.9 earthquake struck.", "6.9"),
        ("Magnitude 6.9 quake hits the coast", "6.9"),
        ("The 6.9 magnitude quake hit.", "6.9 magnitude"),
        ("Monday's 6.9-magnitude earthquake", "6.9-magnitude"),
    ],
)
def test_a_unit_may_stand_before_its_number(text, quote):
    [claim] = quantities(text)
    assert (claim.text, claim.quantity.value, claim.quantity.unit) == (quote, 6.9, "magnitude")


def test_a_large_bare_number_counts_what_the_count_before_it_counts():
    claims = quantities("She won 2.09 million votes, against 1.87 million for her rival, and 12 in all.")
    assert [(claim.text, claim.quantity.value, claim.quantity.unit) for claim in claims] == [
        ("2.09 million votes", 2.09e6, "vote"),
        ("1.87 million", 1.87e6, "vote"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It has 150 seats in parliament, and 1,200 more.", ["150 seats"]),  # more words between
        ("It sold 5 cars and 3 vans.", ["5 cars", "3 vans"]),  # the next number has its own noun
        ("It sold 5 cars and 3 in May.", ["5 cars"]),  # a small number, no scale or separators
        ("He scored 3 and then 4 goals.", ["4 goals"]),  # "and" joins describing words only
        ("It sold 5 and 3 cars.", ["3 cars"]),
    ],
)
def test_numbers_that_do_not_continue_a_count(text, expected):
    assert [claim.text for claim in quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 5 1000-litre tanks burst.", []),  # a space groups exactly three digits
        ("In 2019 100 people died.", []),  # a year is no group of thousands (nor is what follows)
        ("Call 020 7946 0958 for tickets.", []),  # a telephone number
        ("Between 3 and 300 000 people came.", ["300 000 people"]),
    ],
)
def test_digits_a_space_apart_that_are_no_grouped_thousands(text, expected):
    found = quantities(text)
    assert [claim.text for claim in found] == expected
    assert all(claim.quantity.value != 19_100 for claim in found)


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("A 45-year-old man was arrested.", "45-year-old", 45),
        ("grabbed a four-year-old boy", "four-year-old", 4),
        ("a six-month-old baby", "six-month-old", 6),
    ],
)
def test_an_age_is_a_figure_in_years_or_months(text, quote, value):
    (claim,) = quantities(text)
    assert (claim.text, claim.quantity.value, claim.extractor) == (quote, value, "quantity.age")


def test_a_hyphenated_measure_that_is_no_age_stays_out():
    assert [claim.text for claim in quantities("a 5-mile-old road")] == []
    assert [claim.text for claim in quantities("among 18- to 24-year-olds")] == []

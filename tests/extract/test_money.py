"""Money: amounts, currencies, scales, qualifiers as intervals, ranges; and what is not money."""

from __future__ import annotations

import pytest

from factlint.extract import extract_text

B = 1e9


def money(text: str):
    return [claim for claim in extract_text(text) if claim.kind == "money"]


def one(text: str):
    found = money(text)
    assert len(found) == 1, [claim.text for claim in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("Amazon invested $8 billion in Anthropic.", "$8 billion", 8 * B, "USD"),
        ("The fund raised $8B last year.", "$8B", 8 * B, "USD"),
        ("It paid US$4bn in cash.", "US$4bn", 4 * B, "USD"),
        ("a deal worth 8 billion dollars", "8 billion dollars", 8 * B, "USD"),
        ("a market of $1.3 trillion by 2032", "$1.3 trillion", 1.3e12, "USD"),
        ("a grant of €2.5m for research", "€2.5m", 2.5e6, "EUR"),
        ("a salary of £300,000 a year", "£300,000", 3e5, "GBP"),
        ("a $10-billion acquisition", "$10-billion", 10 * B, "USD"),
        ("bonds worth 500 million euros", "500 million euros", 5e8, "EUR"),
        ("sales of ¥2.1 trillion", "¥2.1 trillion", 2.1e12, "JPY"),
        ("revenue of C$1.2 billion", "C$1.2 billion", 1.2 * B, "CAD"),
        ("the stock closed at $203.19.", "$203.19", 203.19, "USD"),
        ("amazon has already invested $8 billion in this ai startup", "$8 billion", 8 * B, "USD"),
        ("a loan of USD 40 million", "USD 40 million", 4e7, "USD"),
        ("The bid values it at 410 pence per share", "410 pence", 4.10, "GBP"),
        ("earnings per share of 85 cents", "85 cents", 0.85, "USD"),
        ("net income rose to 1.02 billion francs", "1.02 billion francs", 1.02 * B, "CHF"),
        ("it will invest 3 trillion won in a plant", "3 trillion won", 3e12, "KRW"),
        ("a grant of five million yen", "five million yen", 5e6, "JPY"),
        ("bonds worth 6.65 billion pesetas", "6.65 billion pesetas", 6.65 * B, "ESP"),
        ("it cost 100 chinese yuan", "100 chinese yuan", 100, "CNY"),
        ("a coin worth 50 euro cents", "50 euro cents", 0.5, "EUR"),
        ("it will spend Rs. 500 crore", "Rs. 500 crore", 5e9, "INR"),
    ],
)
def test_amounts(text, quote, value, unit):
    claim = one(text)
    assert (claim.text, claim.quantity.value, claim.quantity.unit) == (quote, pytest.approx(value), unit)
    assert (claim.quantity.low, claim.quantity.high) == (pytest.approx(value), pytest.approx(value))
    assert text[claim.span.start : claim.span.end] == quote


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high", "low_closed", "high_closed"),
    [
        ("an additional investment of up to $25 billion", "up_to", 0, 25 * B, True, True),
        ("as much as $25 billion", "up_to", 0, 25 * B, True, True),
        ("plans to spend more than $100 billion", "more_than", 100 * B, None, False, True),
        ("revenue exceeding $30 billion", "more_than", 30 * B, None, False, True),
        ("at least $5 billion", "at_least", 5 * B, None, True, True),
        ("fewer than 20 deals topped $1 billion", "more_than", 1 * B, None, False, True),
        ("$5 billion or more", "at_least", 5 * B, None, True, True),
        ("sources suggest $40+ billion", "at_least", 40 * B, None, True, True),
        ("less than $2 million", "less_than", 0, 2e6, True, False),
        ("nearly $1 billion", "nearly", 0.9 * B, 1 * B, True, False),
        ("valued at approximately $380 billion", "about", 342 * B, 418 * B, True, True),
        ("about $200 billion for the full year", "about", 180 * B, 220 * B, True, True),
        ("an estimated $3 billion", "about", 2.7 * B, 3.3 * B, True, True),
    ],
)
def test_qualifiers_make_intervals(text, qualifier, low, high, low_closed, high_closed):
    quantity = one(text).quantity
    assert quantity.qualifier == qualifier
    assert quantity.low == pytest.approx(low)
    assert quantity.high == (None if high is None else pytest.approx(high))
    assert (quantity.low_closed, quantity.high_closed) == (low_closed, high_closed)


@pytest.mark.parametrize(
    ("text", "quote", "low", "high"),
    [
        ("a deal of $5-10 billion", "$5-10 billion", 5 * B, 10 * B),
        ("between $5 and $10 billion", "$5 and $10 billion", 5 * B, 10 * B),
        ("a deal of $5 billion to $10 billion", "$5 billion to $10 billion", 5 * B, 10 * B),
        ("a deal of $5 to 10 billion", "$5 to 10 billion", 5 * B, 10 * B),
        ("fluctuating between $204.66 and $201.22", "$204.66 and $201.22", 201.22, 204.66),
    ],
)
def test_ranges(text, quote, low, high):
    claim = one(text)
    assert claim.text == quote and claim.quantity.qualifier == "range"
    assert claim.quantity.value is None
    assert (claim.quantity.low, claim.quantity.high) == (pytest.approx(low), pytest.approx(high))


def test_from_one_amount_to_another_is_a_change_not_a_range():
    found = money("It raised its offer from $25 to $30 a share.")
    assert [(claim.text, claim.quantity.qualifier) for claim in found] == [("$25", None), ("$30", None)]


def test_two_amounts_joined_by_and_stay_two():
    found = money("It paid $4 billion and $8 billion in all.")
    assert [claim.text for claim in found] == ["$4 billion", "$8 billion"]


def test_an_amount_followed_by_an_unrelated_number_is_no_range():
    assert one("It paid $4 billion – 10 times more.").text == "$4 billion"
    assert one("It lent $5 billion to 10 countries.").text == "$5 billion"


def test_vague_amounts_keep_no_value():
    quantity = one("It will spend billions of dollars on chips.").quantity
    assert quantity.vague and quantity.value is None and quantity.low is None


@pytest.mark.parametrize(
    "text",
    [
        "Call 555-0100 for details.",
        "The Boeing 737 MAX returned to service in 2020.",
        "Dollar stores gained as the euro zone slowed.",
        "He is 45 and lives at 1600 Pennsylvania Avenue.",
        "Python 3.11 and iOS 17.2 were released.",
        "The score was 3-2 after 90 minutes.",
        "COVID-19 cases rose in the G7.",
        "a billion-dollar question",
        "Section 230 of the act, H.R. 1",
        "It costs $ a lot",
    ],
)
def test_near_misses_are_not_money(text):
    assert money(text) == []

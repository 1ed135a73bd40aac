"""Typed values from table cells: numbers, money, percentages, dates and times, text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.knowledge import default_knowledge
from factlint.structured.values import in_utc, parse_value

KB = default_knowledge()


def test_numbers_money_and_percentages_are_typed():
    assert parse_value("1,234", KB).quantity.value == 1234
    assert parse_value("-12.5", KB).kind == "number"
    money = parse_value("$1.2 billion", KB)
    assert money.kind == "money" and money.quantity.value == 1.2e9 and money.quantity.unit == "USD"
    assert parse_value("USD 4bn", KB).quantity.value == 4e9
    percent = parse_value("about 40%", KB)
    assert percent.kind == "percent" and (percent.quantity.low, percent.quantity.high) == (36, 44)


def test_a_qualifier_column_makes_an_interval():
    value = parse_value("100", KB, qualifier="more than")
    assert (value.quantity.low, value.quantity.high, value.quantity.qualifier) == (100, None, "more_than")
    assert parse_value("25", KB, qualifier="up_to").quantity.high == 25


def test_the_same_time_with_and_without_an_offset_is_the_same_reading():
    aware, bare = parse_value("12/1/11 2:06 PM (-05:00)", KB), parse_value("12/01/2011 02:06 PM", KB)
    assert aware.kind == bare.kind == "datetime"
    assert aware.quantity.value == bare.quantity.value and aware.offset == -18000 and bare.offset is None
    assert in_utc(aware).quantity.value == aware.quantity.value + 5 * 3600


def test_dates_keep_their_precision_as_an_interval():
    month = parse_value("March 2024", KB).quantity
    assert month.high - month.low == 31 * 86400 - 1
    day = parse_value("2024-03-05", KB).quantity
    assert day.high - day.low == 86400 - 1


def test_names_and_words_are_text_not_dates():
    for cell in ("Knuth, Donald E.", "Mark May", "March Hare", "Not a date 5"):
        assert parse_value(cell, KB).kind == "text", cell
    assert parse_value("", KB).kind == "empty"


@given(st.text(max_size=40))
def test_any_cell_is_typed_without_crashing(cell):
    value = parse_value(cell, KB)
    assert value.kind in {"empty", "number", "money", "percent", "date", "datetime", "text"}
    if value.quantity is not None and value.quantity.low is not None and value.quantity.high is not None:
        assert value.quantity.low <= value.quantity.high

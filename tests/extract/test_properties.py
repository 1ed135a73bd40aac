"""Properties: generated amounts round-trip to their value; spans point at quotes; nothing raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.knowledge import default_knowledge

KB = default_knowledge()
SCALES = [
    ("", 1.0),
    (" thousand", 1e3),
    (" million", 1e6),
    (" billion", 1e9),
    (" trillion", 1e12),
    ("m", 1e6),
    ("bn", 1e9),
    ("B", 1e9),
    (" mn", 1e6),
    ("k", 1e3),
]
SYMBOLS = [("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")]
numbers = st.decimals(min_value=0, max_value=999_999, places=2, allow_nan=False).map(
    lambda number: number.normalize() if number == number.to_integral() else number
)
contexts = st.sampled_from(
    ["The deal was worth {}.", "{} in cash", "it paid {} yesterday", "Revenue: {}", "({})"]
)


def written(number, grouping: str = ",") -> str:
    text = f"{number:f}"
    whole, _, fraction = text.partition(".")
    whole = f"{int(whole):,}".replace(",", grouping)
    return f"{whole}.{fraction}" if fraction else whole


@settings(max_examples=300)
@given(number=numbers, scale=st.sampled_from(SCALES), symbol=st.sampled_from(SYMBOLS), context=contexts)
def test_money_round_trips(number, scale, symbol, context):
    quote = f"{symbol[0]}{written(number)}{scale[0]}"
    text = context.format(quote)
    claims = [claim for claim in extract_text(text) if claim.kind == "money"]
    assert [claim.text for claim in claims] == [quote]
    quantity = claims[0].quantity
    assert quantity.unit == symbol[1]
    assert abs(quantity.value - float(number) * scale[1]) <= 1e-9 * max(1.0, abs(quantity.value))


@settings(max_examples=200)
@given(
    number=numbers,
    grouping=st.sampled_from([" ", "\u00a0", "\u202f", "\u2009"]),
    symbol=st.sampled_from(SYMBOLS),
    context=contexts,
)
def test_thousands_grouped_by_spaces_round_trip(number, grouping, symbol, context):
    quote = f"{symbol[0]}{written(number, grouping)}"
    claims = [claim for claim in extract_text(context.format(quote)) if claim.kind == "money"]
    assert [claim.text for claim in claims] == [quote]
    assert abs(claims[0].quantity.value - float(number)) < 1e-9


@settings(max_examples=200)
@given(
    number=numbers,
    unit=st.sampled_from(
        [("%", "percent"), (" percent", "percent"), (" percentage points", "pp"), (" basis points", "bp")]
    ),
    context=contexts,
)
def test_percent_round_trips(number, unit, context):
    quote = f"{written(number)}{unit[0]}"
    claims = [claim for claim in extract_text(context.format(quote)) if claim.kind == "percent"]
    assert [claim.text for claim in claims] == [quote]
    assert claims[0].quantity.unit == unit[1]
    assert abs(claims[0].quantity.value - float(number)) < 1e-9


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_and_spans_point_at_quotes(text):
    for claim in extract_text(text, dt.date(2024, 11, 22)):
        assert text[claim.span.start : claim.span.end] == claim.text
        assert claim.text in claim.sentence
        quantity, time = claim.quantity, claim.time
        assert (quantity is None) != (time is None)
        if quantity is not None and quantity.low is not None and quantity.high is not None:
            assert quantity.low <= quantity.high
        if time is not None and time.start is not None:
            assert time.end is not None and time.start <= time.end


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "$",
                "€",
                "5",
                "0",
                ",",
                ".",
                " ",
                "-",
                "billion",
                "bn",
                "m",
                "%",
                "up to",
                "more than",
                "about",
                "between",
                "and",
                "to",
                "+",
                "percent",
                "dollars",
                "US$",
                "\n",
                "a",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_number_soup_never_raises(text):
    for claim in extract_text(text):
        assert text[claim.span.start : claim.span.end] == claim.text


@settings(max_examples=100)
@given(
    sentence=st.sampled_from(["Amazon invested $8 billion in 2024.", "Growth was 19% to 5 gigawatts."]),
    copies=st.integers(1, 4),
)
def test_a_repeated_passage_gives_one_claim_with_occurrences(sentence, copies):
    text = "\n\n".join([sentence] * copies)
    claims = extract_text(text)
    single = extract_text(sentence)
    assert [claim.text for claim in claims] == [claim.text for claim in single]
    for claim in claims:
        assert len(claim.occurrences) == copies - 1
        for span in claim.occurrences:
            assert text[span.start : span.end] == claim.text

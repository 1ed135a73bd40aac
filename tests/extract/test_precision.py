"""The precision a figure was written with, set on its quantity by extraction and never reported."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.engines.work import Read, from_json, to_json
from factlint.extract import extract_text, text_source
from factlint.extract.precision import precision_of
from factlint.model import Quantity, Reading, to_dict


def quantity(value, high=None):
    return Quantity(value, "USD", value if high is None else None, high)


def test_decimals_step_scale_and_where_the_numbers_stand():
    one = precision_of("$1.37", quantity(1.37))
    assert (one.decimals, one.step, one.scale, one.numbers) == (2, pytest.approx(0.01), 1.0, (1, 5))
    billions = precision_of("$2.5 billion", quantity(2.5e9))
    assert billions.decimals == 1 and billions.step == pytest.approx(1e8) and billions.scale == 1e9
    assert billions.numbers == (1, 4)


def test_a_range_counts_its_high_end_and_its_most_decimals():
    span = precision_of("$204.66 and $201.2", Quantity(None, "USD", 201.2, 204.66, qualifier="range"))
    assert span.decimals == 2 and span.step == pytest.approx(0.01) and span.numbers == (1, 18)


def test_near_misses_give_no_step_or_no_scale():
    assert precision_of("five million", quantity(5e6)) is None  # no digits
    zero = precision_of("$0", quantity(0.0))
    assert zero.step is None and zero.scale is None  # nothing to measure by
    vague = precision_of("$3", Quantity(None, "USD", vague=True))
    assert vague.step is None and vague.scale is None and vague.decimals == 0


def test_extraction_sets_it_and_the_report_leaves_it_out():
    (claim,) = extract_text("Amazon invested $2.5 billion in Anthropic.")
    assert claim.quantity.precision is not None and claim.quantity.precision.decimals == 1
    assert "precision" not in to_dict(claim)["quantity"]
    # ... while the per-file cache keeps it, and reads it back
    entry = json.loads(json.dumps(to_json(Read(text_source("x"), (claim,), reading=Reading("text")))))
    assert entry["claims"][0]["quantity"]["precision"]["decimals"] == 1
    assert from_json(entry).claims[0].quantity.precision == claim.quantity.precision


def test_precision_is_not_compared():
    assert quantity(1.0) == Quantity(1.0, "USD", 1.0, None, precision=precision_of("1", quantity(1.0)))


@given(
    st.lists(
        st.tuples(st.integers(0, 10**9), st.integers(0, 4)).map(lambda p: f"{p[0]:,.{p[1]}f}"),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from(["$", "", "about "]),
    st.sampled_from(["", " billion", "%", " million people"]),
)
def test_the_numbers_span_points_at_the_written_digits(numbers, before, after):
    text = before + " and ".join(numbers) + after
    value = max(float(n.replace(",", "")) for n in numbers) * 3
    found = precision_of(text, quantity(value))
    first, last = found.numbers
    assert text[first:last].startswith(numbers[0]) and text[first:last].endswith(numbers[-1])
    assert text[:first] == before and text[last:] == after
    assert found.decimals == max(len(n.partition(".")[2]) for n in numbers)
    if found.step is not None:
        assert found.step == pytest.approx(10.0**-found.decimals * abs(found.scale))

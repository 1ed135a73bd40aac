"""Units of measure made comparable through pint."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.knowledge import default_knowledge
from factlint.match.units import base_of, in_unit, same_dimension
from factlint.model import Claim, Precision, Quantity, Span

KB = default_knowledge()


def length(value: float, unit: str, qualifier: str | None = None) -> Claim:
    low, high = (value * 0.9, value * 1.1) if qualifier == "about" else (None, None)
    quantity = Quantity(value, unit, low, high, qualifier=qualifier, precision=Precision(0, 0.5, 1.0, (0, 2)))
    return Claim("c", "s", Span(0, 2), "12", "12", "quantity", "test", quantity=quantity)


def test_lengths_convert_and_counts_do_not() -> None:
    assert base_of("foot") == ("meter", pytest.approx(0.3048))
    assert base_of("km2")[0] == "meter ** 2"
    assert base_of("gorilla") is None and base_of("") is None and base_of("ppm") is None
    assert same_dimension("foot", "metre") and same_dimension("tonne", "lb")
    assert not same_dimension("foot", "kg") and not same_dimension("foot", "gorilla")


def test_every_unit_of_the_knowledge_pint_knows_has_one_base() -> None:
    known = {unit.id: base_of(unit.id) for unit in KB.units}
    assert known["mile"][0] == known["km"][0] == "meter"
    assert known["kph"][0] == known["mph"][0]


def test_a_figure_keeps_its_text_and_takes_the_new_unit() -> None:
    converted = in_unit(length(12, "foot", "about"), "metre")
    assert converted.text == "12" and converted.quantity.unit == "metre"
    assert converted.quantity.value == pytest.approx(3.6576)
    assert converted.quantity.low == pytest.approx(12 * 0.9 * 0.3048)
    assert converted.quantity.precision.step == pytest.approx(0.5 * 0.3048)
    assert in_unit(length(12, "foot"), "kg").quantity.unit == "foot"  # no such conversion


@given(st.floats(0.001, 1e9), st.sampled_from(["foot", "metre", "mile", "km", "inch", "cm"]))
def test_converting_there_and_back_gives_the_figure_again(value: float, unit: str) -> None:
    back = in_unit(in_unit(length(value, "foot"), unit), "foot").quantity
    assert back.unit == "foot" and math.isclose(back.value, value, rel_tol=1e-9)

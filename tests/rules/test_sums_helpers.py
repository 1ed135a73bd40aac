"""FL102's helpers (factlint.rules.sums): signs of intervals, figures written alike."""

from __future__ import annotations

from factlint.rules.sums.figures import decimals, like
from factlint.rules.sums.interval_math import negated, unsigned

from .test_arithmetic import money


def test_magnitudes_and_negation_of_intervals():
    assert unsigned((1.0, 2.0)) == (1.0, 2.0) and unsigned((-2.0, -1.0)) == (1.0, 2.0)
    assert unsigned((-3.0, 1.0)) == (0.0, 3.0) and negated((1.0, 2.0)) == (-2.0, -1.0)


def test_a_value_is_written_the_way_the_claim_writes_its_figure():
    assert like(money("$2.5 billion", 2.5e9), 3.25e9, 2) == "$3.25 billion"
    assert decimals(money("$2.5", 2.5)) == 1
    assert decimals(money("$204.66 and $201.2", None, 201.2, 204.66)) == 2
    assert like(money("$204.66 and $201.22", None, 201.22, 204.66), 203.5, 2) == "$203.50"
    assert like(money("figure", None), 1234.5, 1) == "1,234.5"

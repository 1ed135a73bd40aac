"""FL403: plausible ranges from rules/plausibility.yaml, looked up and applied beyond the rule's examples."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.knowledge import KnowledgeError, default_knowledge, load_knowledge
from factlint.model import Claim, Quantity, Span, TimeRef
from factlint.pipeline import build_report
from factlint.rules.checks.implausible_magnitude import outside, plausible_range

DAY = TimeRef("publication date", dt.date(2024, 11, 22), dt.date(2024, 11, 22), "day", "publication")
YEAR = TimeRef("this year", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year", "relative")


def claim(value, unit="percent", attribute=None, kind="percent", refers_to=DAY, **interval):
    quantity = Quantity(value, unit, interval.pop("low", value), interval.pop("high", value), **interval)
    return Claim(
        id="c",
        source_id="s",
        span=Span(0, 4),
        text=f"{value}",
        sentence="",
        kind=kind,
        extractor="test",
        attribute=attribute,
        quantity=quantity,
        refers_to=refers_to,
    )


def implausible(write, text, kb=None):
    path = write("article.txt", f"Published: 2024-11-22\n\n{text}")
    return [finding for finding in build_report([path], kb=kb).findings if finding.code == "FL403"]


def test_ranges_are_looked_up_by_attribute_then_unit():
    kb = default_knowledge()
    assert plausible_range(claim(101, attribute="election.turnout"), kb)["max"] == 100
    magnitude = claim(12, unit="magnitude", kind="quantity")  # no attribute: the unit decides
    assert plausible_range(magnitude, kb)["max"] == 10
    assert plausible_range(claim(150, attribute="revenue.growth"), kb) is None


def test_an_entry_for_another_unit_does_not_apply():
    kb = default_knowledge()
    depth = dict(attribute="earthquake.depth", kind="quantity")
    assert plausible_range(claim(600, unit="mile", **depth), kb)["max"] == 500
    assert plausible_range(claim(600, unit="km", **depth), kb)["max"] == 800
    assert plausible_range(claim(600, unit="foot", **depth), kb) is None
    assert (
        plausible_range(claim(0.5, unit="share", attribute="election.turnout", kind="quantity"), kb) is None
    )


def test_a_days_range_is_not_applied_to_a_years_move():
    kb = default_knowledge()
    assert plausible_range(claim(150, attribute="stock.change_pct"), kb) is not None
    assert plausible_range(claim(150, attribute="stock.change_pct", refers_to=YEAR), kb) is None


def test_a_qualifier_decides_which_side_a_figure_lies_on():
    bounds = {"min": 0.0, "max": 100.0}
    assert outside(claim(100, low=100, high=None, low_closed=False, qualifier="more_than"), bounds) == "above"
    assert outside(claim(100, low=100, high=None, qualifier="at_least"), bounds) is None
    assert outside(claim(100, low=0, high=100, qualifier="up_to"), bounds) is None
    assert outside(claim(-3, low=None, high=None), bounds) == "below"


@given(
    st.floats(min_value=-1e9, max_value=1e9),
    st.floats(min_value=-1e9, max_value=1e9),
    st.floats(min_value=0, max_value=1e9),
)
def test_a_figure_inside_its_range_is_never_outside(value, low, width):
    bounds = {"min": low, "max": low + width}
    side = outside(claim(value), bounds)
    assert (side is None) == (low <= value <= low + width)
    assert side != "above" or value > low + width
    assert outside(claim(value), {"min": -math.inf, "max": math.inf}) is None


def test_the_finding_quotes_the_figure_and_names_the_limit(write):
    (found,) = implausible(write, "Turnout was 101% in the northern district.")
    assert found.evidence[0].quote == "101%" and found.severity == "warning"
    assert "above 100" in found.message and "rules/plausibility.yaml" in found.explanation
    (basis,) = found.basis
    assert (basis.file, basis.entry) == ("plausibility.yaml", "election.turnout")
    assert "share of the electorate" in basis.says and basis.source is None


def test_a_newsroom_folder_widens_a_range_key_by_key(write, tmp_path):
    rules = tmp_path / "newsroom"
    rules.mkdir()
    (rules / "plausibility.yaml").write_text(
        "plausibility:\n  election.turnout: {max: 105}\n", encoding="utf-8"
    )
    kb = load_knowledge([rules])
    (turnout,) = kb.plausibility["election.turnout"]  # merged over the bundled entry, key by key
    assert (turnout["min"], turnout["max"], turnout["unit"]) == (0, 105, "percent")
    assert not implausible(write, "Turnout was 101% in the northern district.", kb=kb)
    assert implausible(write, "A magnitude 12 earthquake struck on Sunday.", kb=kb)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{min: 10, max: 1}", "min 10.0 above max 1.0"),
        ("{max: 10, colour: red}", "unknown key(s) in a plausible range: ['colour']"),
        ("{max: 10, within: fortnight}", "within 'fortnight' is not one of day, week"),
        ("{max: ten}", "could not convert string to float"),
    ],
)
def test_a_mistake_in_the_ranges_names_the_file(tmp_path, entry, message):
    (tmp_path / "plausibility.yaml").write_text(f"plausibility:\n  stake: {entry}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge([tmp_path])
    assert "plausibility.yaml" in str(raised.value) and message in str(raised.value)


def test_every_bundled_range_is_well_formed():
    for key, entries in default_knowledge().plausibility.items():
        for entry in entries:
            assert entry["min"] <= entry["max"] and entry["why"], key

"""Attributes and aspects: which fact a number speaks of, from the cues in rules/frames.yaml."""

from __future__ import annotations

import pytest

from factlint.extract import extract_text


def framed(text: str, quote: str):
    [claim] = [claim for claim in extract_text(text) if claim.text == quote]
    return claim.attribute, claim.aspect


@pytest.mark.parametrize(
    ("text", "quote", "attribute", "aspect"),
    [
        (
            "Amazon is investing an additional $4 billion, bringing its total investment to $8 billion.",
            "$4 billion",
            "investment.amount",
            "increment",
        ),
        (
            "Amazon is investing an additional $4 billion, bringing its total investment to $8 billion.",
            "$8 billion",
            "investment.total",
            "cumulative",
        ),
        ("Total Amazon investment: $8 billion", "$8 billion", "investment.total", "cumulative"),
        ("New investment: $4 billion", "$4 billion", "investment.amount", "increment"),
        (
            "amazon has already invested $8 billion in this ai startup",
            "$8 billion",
            "investment.total",
            "cumulative",
        ),
        ("the investment is valued at approximately $380 billion", "$380 billion", "valuation", None),
        ("it expects capital expenditures of about $200 billion", "$200 billion", "capex", None),
        ("Amazon's cloud revenue grew 19% year-over-year to $27.5 billion", "19%", "revenue.growth", None),
        ("Amazon's cloud revenue grew 19% year-over-year to $27.5 billion", "$27.5 billion", "revenue", None),
        ("Amazon's stock was trading at $203.19, up by $1.37 (0.68%)", "$203.19", "stock.price", None),
        ("Amazon's stock was trading at $203.19, up by $1.37 (0.68%)", "$1.37", "stock.change", None),
        ("Amazon's stock was trading at $203.19, up by $1.37 (0.68%)", "0.68%", "stock.change_pct", None),
        ("The trading volume stood at 18.7 million shares", "18.7 million shares", "stock.volume", None),
        ("Anthropic will secure up to 5 gigawatts of power", "5 gigawatts", "capacity", None),
        (
            "anthropic plans to spend more than $100 billion on cloud services",
            "$100 billion",
            "commitment.spend",
            None,
        ),
        ("a market projected to reach $1.3 trillion by 2032", "$1.3 trillion", "market.forecast", None),
        ("resulting in a $3.3 billion pre-tax gain", "$3.3 billion", "profit", None),
        ("The mayor won re-election with 61% support", "61%", "election.share", None),
        ("its annualized revenue exceeding $30 billion", "$30 billion", "revenue.annualised", None),
    ],
)
def test_attributes_and_aspects(text, quote, attribute, aspect):
    assert framed(text, quote) == (attribute, aspect)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("It costs 19% more than last time.", "19%"),  # a percentage with no frame's context
        ("The ticket was $40.", "$40"),  # money with no cue
        ("It fell 3% on Monday.", "3%"),  # a change, but nothing says shares, an index or revenue
    ],
)
def test_no_cue_no_attribute(text, quote):
    assert framed(text, quote) == (None, None)

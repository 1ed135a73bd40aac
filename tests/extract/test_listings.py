"""Stock listings: exchange and ticker beside a company, exchanges from rules/markets.yaml."""

from __future__ import annotations

import pytest

from factlint.extract import extract_text
from factlint.model import Listing


def listings(text: str):
    return [claim for claim in extract_text(text) if claim.kind == "listing"]


@pytest.mark.parametrize(
    ("text", "quote", "company", "exchange", "ticker"),
    [
        (
            "Amazon.com Inc. (NASDAQ: AMZN) is reportedly eyeing",
            "NASDAQ: AMZN",
            "amazon",
            "NASDAQ",
            "AMZN",
        ),
        ("Shares of IBM (NYSE:IBM) rose", "NYSE:IBM", "ibm", "NYSE", "IBM"),
        (
            "Vodafone Group Plc (LSE: VOD.L) fell",
            "LSE: VOD.L",
            "candidate:vodafone-group-plc",
            "LSE",
            "VOD.L",
        ),
        ("Toyota Motor (TYO: 7203) gained", "TYO: 7203", "Toyota Motor", "TYO", "7203"),
    ],
)
def test_listings(text, quote, company, exchange, ticker):
    [claim] = listings(text)
    assert (claim.text, claim.subject, claim.listing) == (quote, company, Listing(exchange, ticker))
    assert claim.attribute == "stock.listing"


@pytest.mark.parametrize("text", ["the nasdaq: it fell", "Note: AMZN", "SIX: the number"])
def test_near_misses_are_no_listings(text):
    assert listings(text) == []


def test_the_seed_listing(seeds):
    from factlint.extract import extract
    from factlint.ingest import read_source

    claims = extract(read_source(seeds / "004_03bdfa0e93bfd727.txt"))
    [listing] = [claim for claim in claims if claim.kind == "listing"]
    assert listing.listing == Listing("NASDAQ", "AMZN") and listing.subject == "amazon"

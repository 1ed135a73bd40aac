"""Stock listings written beside a company: "Amazon.com Inc. (NASDAQ: AMZN)", "(NYSE:IBM)".

Exchanges and the ways they are written are data in ``rules/markets.yaml``. The company is the run
of capitalised words just before the listing, when there is one.
"""

from __future__ import annotations

import functools
import re

from factlint.extract.found import Found
from factlint.extract.numbers import alternation
from factlint.extract.starts import Starts, starting_with
from factlint.knowledge import KnowledgeBase
from factlint.model import Listing

_COMPANY = re.compile(r"((?:[A-Z][\w&.'’-]*[ \t]+){0,4}[A-Z][\w&.'’-]*)[ \t]*\($")


@functools.cache
def _pattern(kb: KnowledgeBase) -> Starts:
    exchange = alternation(kb.exchanges)
    ticker = r"[A-Z0-9][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?"  # "AMZN", "VOD.L", "7203" (Tokyo), "0700"
    pattern = re.compile(
        rf"(?<![\w])(?P<exchange>{exchange})[ \t]*:[ \t]*(?P<ticker>{ticker})\b", re.IGNORECASE
    )
    return starting_with(pattern, kb.exchanges)


def find_listings(text: str, kb: KnowledgeBase) -> list[Found]:
    """Every "EXCHANGE: TICKER" in ``text``; a ticker has no lower-case letters."""
    found = []
    for match in _pattern(kb).finditer(text):
        ticker = match.group("ticker")
        if ticker != ticker.upper():
            continue
        exchange = kb.exchanges[" ".join(match.group("exchange").lower().split())]
        company = _COMPANY.search(text, max(0, match.start() - 80), match.start())
        listing = Listing(exchange, ticker)
        found.append(
            Found(
                "listing",
                match.start(),
                match.end(),
                "listing",
                listing=listing,
                subject=company.group(1).strip() if company else None,
            )
        )
    return found

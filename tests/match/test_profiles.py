"""Labelling on representatives gives what comparing every pair gives, for any group."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.match.consensus import consensus
from factlint.match.intervals import Reach
from factlint.match.labels import pairwise_label
from factlint.match.profiles import label_by_profiles
from factlint.model import Claim, Quantity, Span

DAYS = [None, dt.date(2025, 3, 3), dt.date(2025, 3, 4), dt.date(2025, 3, 5)]
QUALIFIERS = [None, None, "up_to", "more_than", "about"]


def member(index: int, source: str, value: int, qualifier: str | None) -> tuple[Claim, Reach]:
    """A claim of ``value`` (qualified or not) and its interval, as reconciliation would read it."""
    low, high = float(value), float(value)
    if qualifier == "up_to":
        low = 0.0
    elif qualifier == "more_than":
        high = float("inf")
    elif qualifier == "about":
        low, high = value - 1.0, value + 1.0
    text = f"{value} people"
    claim = Claim(
        id=f"{source}#{index}",
        source_id=source,
        span=Span(0, len(text)),
        text=text,
        sentence=text,
        kind="quantity",
        extractor="test",
        quantity=Quantity(value=float(value), unit="people", qualifier=qualifier),
    )
    return claim, Reach(low, high, float(value), value - 0.4, value + 0.4)


# Few values and many claims, so that profiles have more members than their representatives.
rows = st.lists(
    st.tuples(st.sampled_from("abcdef"), st.sampled_from([4, 5, 8]), st.sampled_from(QUALIFIERS)),
    min_size=1,
    max_size=24,
) | st.lists(
    st.tuples(st.sampled_from("abcdef"), st.sampled_from([4, 8]), st.sampled_from([None, "up_to"])),
    min_size=6,
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(rows, st.lists(st.sampled_from(DAYS), min_size=6, max_size=6), st.booleans(), st.booleans())
def test_representatives_give_the_label_reason_and_flags_of_every_pair(rows, days, running, revised):
    built = [member(index, *row) for index, row in enumerate(rows)]
    claims, reaches = [claim for claim, _ in built], [reach for _, reach in built]
    published = dict(zip("abcdef", days, strict=True))
    standing = consensus(reaches, [claim.source_id for claim in claims], {"a": 2.0, "b": 1.5})
    everyone = sorted({claim.source_id for claim in claims})
    backers = sorted({claims[k].source_id for k in standing.supporters})
    options = {"running": running, "revised": revised, "published": published}
    expected = pairwise_label(claims, reaches, standing, everyone=everyone, backers=backers, **options)
    assert label_by_profiles(claims, reaches, standing, **options) == expected

"""Changes written with both ends: the value before the change is apart (aspect ``previous``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.extract.changes import PREVIOUS


def aspects(text: str) -> list[tuple[str, str | None]]:
    return [(claim.text, claim.aspect) for claim in extract_text(text) if claim.kind != "date"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revenue rose to $5 billion from $4.2 billion.", [("$5 billion", None), ("$4.2 billion", PREVIOUS)]),
        ("Revenue rose from $4.2 billion to $5 billion.", [("$4.2 billion", PREVIOUS), ("$5 billion", None)]),
        ("Acme raised its stake to 12% from 9%.", [("12%", None), ("9%", PREVIOUS)]),
        ("Veltrix raised its offer to $30 a share from $25.", [("$30", None), ("$25", PREVIOUS)]),
        (
            "The fund grew from $2 billion in 2022 to $3 billion.",
            [("$2 billion", PREVIOUS), ("$3 billion", None)],
        ),
        (
            "Acme cut its workforce to 9,000 employees from 10,500.",
            [("9,000 employees", None), ("10,500", PREVIOUS)],
        ),
        ("Shares rose 5% to $10 from $9.50.", [("5%", None), ("$10", None), ("$9.50", PREVIOUS)]),
        ("REVENUE ROSE TO $5 BILLION FROM $4 BILLION.", [("$5 BILLION", None), ("$4 BILLION", PREVIOUS)]),
    ],
)
def test_the_value_before_a_change_is_previous(text, expected):
    assert aspects(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices ranged from $10 to $20.",  # a range: no verb of change
        "It sold the unit to Acme for $5 million, from $3 million.",  # a clause between
        "Revenue rose to $5 billion, up from $4.2 billion.",  # a comma: another clause
        "Revenue rose to $5 billion in the third quarter of the year from $4.2 billion.",  # too many words
        "Revenue rose to $5 billion from 12% of sales.",  # not alike
        "Revenue rose to $5 billion and profit to $1 billion.",  # no "from"
        "The company moved $5 billion from one account to another.",  # no second amount
    ],
)
def test_near_misses_are_no_change(text):
    assert all(aspect != PREVIOUS for _, aspect in aspects(text))


def test_the_previous_value_keeps_its_attribute_and_groups_apart():
    from factlint.extract import extract, text_source
    from factlint.knowledge import default_knowledge
    from factlint.match import group

    kb = default_knowledge()
    texts = {
        "a": "Morgan Stanley raised its price target on Amazon to $355 from $297.",
        "b": "Morgan Stanley raised its price target on Amazon to $355 from $300.",
    }
    claims = [claim for name, text in texts.items() for claim in extract(text_source(text, id=name), kb)]
    assert {claim.attribute for claim in claims} == {"analyst.price_target"}
    groups = {tuple(sorted(claim.text for claim in g.claims)) for g in group(claims, kb)}
    assert groups == {("$355", "$355"), ("$297", "$300")}


WORDS = st.sampled_from(
    [
        "rose",
        "ranged",
        "raised",
        "to",
        "from",
        "TO",
        "From",
        "$5",
        "$4.2 billion",
        "12%",
        "9%",
        "a",
        "share",
        ",",
    ]
)


@given(st.lists(WORDS, max_size=14).map(" ".join))
def test_a_previous_value_always_follows_a_from_word(text):
    for claim in extract_text(text):
        if claim.aspect == PREVIOUS:
            assert claim.kind in ("money", "percent", "quantity")
            assert text[: claim.span.start].rstrip().lower().endswith("from")

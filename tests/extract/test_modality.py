"""What may be, against what is: a figure's modality."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text


def modalities(text: str) -> list[tuple[str, str | None]]:
    return [(claim.text, claim.modality) for claim in extract_text(text) if claim.quantity is not None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal could grow by another $20 billion.", [("$20 billion", "prospective")]),
        ("It is a $25 billion potential investment.", [("$25 billion", "prospective")]),
        # a condition anywhere in the clause before the figure
        (
            "Rosberg can take his first title if he wins or scores seven points more than Hamilton.",
            [("seven points", "prospective")],
        ),
        ("Unless it raises $5 million, the club will fold.", [("$5 million", "prospective")]),
        (
            "It raised $5 million, and if sales hold it will hire 20 people.",
            [("$5 million", None), ("20 people", "prospective")],
        ),
    ],
)
def test_what_may_be(text, expected):
    assert modalities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Acme raised $5 million in May.",
        "If anything, the $5 million it raised in May was too little.",  # the condition is another clause
        "It raised $5 million; if sales hold, more will follow.",  # the condition comes after it
    ],
)
def test_what_is(text):
    assert all(modality is None for _, modality in modalities(text))


@given(st.text(alphabet=st.sampled_from(list("if unless $5 million 20 people, could.")), max_size=80))
def test_a_modality_is_prospective_or_nothing(text):
    assert {modality for _, modality in modalities(text)} <= {None, "prospective"}

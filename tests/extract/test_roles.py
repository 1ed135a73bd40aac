"""Roles: person, title and organisation in the common shapes; near misses are no roles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.extract.roles import _LOWER_NAME, _LOWER_ORG, _NAME, _ORG, _build
from factlint.knowledge import default_knowledge


def roles(text: str):
    return [claim for claim in extract_text(text) if claim.kind == "role"]


@pytest.mark.parametrize(
    ("text", "person", "title", "organisation", "former"),
    [
        ("Amazon CEO Andy Jassy said", "Andy Jassy", "chief executive officer", "Amazon", False),
        ("Adam Selipsky, AWS CEO, noted", "Adam Selipsky", "chief executive officer", "AWS", False),
        (
            "Jane Doe, chief executive of Acme Corp, said",
            "Jane Doe",
            "chief executive officer",
            "Acme Corp",
            False,
        ),
        (
            "Anthropic's chief executive Dario Amodei said",
            "Dario Amodei",
            "chief executive officer",
            "Anthropic",
            False,
        ),
        ("former CEO Adam Selipsky left", "Adam Selipsky", "chief executive officer", None, True),
        ("Mary T. Barra, the GM chair, said", "Mary T. Barra", "chair", "GM", False),
        ("Acme CFO Raj Patel resigned", "Raj Patel", "chief financial officer", "Acme", False),
        (
            "in a statement, amazon ceo andy jassy said:",
            "andy jassy",
            "chief executive officer",
            "amazon",
            False,
        ),
        ("President Joe Biden signed it", "Joe Biden", "president", None, False),
        (
            "said Ana Ruiz, an analyst at Brantley Partners.",
            "Ana Ruiz",
            "analyst",
            "Brantley Partners",
            False,
        ),
        ("Tom Reyes, a former director of Corvid Labs, said", "Tom Reyes", "director", "Corvid Labs", True),
        (
            "It hired Jane Doe, the chief executive of Acme Corp.",
            "Jane Doe",
            "chief executive officer",
            "Acme Corp.",
            False,
        ),
    ],
)
def test_roles(text, person, title, organisation, former):
    [claim] = roles(text)
    role = claim.role
    assert (role.person, role.title, role.organisation, role.former) == (person, title, organisation, former)
    assert (claim.subject, claim.counterparty, claim.attribute) == (person, organisation, "role.title")
    assert text[claim.span.start : claim.span.end] == claim.text


@pytest.mark.parametrize(
    "text",
    [
        "the CEO said on Monday",
        "CEO pay rose 5%",
        "The CEO Summit Series opens",
        "a chief executive",
        "Shares of Amazon.com Inc. (NASDAQ: AMZN) rose",
        "the ceo said that it would",
        "Ana Ruiz, a mother of two, said",
        "Ana Ruiz, an early investor in Corvid Labs, said",
    ],
)
def test_near_misses_are_no_roles(text):
    assert roles(text) == []


@given(st.text(max_size=200))
def test_never_raises_and_spans_hold(text):
    for claim in roles(text):
        assert text[claim.span.start : claim.span.end] == claim.text and claim.role.person in claim.text


def test_the_seed_corpus_roles(seeds):
    from factlint.extract import extract
    from factlint.ingest import read_corpus

    found = {
        (claim.role.person.lower(), claim.role.organisation.lower())
        for source in read_corpus([seeds]).sources
        for claim in extract(source)
        if claim.kind == "role"
    }
    assert {("adam selipsky", "aws"), ("andy jassy", "amazon"), ("dario amodei", "anthropic")} <= found


@pytest.mark.parametrize(
    ("text", "person", "title", "organisation"),
    [
        # a role at the end of a sentence keeps its full stop out of the name
        ("The report was presented by Finance Minister Vera Koll.", "Vera Koll", "finance minister", None),
        ("Prime Minister Dorian Halas flew to Kolmira.", "Dorian Halas", "prime minister", None),
        ("the rural vote that President Aurel Vantik's camp wanted", "Aurel Vantik", "president", None),
        (
            "Veltrix Chief Executive Marguerite Osei-Lund told analysts",
            "Marguerite Osei-Lund",
            "chief executive officer",
            "Veltrix",
        ),
        ("Mary T. Barra, the GM chair, said", "Mary T. Barra", "chair", "GM"),
    ],
)
def test_names_end_before_a_full_stop_or_possessive(text, person, title, organisation):
    [claim] = roles(text)
    assert (claim.role.person, claim.role.title, claim.role.organisation) == (person, title, organisation)
    assert text[claim.span.start : claim.span.end] == claim.text


ROLE_PIECES = st.sampled_from(
    [
        *[
            "Amazon",
            "Web",
            "AT&T",
            "U.S.",
            "Corp.",
            "Jane",
            "Doe",
            "Ann",
            "CEO",
            "chief",
            "executive",
            "of",
            "at",
            "former",
            "the",
            "acme",
            "jane",
        ],
        *["'s", "’s", ",", ".", " ", " ", "\t", "-", "x", "A"],
    ]
)


@given(st.lists(ROLE_PIECES, max_size=16).map("".join))
def test_whole_organisation_words_match_as_words_given_back(text):
    # The organisation's words are taken whole (possessive); giving characters back, as a plain
    # "*" would, never finds another match.
    kb = default_knowledge()
    plain = r"(?:[A-Z][\w&.-]*)(?:[ \t]+[A-Z][\w&.-]*){0,3}"
    for whole, given_back in (
        (_build(kb, _NAME, _ORG, "A-Z"), _build(kb, _NAME, plain, "A-Z")),
        (_build(kb, _LOWER_NAME, _LOWER_ORG, "a-z"), _build(kb, _LOWER_NAME, r"(?:[a-z][\w&.-]*)", "a-z")),
    ):
        for ours, theirs in (
            (whole.title_first, given_back.title_first),
            (whole.name_first, given_back.name_first),
        ):
            found = [(m.span(), m.groupdict()) for m in ours.pattern.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in theirs.pattern.finditer(text)]
            assert [m.span() for m in ours.finditer(text)] == [m.span() for m in ours.pattern.finditer(text)]

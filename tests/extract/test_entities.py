"""Organisations in text, and the subject and counterparty of each number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.extract.entities import find_entities
from factlint.knowledge import default_knowledge


def mentions(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entity) for m in find_entities(text, default_knowledge())]


def test_known_names_aliases_possessives_and_defined_acronyms():
    text = "Amazon Web Services (AWS) said Amazon's unit and AWS will work with Anthropic."
    assert mentions(text) == [
        ("Amazon Web Services", "aws"),
        ("AWS", "aws"),
        ("Amazon", "amazon"),
        ("AWS", "aws"),
        ("Anthropic", "anthropic"),
    ]


def test_lowercase_text_and_unknown_companies():
    assert mentions("amazon has invested in anthropic") == [("amazon", "amazon"), ("anthropic", "anthropic")]
    assert mentions("Harlow Retail Group bought Marlow Foods Ltd.") == [
        ("Harlow Retail Group", "candidate:harlow-retail-group"),
        ("Marlow Foods Ltd.", "candidate:marlow-foods-ltd"),
    ]


def test_an_acronym_defined_for_an_unknown_name_is_a_candidate():
    assert mentions("Quill Data Systems (QDS) said QDS grew.")[-1] == ("QDS", "candidate:quill-data-systems")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "When Bluewater Sports Group completed the deal, it paid.",
            ("Bluewater Sports Group", "bluewater-sports-group"),
        ),
        (
            "The US-based Bluewater Sports Group said so.",
            ("Bluewater Sports Group", "bluewater-sports-group"),
        ),
        ("London-listed Marlow Foods Ltd said so.", ("Marlow Foods Ltd", "marlow-foods-ltd")),
        ("While Acme Holdings Inc grew, it hired.", ("Acme Holdings Inc", "acme-holdings-inc")),
        # near misses: a hyphenated name of capitals and a plain one stay whole
        ("Rolls-Royce Holdings said so.", ("Rolls-Royce Holdings", "rolls-royce-holdings")),
        ("Harlow Retail Group said so.", ("Harlow Retail Group", "harlow-retail-group")),
    ],
)
def test_a_name_begins_after_the_words_that_open_its_sentence_or_describe_it(text, expected):
    quote, slug = expected
    assert mentions(text)[0] == (quote, f"candidate:{slug}")


@given(
    opener=st.sampled_from(["When", "While", "After", "The", "US-based", "Paris-listed", "As"]),
    name=st.sampled_from(["Bluewater Sports Group", "Quill Data Systems Ltd", "Marlow Foods Inc"]),
)
def test_a_candidate_never_starts_with_its_opening_word(opener, name):
    text = f"{opener} {name} said it grew."
    (found,) = [mention for mention in find_entities(text, default_knowledge()) if mention.end > len(opener)]
    assert text[found.start : found.end] == name


def test_a_lowercase_word_is_not_a_company_in_cased_text():
    assert mentions("We will meta-analyse the apple harvest.") == []


@pytest.mark.parametrize(
    ("text", "quote", "subject", "counterparty"),
    [
        ("Amazon invested $8 billion in Anthropic.", "$8 billion", "amazon", "anthropic"),
        ("Anthropic plans to spend $100 billion on Amazon Web Services.", "$100 billion", "anthropic", "aws"),
        (
            "Amazon Web Services expanded its partnership with AI startup Anthropic, investing $4 billion.",
            "$4 billion",
            "aws",
            None,
        ),
        (
            "Microsoft announced an investment of up to $5 billion in Anthropic.",
            "$5 billion",
            "microsoft",
            "anthropic",
        ),
        ("Amazon's cloud revenue grew 19% to $27.5 billion.", "$27.5 billion", "amazon", None),
        ("The fund raised $40 million.", "$40 million", None, None),
    ],
)
def test_subject_and_counterparty(text, quote, subject, counterparty):
    [claim] = [claim for claim in extract_text(text) if claim.text == quote]
    assert (claim.subject, claim.counterparty) == (subject, counterparty)


def test_a_listing_names_its_company_entity():
    [claim] = [c for c in extract_text("Amazon.com Inc. (NASDAQ: AMZN) rose.") if c.kind == "listing"]
    assert claim.subject == "amazon"

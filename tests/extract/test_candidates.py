"""Unknown organisations: capitalised names that act as organisations; people, places and common words
that only look like names are none."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract, extract_text
from factlint.extract.candidates import LowercaseWords
from factlint.extract.entities import find_entities
from factlint.knowledge import default_knowledge
from factlint.model import OffsetMap, Source


def mentions(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entity) for m in find_entities(text, default_knowledge())]


def candidates(text: str) -> set[str]:
    return {entity for _, entity in mentions(text) if entity.startswith("candidate:")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a single word before a verb, even at the start of a sentence
        ("Northwind raised $40 million from investors.", {("Northwind", "candidate:northwind")}),
        ("On Monday, Northwind said it had raised $40 million.", {("Northwind", "candidate:northwind")}),
        ("Ashbridge have also secured a sell-on clause.", {("Ashbridge", "candidate:ashbridge")}),
        # a name of two words that recurs
        (
            "Shares in Brevik Kraft rose. Investors like Brevik Kraft.",
            {("Brevik Kraft", "candidate:brevik-kraft")},
        ),
        # an organisation word ends it
        (
            "according to the Central Electoral Commission",
            {("Central Electoral Commission", "candidate:central-electoral-commission")},
        ),
        ("Vallant FC sold the winger.", {("Vallant FC", "candidate:vallant-fc")}),
    ],
)
def test_names_that_act_as_organisations(text, expected):
    assert set(mentions(text)) == expected


def test_the_first_word_alone_stands_for_the_longer_name():
    text = (
        "Veltrix Semiconductor said it would invest more in Corvane Photonics. Veltrix will own 18% of "
        "Corvane, and Corvane's founder stays. Castlemere City have agreed a fee; Castlemere paid £52m."
    )
    found = mentions(text)
    assert ("Veltrix", "candidate:veltrix-semiconductor") in found
    assert found.count(("Corvane", "candidate:corvane-photonics")) == 2
    assert ("Castlemere", "candidate:castlemere-city") in found
    assert not any(entity in ("candidate:veltrix", "candidate:corvane") for _, entity in found)


def test_an_acronym_does_not_stand_for_the_name_it_begins():
    text = "AI Advancements will hire. Demand for AI chips is high, and AI Advancements has grown."
    assert mentions(text) == [("AI Advancements", "candidate:ai-advancements")] * 2


def test_an_adjective_does_not_stand_for_the_name_it_begins():
    text = "The Seravian Red Crescent said shelters were full. The Seravian government has set aside funds."
    assert mentions(text) == [("Seravian Red Crescent", "candidate:seravian-red-crescent")]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the board met.",  # a weekday, a function word
        "In March, prices rose.",  # a month
        "The Company said it would invest $5 million.",  # a generic noun, capitalised
        "Meridian Wire reported on Monday that the deal was done.",  # a source, not a doer
        "Shares rose 3% and Analysts expect more.",  # plural words at a sentence's start
        "Police said the road was closed.",  # a common word
        "Jana Weiss said photonics had a long history.",  # a person before "said"
        "Mirela Doskova won the vote. Doskova took 52% of it.",  # a surname standing alone
        "Finance Minister Vera Koll said the deficit would widen. Koll said so twice.",  # after a title
        "striker Emre Vallant will earn more than Vallant did.",  # after a person word
        '"It was cold," said Mila Oresh, a volunteer.',  # after "said"
        "By Hanne Solberg\nReporting by Hanne Solberg",  # a byline
        "KOLMIRA, Seravia, March 10 (Agency) - Kolmira has 85,000 people and Seravia will help.",  # dateline
        "The Tarvessa province will rebuild. Tarvessa province has schools.",  # before "province"
        "The Lindmark-based startup grew. Lindmark has a port.",  # before "-based"
        "She visited the capital Varno, and Varno will vote.",  # after "the capital"
        "VELTRIX SHARES EXTEND GAINS AS INVESTORS CHEER",  # capitals say nothing
        "Veltrix Shares Extend Gains As Investors Cheer Corvane Bet",  # Title Case says nothing
        "Key Factors\nSource Type: company\nKey Factors\nSource Type: wire",  # headings and labels
    ],
)
def test_near_misses_are_no_candidates(text):
    assert candidates(text) == set()


def test_a_known_organisation_stays_known():
    assert mentions("Reuters reported that Amazon will invest.") == [
        ("Reuters", "reuters"),
        ("Amazon", "amazon"),
    ]


def test_lowercase_text_has_no_candidates():
    assert candidates("northwind said it raised $40 million") == set()


@pytest.mark.parametrize(
    ("text", "quote", "subject", "counterparty"),
    [
        (
            "Veltrix Semiconductor will invest an additional $400 million in Corvane Photonics.",
            "$400 million",
            "candidate:veltrix-semiconductor",
            "candidate:corvane-photonics",
        ),
        (
            "Castlemere City have agreed a fee of £52 million with Ashbridge Rovers for the striker.",
            "£52 million",
            "candidate:castlemere-city",
            "candidate:ashbridge-rovers",
        ),
        # a body named as the source of a figure is no party to it
        (
            "The challenger won with 1,944,300 votes, according to the result announced by the Central "
            "Electoral Commission.",
            "1,944,300 votes",
            None,
            None,
        ),
        # ... but a speaker whose words hold the figure is its subject
        (
            "In a statement on Monday, Anthropic said it plans to spend more than $100 billion on AWS.",
            "$100 billion",
            "anthropic",
            "aws",
        ),
        (
            "The challenger won outright, the Central Electoral Commission confirmed on Thursday, ending the "
            "president's 12 years in office.",
            "12 years",
            None,
            None,
        ),
    ],
)
def test_candidates_are_parties(text, quote, subject, counterparty):
    [claim] = [claim for claim in extract_text(text) if claim.text == quote]
    assert (claim.subject, claim.counterparty) == (subject, counterparty)


STORY = (
    "Brightco, the private robotics maker, agreed a deal with Halvorsen Group on Monday. Brightco said "
    "the deal closes in May. "
)


@pytest.mark.parametrize(
    ("sentence", "quote", "subject", "counterparty"),
    [
        ("Shares of Brightco jumped 12 percent on Monday.", "12 percent", "candidate:brightco", None),
        ("Shares in Halvorsen Group closed at $41.20.", "$41.20", "candidate:halvorsen-group", None),
        ("The stock price of Brightco rose 4%.", "4%", "candidate:brightco", None),
        # near misses: a subject before "shares of" keeps the figure; other prepositions stay objects
        (
            "Halvorsen Group bought shares of Brightco worth $3 million.",
            "$3 million",
            "candidate:halvorsen-group",
            "candidate:brightco",
        ),
        ("The deal with Brightco is worth $3 million.", "$3 million", None, "candidate:brightco"),
    ],
)
def test_the_company_after_shares_of_is_the_subject(sentence, quote, subject, counterparty):
    [claim] = [claim for claim in extract_text(STORY + sentence) if claim.text == quote]
    assert (claim.subject, claim.counterparty) == (subject, counterparty)


def test_the_outlet_reporting_a_figure_is_no_party_to_it():
    text = "The striker will earn £180,000 a week, the Chronicle has learned."
    source = Source(
        id="chronicle",
        path="chronicle.md",
        format="markdown",
        encoding="utf-8",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        offsets=OffsetMap(((0, len(text), 0, len(text)),), (0,)),
        outlet="Castlemere Chronicle",
        published=dt.date(2025, 3, 19),
    )
    [claim] = [claim for claim in extract(source) if claim.kind == "money"]
    assert (claim.attribute, claim.subject) == ("pay.weekly", None)
    other = dataclasses.replace(source, outlet="Matchday Journal")
    [claim] = [claim for claim in extract(other) if claim.kind == "money"]
    assert claim.subject == "candidate:chronicle"


WORDS = ["Veltrix", "Corvane", " Photonics", " said", " in", ". ", "The", "\n", "'s", " and", "Monday", " "]


@given(st.lists(st.sampled_from(WORDS), max_size=30).map("".join))
def test_never_raises_and_spans_hold(text):
    for found in find_entities(text, default_knowledge()):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end].strip() == text[found.start : found.end]


def test_a_word_written_in_lower_case_too_is_no_candidate():
    # "Shares" begins its sentence and is written in lower case later: a common word.
    assert candidates("Strand rose. Strand said profits grew; its strand of business is old.") == set()
    assert candidates("Strand rose. Strand said profits grew; its strands are old.") == {"candidate:strand"}


LOWER_PIECES = st.sampled_from(
    ["ab", "abc", "a", "b", "'", "’", "-", "_", "1", "é", "A", "B", " ", ".", "\n"]
)


@given(
    st.lists(LOWER_PIECES, max_size=20).map("".join),
    st.lists(st.sampled_from(["ab", "abc", "a", "a-b", "a'b", "ab’", "aé", "Ab", "", "1a"]), max_size=80),
    st.integers(min_value=0, max_value=3),
)
def test_lowercase_words_are_every_lowercase_word_listed(text, words, places):
    listed = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", text))
    lowercase = LowercaseWords(text)
    lowercase.PLACES = places  # few places: the listing takes over early
    assert [word in lowercase for word in words] == [word in listed for word in words]


def test_a_name_before_said_whose_first_word_stands_alone_is_an_organisation():
    text = (
        "Rhoax Freight said it would expand. Venture investors were pleased. "
        "Rhoax currently has 3,300 employees on its payroll."
    )
    assert "candidate:rhoax-freight" in candidates(text)
    employees = next(claim for claim in extract_text(text) if claim.kind == "quantity")
    assert employees.subject == "candidate:rhoax-freight"
    # near miss: a first name and surname before "said", the surname standing alone, is a person
    person = "Mirela Doskova said it would expand. Doskova has 3,300 followers."
    assert "candidate:mirela-doskova" not in candidates(person)

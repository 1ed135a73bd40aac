"""People: person mentions with ``person:`` ids, and people as the subjects of figures; places,
organisations, weekdays, common words and speakers are none."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.extract.entities import find_entities
from factlint.extract.people import find_described, find_people, person_id
from factlint.extract.roles import find_roles
from factlint.knowledge import default_knowledge

KB = default_knowledge()


def people(text: str) -> list[tuple[str, str]]:
    return [(person.name, person.entity) for person in find_people(text, KB, find_roles(text, KB))]


def subject(text: str, quote: str) -> str | None:
    [claim] = [claim for claim in extract_text(text) if claim.text == quote]
    return claim.subject


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a title, a person word, in a role
        (
            "Finance Minister Ilona Varga said the deficit would widen.",
            [("Ilona Varga", "person:ilona-varga")],
        ),
        ("The club signed striker Kofi Osei-Lund.", [("Kofi Osei-Lund", "person:kofi-osei-lund")]),
        ("Acme CFO Raj Patel resigned.", [("Raj Patel", "person:raj-patel")]),
        ("in a statement, amazon ceo andy jassy said:", [("andy jassy", "person:andy-jassy")]),
        # a first name and surname before "said", after "said", in a byline
        ("Jana Weiss said photonics had a long history.", [("Jana Weiss", "person:jana-weiss")]),
        ('"It was cold," said Mila Oresh, a volunteer.', [("Mila Oresh", "person:mila-oresh")]),
        (
            "Vote count slows\nBy Hanne Solberg\nThe vote was close.",
            [("Hanne Solberg", "person:hanne-solberg")],
        ),
        # a surname standing alone is the one full name that ends in it
        (
            "Tomasz Brek won the vote. Brek took 52% of it.",
            [("Tomasz Brek", "person:tomasz-brek"), ("Brek", "person:tomasz-brek")],
        ),
        (
            "Challenger Brek leads. Opposition challenger Tomasz Brek was ahead.",
            [("Brek", "person:tomasz-brek"), ("Tomasz Brek", "person:tomasz-brek")],
        ),
        # a surname after a title with no full name to join, or shared by two full names
        ("President Sorel conceded on Monday.", [("Sorel", "person:sorel")]),
        (
            "Coach Anna Lind and captain Erik Lind spoke. Lind scored twice.",
            [("Anna Lind", "person:anna-lind"), ("Erik Lind", "person:erik-lind"), ("Lind", "person:lind")],
        ),
    ],
)
def test_people_named(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She visited the capital Varno, and Varno will vote.",  # a place
        "KOLMIRA, Seravia, March 10 (Agency) - Kolmira has 85,000 people.",  # a dateline
        "Northwind raised $40 million. Northwind said it would hire.",  # an organisation
        "Castlemere City said on Monday that Castlemere would pay.",  # an organisation's short form
        "Aurora Health said the acquisition would add customers.",  # a company word ends it
        "The head of Veltrix said sales rose.",  # a title that wants an organisation after it
        "On Monday the board met, and Tuesday was quiet.",  # weekdays
        "Shares rose 3%. Analysts said more was to come.",  # capitalised first words
        "Police said the road was closed.",  # a common word before "said"
        "The CEO Summit Series opened.",  # an event
        "Plans:\n- Integrate Corvo models deeper\n\nCorvo grew quickly.",  # a list item's first words
        "Shares in Utilize Amazon fell. Amazon rose.",  # a known organisation's name
    ],
)
def test_near_misses_are_no_people(text):
    assert people(text) == []


def test_people_are_never_candidate_organisations():
    text = "President Sorel said the count was over. Sorel has conceded."
    assert [m for m in find_entities(text, KB) if m.entity.startswith("candidate:")] == []
    claims = extract_text("President Sorel said turnout reached 61%. Sorel has won 52.4% of the vote.")
    assert [claim.subject for claim in claims if claim.kind == "percent"] == [None, "person:sorel"]


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a person before the figure in its clause
        (
            "Opposition challenger Tomasz Brek was ahead. Brek won 51.6% of the vote.",
            "51.6%",
            "person:tomasz-brek",
        ),
        (
            "The club signed striker Kofi Osei-Lund. Osei-Lund will earn £180,000 a week.",
            "£180,000",
            "person:kofi-osei-lund",
        ),
        ("Challenger Brek won 51.6% of the vote.", "51.6%", "person:brek"),
        ("The result ended President Sorel's 12 years in office.", "12 years", "person:sorel"),
        # a description of the one person the text introduced so
        (
            "The club signed striker Kofi Osei-Lund. The striker scored 23 goals last season.",
            "23 goals",
            "person:kofi-osei-lund",
        ),
        # a person after it, with "for" or "of"
        (
            "Tomasz Brek won. Aurel Sorel conceded. Turnout was high, with 1.87 million votes for Sorel.",
            "1.87 million votes",
            "person:aurel-sorel",
        ),
        # the sentence's only person
        (
            "Brek, a former mayor, had 1,944,300 votes. Tomasz Brek won.",
            "1,944,300 votes",
            "person:tomasz-brek",
        ),
        # a body named as the person's own is no party
        (
            "Tomasz Brek won. Brek, of the Renewal Alliance, had 1,944,300 votes.",
            "1,944,300 votes",
            "person:tomasz-brek",
        ),
    ],
)
def test_a_person_is_the_subject(text, quote, expected):
    assert subject(text, quote) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # an organisation still wins
        (
            "Castlemere City will pay striker Kofi Osei-Lund £180,000 a week.",
            "£180,000",
            "candidate:castlemere-city",
        ),
        # a speaker is no subject: an aside, "according to", "said" before or after
        ("The economy will grow 3.2% this year, Finance Minister Ilona Varga said.", "3.2%", None),
        ("According to Finance Minister Ilona Varga, growth reached 3.2% this year.", "3.2%", None),
        ("Ilona Varga said growth would reach 3.2% this year.", "3.2%", None),
        ("Turnout reached 66.1%, said Katja Lind, a political scientist.", "66.1%", None),
        ("Katja Lind, a political scientist at Varno University, said turnout reached 66.1%.", "66.1%", None),
        # the object of "with" is not the one who spent
        (
            "The player arrived with his agent, Pierre Lamotte, and spent four hours on tests.",
            "four hours",
            None,
        ),
        # a figure of a person the text does not name, nor one inherited from another sentence
        ("Sen. Maria Alvarez had 52.3% of the vote to 46.1% for her Republican challenger.", "46.1%", None),
        (
            "Tomasz Brek won 52.1% of the vote. Brek won. In total, 4.1 million ballots were cast.",
            "4.1 million ballots",
            None,
        ),
        # a weekday, a place or a common word before the figure is no person
        ("On Monday, turnout reached 66.1%.", "66.1%", None),
        ("In the capital Varno, turnout reached 61%.", "61%", None),
        ("Analysts expect turnout of 61%.", "61%", None),
    ],
)
def test_no_person_is_the_subject(text, quote, expected):
    assert subject(text, quote) == expected


def test_a_person_figure_passes_its_parties_on_inside_its_sentence():
    text = "Tomasz Brek won. Brek won 52.1% of the vote, or 2.09 million votes."
    claims = {claim.text: claim.subject for claim in extract_text(text)}
    assert claims["52.1%"] == claims["2.09 million votes"] == "person:tomasz-brek"


def test_the_same_person_in_one_document_has_one_id_and_a_surname_alone_another():
    whole = [
        claim.subject for claim in extract_text("Coach Anna Lind was hired. Lind will earn £9,000 a week.")
    ]
    alone = [claim.subject for claim in extract_text("Coach Lind will earn £9,000 a week.")]
    assert (whole, alone) == (["person:anna-lind"], ["person:lind"])


def test_the_described_person_fits_one_introduced_person_only():
    text = "striker Kofi Osei-Lund and striker Ama Boateng met. The striker left. A striker stayed."
    found = find_people(text, KB)
    assert [(p.name, p.entity) for p in find_described(text, KB, found)] == [("striker", ""), ("striker", "")]


def test_person_id():
    assert person_id("Mirela  Doskova") == "person:mirela-doskova"
    assert person_id("Seán O'Neil") == "person:sean-o-neil"


WORDS = [
    "Mirela",
    "Doskova",
    "Osei-Lund",
    "President",
    "striker",
    "the",
    " said",
    " told",
    " of the",
    ", ",
    ". ",
    "\n",
    "By ",
    "'s",
    " won 51.6%",
    " Monday",
    " Varno",
    " City",
    " Commission",
    "CEO ",
    " ",
    "\t",
]


@settings(max_examples=300)
@given(st.one_of(st.lists(st.sampled_from(WORDS), max_size=40).map("".join), st.text(max_size=200)))
def test_person_spans_point_at_their_names(text):
    found = find_people(text, KB, find_roles(text, KB))
    for person in [*found, *find_described(text, KB, found)]:
        assert 0 <= person.lead <= person.start < person.end <= len(text)
        assert text[person.start : person.end] == person.name
    for person in found:
        slug = person_id(person.name).removeprefix("person:")
        assert person.entity == f"person:{slug}" or person.entity.endswith(f"-{slug}")
    for claim in extract_text(text):
        if claim.subject and claim.subject.startswith("person:"):
            assert re.fullmatch(r"person:[a-z0-9]+(?:-[a-z0-9]+)*", claim.subject)

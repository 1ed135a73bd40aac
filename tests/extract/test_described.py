"""The open description of a figure: its measure, its decisive word, its context, whether it is a part."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.model import Claim, Description
from factlint.words import lemma_of


def described(text: str, figure: str) -> Description:
    """The description of the claim whose text is ``figure`` in ``text``."""
    claims = [claim for claim in extract_text(text) if claim.text == figure]
    assert claims, [claim.text for claim in extract_text(text)]
    assert claims[0].described is not None
    return claims[0].described


@pytest.mark.parametrize(
    ("text", "figure", "measure", "thing"),
    [
        ("The boy fell 12 feet into the moat.", "12 feet", "foot", "fall"),
        ("The agreement carries a $5 million break fee.", "$5 million", "money", "fee"),
        ("The missile reached an altitude of 2,300 miles on Tuesday.", "2,300 miles", "mile", "altitude"),
        ("More than 2,000 people signed a petition.", "2,000 people", "person", "sign"),
        ("Palmer spent seven years with the Bengals.", "seven years", "year", "spend"),
        ("Turnout among the 412 polling stations was high.", "412 polling stations", "station", "poll"),
        ("The gorilla weighs more than 400 pounds.", "400 pounds", "money", "weigh"),
    ],
)
def test_the_decisive_word_is_the_noun_or_verb_the_figure_belongs_to(
    text: str, figure: str, measure: str, thing: str
) -> None:
    description = described(text, figure)
    assert (description.measure, description.thing) == (measure, thing)


@pytest.mark.parametrize(
    ("text", "figure", "thing"),
    [
        ("The mother of a three-year-old boy calls for help.", "three-year-old", "boy"),
        ("The 38-year-old Palmer retired on Tuesday.", "38-year-old", "palmer"),
        ("The zoo said the child is 4 years old.", "4 years", "child"),
        ("A 45-year-old man was arrested.", "45-year-old", "man"),
    ],
)
def test_an_age_belongs_to_the_one_it_is_written_with(text: str, figure: str, thing: str) -> None:
    description = described(text, figure)
    assert (description.measure, description.thing) == ("age", thing)


def test_years_that_are_no_age_measure_time() -> None:
    assert described("Palmer spent seven years in Cincinnati.", "seven years").measure == "year"


@pytest.mark.parametrize(
    ("text", "figure", "about"),
    [
        ("Harvavova agreed to buy Zenovica for $1.5 billion.", "$1.5 billion", ("buy",)),
        ("Markets could reach $12 billion by 2029.", "$12 billion", ("reach",)),
        ("It would cut 160 jobs, or an estimated 14% of its workforce.", "14%", ("workforce",)),
        ("Elvor spends about 21% of its revenue on research.", "21%", ("revenue", "spend")),
        ("The plant will draw 8% of the region's electricity demand.", "8%", ("demand", "draw")),
        ("The site will have a capacity of 61 megawatts once built.", "61 megawatts", ("capacity",)),
        ("The plane was turning around during the 11-hour flight.", "11-hour", ("flight",)),
        ("Koroette could receive $4.9m in milestone payments.", "$4.9m", ("payment", "receive")),
        ("He spent $750,000 in campaign funds on furs.", "$750,000", ("fund", "spend")),
        ("Rhoano unveils plans for a 400-megawatt solar farm.", "400-megawatt", ("farm",)),
        (
            "The plan would fund up to 40 additional emergency nurses.",
            "40 additional emergency nurses",
            ("fund", "emergency"),
        ),
        ("The leak contains 11.5 million documents.", "11.5 million documents", ("contain",)),
        (
            "Neskitent expects revenue of $12.4 billion in the second quarter.",
            "$12.4 billion",
            ("revenue", "expect"),
        ),
    ],
)
def test_every_decisive_word_is_kept_the_strongest_first(
    text: str, figure: str, about: tuple[str, ...]
) -> None:
    description = described(text, figure)
    assert description.about == about and description.thing == about[0]


def test_a_qualifier_is_no_verb_of_the_figure() -> None:
    assert described("Staff will be reduced by an estimated 8% next year.", "8%").thing == "reduce"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("He said 12 people were there.", "12 people"),  # say and be tell no fact apart
        ("They have 40 stores.", "40 stores"),
    ],
)
def test_common_verbs_give_no_decisive_word(text: str, figure: str) -> None:
    assert described(text, figure).thing == ""


def test_a_figure_inside_its_whole_is_a_part() -> None:
    text = "The crash killed 12 people, including 10 tourists, on Sunday."
    assert described(text, "10 tourists").part
    assert not described(text, "12 people").part
    assert described("Five people were hurt, two of them seriously.", "Five people").part is False


def test_the_context_leaves_out_the_figure_and_common_words() -> None:
    description = described("The boy fell 12 feet into the gorilla moat at the zoo.", "12 feet")
    assert "moat" in description.words and "gorilla" in description.words
    assert "foot" not in description.words and "the" not in description.words
    assert description.words[0] == "moat"  # the rarest first


def test_verbs_and_nouns_are_told_apart() -> None:
    assert lemma_of("fell") == ("fall", "VERB")
    assert lemma_of("signed") == ("sign", "VERB")
    assert lemma_of("seasons") == ("season", "NOUN")
    assert lemma_of("people") == ("people", "NOUN")


_WORDS = st.sampled_from(
    [
        *("the", "boy", "fell", "12", "feet", "$5", "million", "fee"),
        *("of", "including", "about", "3%", ",", "(", "-"),
    ]
)


@settings(max_examples=150)
@given(st.lists(_WORDS, max_size=20).map(" ".join))
def test_every_figure_is_described_from_words_of_its_own_sentence(text: str) -> None:
    for claim in extract_text(text):
        check(claim)


@settings(max_examples=100)
@given(st.text(max_size=200))
def test_description_never_fails_on_any_text(text: str) -> None:
    for claim in extract_text(text):
        check(claim)


def check(claim: Claim) -> None:
    if claim.kind == "date":
        assert claim.described is None or claim.described.measure == "date"
        return
    if claim.kind not in ("money", "percent", "quantity"):
        assert claim.described is None
        return
    description = claim.described
    assert description is not None and description.measure
    lemmas = {lemma_of(word)[0] for word in claim.sentence.replace("-", " ").split()}
    lemmas |= {lemma_of(word.strip(".,;:()\"'"))[0] for word in claim.sentence.split()}
    thing = description.thing
    assert thing == "" or thing in lemmas or thing in claim.sentence.lower()
    assert all(word == word.lower() for word in description.words)
    assert description.thing not in description.words


@pytest.mark.parametrize(
    ("text", "date", "about"),
    [
        ("Ebrityn, which was founded in 2020, has grown quickly.", "2020", ("found",)),
        ("The transaction is expected to be completed in Q2 2025.", "Q2 2025", ("complete",)),
        ("Gruden won a Super Bowl in the 2002 season.", "2002", ("season",)),
    ],
)
def test_a_date_is_described_by_what_happened_then(text: str, date: str, about: tuple[str, ...]) -> None:
    (claim,) = [claim for claim in extract_text(text, dt.date(2024, 5, 6)) if claim.text == date]
    assert claim.described is not None
    assert (claim.described.measure, claim.described.about) == ("date", about)


def test_a_date_that_is_a_figures_time_is_left_to_the_figure() -> None:
    claims = extract_text(
        "Revenue rose 13% to $13.8 billion in the third quarter of 2022.", dt.date(2022, 11, 1)
    )
    (date,) = [claim for claim in claims if claim.kind == "date"]
    assert date.described is None
    assert all(claim.refers_to is not None for claim in claims if claim.kind != "date")

"""Figures no attribute names meet when two sources describe them alike."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import extract, text_source
from factlint.knowledge import default_knowledge
from factlint.match import group, reconcile
from factlint.match.described import is_open, similarity, with_open_attributes
from factlint.model import Claim, Description

KB = default_knowledge()
DAY = dt.date(2016, 5, 30)


def claims_of(*texts: str) -> list[Claim]:
    """The claims of one source per text, all published on one day."""
    found = []
    for number, text in enumerate(texts):
        source = text_source(text, DAY, id=f"s{number}", path=f"s{number}.md")
        found += extract(source, KB)
    return found


def open_groups(*texts: str):
    return [g for g in reconcile(group(claims_of(*texts), KB), KB) if is_open(g.key[2])]


def test_two_sources_giving_a_fall_two_heights_conflict() -> None:
    groups = open_groups(
        "The boy fell 15 feet into the gorilla moat at the zoo on Saturday.",
        "Authorities said the boy fell 12 feet into the gorilla moat at the zoo.",
    )
    assert len(groups) == 1
    assert groups[0].key[2] == "about:fall (foot)" and groups[0].label == "conflict"


def test_sources_that_agree_make_an_agreeing_group() -> None:
    groups = open_groups(
        "The break fee is $5 million, the merger agreement with Halvorsen shows.",
        "Halvorsen agreed to pay a $5 million break fee if the merger agreement fails.",
    )
    assert [g.label for g in groups] == ["agree"]


def test_another_decisive_word_is_another_fact() -> None:
    assert not open_groups(
        "The boy fell 15 feet into the gorilla moat at the zoo.",
        "The fence around the gorilla moat at the zoo stands 12 feet high.",
    )


def test_one_source_alone_makes_no_open_group() -> None:
    assert not open_groups("The boy fell 15 feet into the moat. Later he fell 12 feet from a wall.")


def test_a_part_is_no_rival_of_its_whole() -> None:
    assert not open_groups(
        "The bus crash killed 12 people, including 10 tourists, near the border.",
        "The bus crash near the border killed 12 tourists.",
    )


def test_unlike_sentences_with_one_word_stay_apart() -> None:
    assert not open_groups(
        "The quarterback spent seven years with the Bengals before moving to Oakland.",
        "Investors spent 40 years waiting for the dam on the Yangtze river.",
    )


def test_figures_of_different_subjects_never_meet() -> None:
    claims = claims_of("The boy fell 15 feet into the moat.", "The boy fell 12 feet into the moat.")
    claims = [
        dataclasses.replace(claim, subject=f"candidate:{claim.source_id}") if claim.described else claim
        for claim in claims
    ]
    assert not any(is_open(claim.attribute) for claim in with_open_attributes(claims, KB))


def test_similarity_weighs_rare_words_more() -> None:
    one = Description("foot", "fall", words=("moat", "gorilla", "boy"))
    rare = Description("foot", "fall", words=("moat", "gorilla", "child"))
    common = Description("foot", "fall", words=("moat", "child", "boy"))
    assert similarity(one, one) == 1.0 and similarity(one, Description("foot", "fall")) == 0.0
    assert similarity(one, rare) > similarity(one, common)


_SENTENCES = st.sampled_from(
    [
        "The boy fell {} feet into the moat.",
        "The boy fell about {} feet into the moat at the zoo.",
        "A fee of ${} million is due, including {} people.",
        "{} people signed the petition.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_SENTENCES, st.integers(1, 99)), min_size=1, max_size=4))
def test_open_attributes_only_name_figures_grouping_by_parties_leaves_out(
    items: list[tuple[str, int]],
) -> None:
    claims = claims_of(*(sentence.format(number, number) for sentence, number in items))
    named = with_open_attributes(claims, KB)
    assert [claim.id for claim in named] == [claim.id for claim in claims]
    for before, after in zip(claims, named, strict=True):
        unmatched = before.attribute is None or before.subject is None is before.counterparty
        assert after.attribute == before.attribute or (unmatched and is_open(after.attribute))
    for found in group(claims, KB):
        if is_open(found.key[2]):
            assert len({claim.source_id for claim in found.claims}) >= 2


def test_figures_in_units_of_one_dimension_meet() -> None:
    agree = open_groups(
        "The boy fell 12 feet into the gorilla moat at the zoo.",
        "The boy fell 3.7 metres into the gorilla moat at the zoo.",
    )
    assert [g.label for g in agree] == ["agree"]
    conflict = open_groups(
        "The boy fell 15ft into the gorilla moat at the zoo.",
        "The boy fell about 3 metres into the gorilla moat at the zoo.",
    )
    assert [g.label for g in conflict] == ["conflict"]


def test_a_figure_of_another_time_is_another_fact() -> None:
    assert not open_groups(
        "In 1996, a boy fell 12 feet into the gorilla moat at the zoo.",
        "The boy fell 15 feet into the gorilla moat at the zoo on Saturday.",
    )


def test_two_figures_of_one_sentence_never_meet() -> None:
    claims = claims_of(
        "The plane turned around four hours into the 11-hour flight to Tokyo from Los Angeles.",
        "The 11-hour flight to Tokyo from Los Angeles turned around over the Pacific.",
    )
    named = {claim.text: claim.attribute for claim in with_open_attributes(claims, KB)}
    assert named["four hours"] is None and is_open(named["11-hour"])


def test_figures_described_by_a_shared_verb_meet_whatever_their_whole() -> None:
    groups = open_groups(
        "Elvor spends about 21% of its revenue on research and development, Elvor said.",
        "Elvor spends 30% of its sales on research and development, Elvor said.",
    )
    assert [g.label for g in groups] == ["conflict"]


def test_two_years_of_one_founding_conflict() -> None:
    groups = open_groups(
        "Founded in 2020, Ebrityn has grown quickly on demand from merchants.",
        "Founded in 2019, Ebrityn has grown quickly on demand from online merchants.",
    )
    assert [(g.key[2], g.label) for g in groups] == [("about:found (date)", "conflict")]


def test_dates_of_two_companies_never_meet() -> None:
    assert not open_groups(
        "Founded in 2014, Zarari has grown into a major supplier of grid batteries.",
        "Founded in 1992, Aurouette has grown into a major supplier of grid batteries.",
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "The companies expect the deal to close in the fourth quarter.",
            "The companies expect the deal to close in Q4 2016.",
        ),
        (
            "The board will discuss the plan at its meeting on Thursday.",
            "The board will discuss the plan at its meeting on 2 June 2016.",
        ),
    ],
)
def test_a_date_whose_year_or_week_is_guessed_is_no_rival(one: str, other: str) -> None:
    assert [g.label for g in open_groups(one, other)] in ([], ["agree"])


def test_a_known_fact_no_party_bears_is_matched_by_its_attribute() -> None:
    claims = claims_of(
        "Net income came in at $100 million for the quarter, the company said.",
        "Net income came in at $69 million for the quarter, the company said.",
    )
    assert all(claim.attribute == "profit" and claim.subject is None for claim in claims)
    named = with_open_attributes(claims, KB)
    assert {claim.attribute for claim in named} == {"about:profit (money)"}
    assert [g.label for g in reconcile(group(claims, KB), KB)] == ["conflict"]

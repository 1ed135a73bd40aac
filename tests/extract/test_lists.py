"""Lists of figures in one sentence: parts next to their total, shares of one whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import extract_text, text_source
from factlint.extract.wording import figure_wordings
from factlint.knowledge import default_knowledge

KB = default_knowledge()


def listed(text: str) -> dict[str, object]:
    """Each figure's quote and what its sentence lists with it, for the figures that list any."""
    claims = extract_text(text)
    quotes = {claim.id: claim.text for claim in claims}
    found = {}
    for claim_id, wording in figure_wordings(text_source(text, None), claims, KB).items():
        if wording.listed is not None:
            found[quotes[claim_id]] = (
                [quotes[part] for part in wording.listed.parts],
                wording.listed.partial,
                [quotes[share] for share in wording.listed.shares],
            )
    return found


@pytest.mark.parametrize(
    ("text", "total", "parts", "partial"),
    [
        (
            "They offered $4.2 million in all: Acme $1.9 million, Bolt $1.6 million and Crane $450,000.",
            "$4.2 million",
            ["$1.9 million", "$1.6 million", "$450,000"],
            False,
        ),
        (
            "Acme gave $1.9 million, Bolt $1.6 million and Crane $450,000, for a total of $4.2 million.",
            "$4.2 million",
            ["$1.9 million", "$1.6 million", "$450,000"],
            False,
        ),
        (
            "The fund paid out $12 million from Oslo and $3 million from Bergen, $15 million altogether.",
            "$15 million",
            ["$12 million", "$3 million"],
            False,
        ),
        (
            "Sales totalled $4.2 million, including $1.9 million in Europe and $1.6 million in Asia.",
            "$4.2 million",
            ["$1.9 million", "$1.6 million"],
            True,
        ),
        (
            "A total of 1,200 people were hurt: 700 people in the north and 500 people in the south.",
            "1,200 people",
            ["700 people", "500 people"],
            False,
        ),
    ],
)
def test_a_total_and_the_parts_listed_next_to_it(text, total, parts, partial):
    assert listed(text) == {total: (parts, partial, [])}


@pytest.mark.parametrize(
    "text",
    [
        "It raised $4.2 million in all, up from $1.9 million in 2022 and $1.6 million in 2021.",  # earlier
        "Tickets cost $40 each, $55 for two and $70 in total for a family.",  # rates, no list of parts
        "It paid $4.2 million in all, more than the $1.9 million and $1.6 million of its rivals.",
        "It has $4.2 million in total and expects between $1.9 million and $2.6 million.",  # a range
        "Acme gave $1.9 million and Bolt $1.6 million.",  # no total
        "Acme paid $1.9 million in all, and Bolt $1.6 million in all.",  # two totals
        "Revenue reached $4.2 million in all; it was $1.9 million in May.",  # one other figure
    ],
)
def test_figures_that_are_no_parts_of_a_total(text):
    assert not any(parts for parts, _, _ in listed(text).values())


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("Smith won 54% of the vote, Jones 38% and Brown 12%.", ["54%", "38%", "12%"]),
        ("Apple holds 40% of the market, Samsung 30% and Huawei 20%.", ["40%", "30%", "20%"]),
    ],
)
def test_shares_of_one_whole_held_by_different_holders(text, shares):
    found = listed(text)
    assert sorted(found) == sorted(shares)
    for share, (_, _, others) in found.items():
        assert others == [other for other in shares if other != share]


@pytest.mark.parametrize(
    "text",
    [
        "62% of adults use Facebook, 45% Instagram and 30% TikTok.",  # no holder before the share
        # each share names its own whole
        "Smith won 54% of the vote in Ohio, 38% of the vote in Texas and 12% of it in Utah.",
        "Shares rose 54%, Jones 38% and Brown 12%.",  # a move, not a share of a whole
        "Inflation was 3% and unemployment 5%.",  # no whole named
        "Smith won more than 54% of the vote, Jones 38%.",  # "than": no holder's verb
    ],
)
def test_percentages_that_are_no_shares_of_one_whole(text):
    assert not any(shares for _, _, shares in listed(text).values())


FIGURES = st.sampled_from(["$1.9 million", "$450,000", "54%", "12%", "700 people", "3", "2024"])
JOINTS = st.sampled_from(
    [", ", " and ", "; ", ", and ", " in all: ", " in total, ", " for a total of ", " of the vote, "]
)
WORDS = st.sampled_from(
    ["Acme ", "Bolt Inc ", "from Oslo ", "each ", "up from ", "between ", "", "Smith won "]
)


@settings(max_examples=150)
@given(st.lists(st.tuples(WORDS, FIGURES, JOINTS), min_size=1, max_size=6))
def test_listed_figures_are_figures_of_the_same_sentence_and_never_the_total(pieces):
    text = "".join(word + figure + joint for word, figure, joint in pieces).rstrip(" ,;:") + "."
    claims = {claim.id: claim for claim in extract_text(text)}
    wordings = figure_wordings(text_source(text, None), list(claims.values()), KB)
    for claim_id, wording in wordings.items():
        if wording.listed is None:
            continue
        others = (*wording.listed.parts, *wording.listed.shares)
        assert claim_id not in others
        for other in others:
            assert wordings[other].sentence == wording.sentence
            assert claims[other].kind == claims[claim_id].kind
            assert text[claims[other].span.start : claims[other].span.end] == claims[other].text

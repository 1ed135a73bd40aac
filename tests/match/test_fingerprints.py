"""Precise figures as fingerprints: the same digits, one digit apart, or two neighbours swapped."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.match.fingerprints import MIN_DIGITS, digits_of, fingerprint_blocks, near, phrase_of
from factlint.model import Claim, Span
from tests.match.helpers import reconciled

DAY = dt.date(2026, 3, 30)


def figure(text: str) -> Claim:
    return Claim(
        id="c", source_id="s", span=Span(0, len(text)), text=text, sentence=text, kind="money", extractor="t"
    )


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("$5,687.75", "568775"),
        ("4,212 patients", "4212"),
        ("10 000 people", None),  # one significant digit
        ("2,300 miles", None),  # the zeros only say the scale
        ("14.2%", None),  # three digits repeat by chance
        ("$1.25 to $1.75", None),  # two numbers
        ("€1 234 567", "1234567"),
        ("$" + "7" * 3000, None),  # a run of digits in hostile text: no fingerprint, no quadratic blocks
    ],
)
def test_the_significant_digits_of_a_figure(text, digits):
    assert digits_of(figure(text)) == digits


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ("568775", "558775", True),  # one digit apart
        ("4112", "4212", True),
        ("1243", "1423", True),  # two neighbours swapped
        ("4212", "4212", True),
        ("1234", "4231", False),  # two digits apart, not neighbours
        ("1234", "1243", True),
        ("1234", "12345", False),
        ("5687", "5578", False),
    ],
)
def test_near_digits(one, other, expected):
    assert near(one, other) is expected


digit_strings = st.text(alphabet="0123456789", min_size=MIN_DIGITS, max_size=9)


@given(digit_strings, st.integers(min_value=0, max_value=8), st.sampled_from("0123456789"))
def test_a_figure_one_digit_apart_always_shares_a_block_and_near_is_symmetric(digits, at, digit):
    at %= len(digits)
    other = digits[:at] + digit + digits[at + 1 :]
    assert near(digits, other) and near(other, digits)
    blocks = fingerprint_blocks([(0, "USD", digits), (1, "USD", other)])
    assert any(members == [0, 1] for members in blocks.values())
    if at + 1 < len(digits):
        swapped = digits[:at] + digits[at + 1] + digits[at] + digits[at + 2 :]
        assert near(digits, swapped) == near(swapped, digits) is True
        blocks = fingerprint_blocks([(0, "USD", digits), (1, "USD", swapped)])
        assert any(members == [0, 1] for members in blocks.values())


def test_a_precise_figure_one_digit_off_is_a_conflict_whatever_its_words():
    groups = reconciled(
        {
            "a": ("The trial enrolled 4,212 patients at 388 sites.", DAY),
            "b": ("In all, 4,212 patients were randomised in the study of the weekly jab.", DAY),
            "c": ("The study of the weekly jab followed 4,112 patients at 388 sites.", DAY),
        }
    )
    (group,) = [g for g in groups if any(c.text.startswith("4,") for c in g.claims)]
    assert group.label == "conflict"
    assert [claim.text for claim in group.claims if claim.id in group.flagged] == ["4,112 patients"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Acme Corp paid $5,687.75 for the retreat.", "Bolt Inc paid $5,587.75 for the retreat."),  # subjects
        (
            "The trial enrolled 4,212 patients.",
            "Shares of the maker fell on a volume of 4,112 shares.",
        ),  # units
    ],
)
def test_figures_that_are_no_fingerprints_of_one_fact(one, other):
    groups = reconciled({"a": (one, DAY), "b": (other, DAY)})
    assert not [g for g in groups if len({c.source_id for c in g.claims}) > 1 and g.label == "conflict"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It will fund up to 40 additional emergency nurses.", "additional emergency nurses"),
        ("At least eight current or former members of the committee.", "current or former members"),
        ("The missile broke into three pieces.", None),  # one word says too little
        ("About 1,200 people were evacuated.", None),
        ("It raised $4 million from new outside investors.", None),  # money: no count
    ],
)
def test_the_phrase_a_count_is_written_with(text, phrase):
    (claim,) = [claim for claim in extract_text(text) if claim.kind in ("quantity", "money")]
    assert phrase_of(claim) == phrase


def test_one_phrase_of_a_count_links_sources_whose_words_otherwise_differ():
    groups = reconciled(
        {
            "a": ("The board's plan funds up to 40 additional emergency nurses at the hospital.", DAY),
            "b": (
                "Eastmoor Health will recruit 40 additional emergency nurses for the hospital, it said.",
                DAY,
            ),
        }
    )
    (group,) = [g for g in groups if len({c.source_id for c in g.claims}) == 2]
    assert group.label == "qualifier_dropped"
    assert [c.text for c in group.claims if c.id in group.flagged] == ["40 additional emergency nurses"]
    assert [c.source_id for c in group.claims if c.id in group.flagged] == ["b"]


def test_a_short_phrase_links_nothing():
    short = reconciled(
        {
            "a": ("Rescuers found up to 40 new nurses at the hospital.", DAY),
            "b": ("The union said it will recruit 40 new nurses this year.", DAY),
        }
    )
    assert not [g for g in short if len({c.source_id for c in g.claims}) == 2]

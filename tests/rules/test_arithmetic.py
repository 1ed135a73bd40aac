"""FL102: the interval arithmetic, and the sums found in whole documents beyond the rule's examples."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.precision import with_precision
from factlint.model import Claim, Quantity, Span
from factlint.pipeline import build_report
from factlint.rules.catalogue import load_catalogue
from factlint.rules.checks import KINDS
from factlint.rules.checks.arithmetic import around, growth_percent, meets, move_percent, written


def figures(write, text, published="2024-11-22"):
    path = write("article.txt", f"Published: {published}\n\n{text}")
    return [finding for finding in build_report([path]).findings if finding.code == "FL102"]


def money(text, value, low=None, high=None, qualifier=None, unit="USD"):
    low = value if low is None and qualifier is None else low
    high = value if high is None and qualifier is None else high
    return Claim(
        id="c",
        source_id="s",
        span=Span(0, len(text)),
        text=text,
        sentence=text,
        kind="money",
        extractor="test",
        quantity=with_precision(text, Quantity(value, unit, low, high, qualifier=qualifier)),
    )


# --- the arithmetic --------------------------------------------------------------------------------


def test_the_seed_move_is_right_and_a_fall_would_not_be():
    price, change, percent = around(203.19, 0.005), around(1.37, 0.005), around(0.68, 0.005)
    rise = move_percent(price, change, 1)
    fall = move_percent(price, change, -1)
    assert rise[0] < 1.37 / 201.82 * 100 < rise[1] and meets(rise, percent)
    assert fall[1] < 0 and not meets((-fall[1], -fall[0]), percent)  # 0.670% if it had fallen


def test_a_figure_stands_for_what_rounds_to_it():
    assert written(money("$1.37", 1.37)) == pytest.approx((1.365, 1.375))
    assert written(money("$27.5 billion", 27.5e9)) == pytest.approx((27.45e9, 27.55e9))
    assert written(money("$20 billion", 20e9, 0, 20e9, "up_to")) == pytest.approx((0, 20.5e9))
    assert written(money("$204.66 and $201.22", None, 201.22, 204.66, "range")) == pytest.approx(
        (201.215, 204.665)
    )


def test_growth_from_a_start_that_may_be_zero_is_not_computed():
    assert growth_percent((0.0, 1.0), (5.0, 5.0)) is None
    assert growth_percent((23.1, 23.1), (27.5, 27.5)) == pytest.approx((19.048, 19.048), abs=1e-3)


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)
anything = st.floats(allow_nan=True, allow_infinity=True)
positive = st.floats(min_value=0.01, max_value=1e6)
half = st.floats(min_value=0, max_value=10)


def interval(values=finite):
    return st.tuples(values, values).map(sorted).map(tuple)


@given(interval(anything), interval(anything), st.sampled_from([1, -1]))
def test_the_helpers_never_crash_and_give_ordered_intervals(a, b, sign):
    for result in (move_percent(a, b, sign), growth_percent(a, b)):
        assert result is None or result[0] <= result[1]
    assert meets(a, b) == meets(b, a)


@given(finite, half)
def test_a_reach_is_the_same_on_both_sides(value, width):
    low, high = around(value, width)
    assert value - low == pytest.approx(high - value) and around(value, -width) == (low, high)


@given(positive, positive, half, half, st.sampled_from([1, -1]))
def test_a_wider_figure_allows_every_percentage_a_narrower_one_does(price, change, wide, narrow, sign):
    narrow = min(narrow, wide)
    exact = move_percent((price, price), (change, change), sign)
    inner = move_percent(around(price, narrow), around(change, narrow), sign)
    outer = move_percent(around(price, wide), around(change, wide), sign)
    if exact is None or inner is None or outer is None:
        return
    previous = price - sign * change
    assert exact[0] == pytest.approx(sign * change / previous * 100)
    assert outer[0] <= inner[0] + 1e-9 * abs(inner[0]) and inner[1] <= outer[1] + 1e-9 * abs(inner[1])
    assert inner[0] <= exact[0] + 1e-9 * abs(exact[0]) and exact[1] <= inner[1] + 1e-9 * abs(exact[1])


@given(interval(), interval())
def test_meeting_is_symmetric_and_an_interval_meets_itself(a, b):
    assert meets(a, b) == meets(b, a) and meets(a, a)
    if math.isfinite(a[0]) and a[1] < b[0] - 1e-6 * max(1.0, abs(b[0])):
        assert not meets(a, b)


# --- whole documents -------------------------------------------------------------------------------


def test_the_seed_corpus_raises_no_arithmetic_finding(seeds):
    assert not [finding for finding in build_report([seeds]).findings if finding.code == "FL102"]


def test_a_wrong_move_quotes_its_three_figures_and_gives_the_right_percentage(write):
    (found,) = figures(write, "Amazon's stock was trading at $203.19, up by $1.37 (1.2%).")
    assert [evidence.quote for evidence in found.evidence] == ["$203.19", "$1.37", "1.2%"]
    assert "0.68%" in found.message and "$201.82" in found.message and found.severity == "error"


def test_a_price_said_in_an_earlier_sentence_of_the_same_company_and_day_is_used(write):
    (found,) = figures(
        write,
        "Amazon's shares were trading at $203.19 at noon. Amazon stock rose by $1.37, or 1.2%, by then.",
    )
    assert {evidence.quote for evidence in found.evidence} == {"$203.19", "$1.37", "1.2%"}


def test_a_percentage_of_another_move_is_not_tied_to_the_change(write):
    assert not figures(write, "Amazon shares closed at $50.20, up by $0.40, while the index gained 1.5%.")
    assert not figures(write, "Amazon shares are up 40% this year and closed at $50.20, up by $0.40.")


def test_two_companies_in_one_sentence_are_each_checked_against_their_own_figures(write):
    text = "Apple shares rose $2.10 (1.1%) to $190.50, while Microsoft shares fell $3.20 (0.8%) to $410.10."
    assert not figures(write, text)
    (found,) = figures(write, text.replace("(0.8%)", "(1.8%)"))
    assert [evidence.quote for evidence in found.evidence] == ["$3.20", "1.8%", "$410.10"]


def test_a_change_in_cents_is_the_change_of_a_price_in_dollars(write):
    text = "Shares of Acme Corp closed down 87 cents, or 3.1%, at $27.40 on Friday."
    assert not figures(write, text)
    (found,) = figures(write, text.replace("3.1%", "4.1%"))
    assert [evidence.quote for evidence in found.evidence] == ["87 cents", "4.1%", "$27.40"]
    assert "3.08% of the previous $28.27, not 4.1%" in found.message


def test_a_single_part_over_its_total_is_reported_and_one_under_it_is_not(write):
    (found,) = figures(write, "Amazon invested $10 billion, bringing its total investment to $8 billion.")
    assert "the part $10 billion is more than the total $8 billion" in found.message
    assert not figures(write, "Amazon invested $4 billion, bringing its total investment to $8 billion.")


def test_parts_a_sentence_says_may_come_are_not_added_to_what_is(write):
    text = (
        "Amazon invested $4 billion and could add $20 billion more, "
        "bringing its total investment to $8 billion."
    )
    assert not figures(write, text)
    (found,) = figures(write, text.replace("could add", "added"))
    assert (
        "the parts $4 billion + $20 billion make $24 billion, more than the total $8 billion" in found.message
    )


def test_listed_parts_of_any_measure_are_summed_against_their_total(write):
    text = "The bidders offered $4.2 million in all: Acme $1.9 million, Bolt $1.6 million and Crane $650,000."
    assert not figures(write, text)
    (found,) = figures(write, text.replace("$650,000", "$450,000"))
    assert [evidence.quote for evidence in found.evidence] == [
        "$4.2 million",
        "$1.9 million",
        "$1.6 million",
        "$450,000",
    ]
    assert "make $3.95 million, less than the total $4.2 million" in found.message


def test_a_partial_list_may_fall_short_of_its_total_but_not_exceed_it(write):
    text = "Sales totalled $4.2 million, including $1.9 million in Europe and $1.6 million in Asia."
    assert not figures(write, text)
    (found,) = figures(write, text.replace("$1.9 million", "$2.9 million"))
    assert "make $4.5 million, more than the total $4.2 million" in found.message


def test_earlier_figures_are_not_parts_of_a_total(write):
    assert not figures(
        write, "It raised $4.2 million in all, up from $1.9 million in 2022 and $1.6 million in 2021."
    )


def test_shares_of_one_whole_cannot_exceed_all_of_it(write):
    assert not figures(write, "Smith won 50% of the vote, Jones 38% and Brown 12%.")
    assert not figures(write, "Smith won 50.4% of the vote, Jones 38% and Brown 12%.")  # rounding allows it
    (found,) = figures(write, "Smith won 54% of the vote, Jones 38% and Brown 12%.")
    assert [evidence.quote for evidence in found.evidence] == ["54%", "38%", "12%"]
    assert "the shares 54% + 38% + 12% make 104%, more than 100%" in found.message
    assert not figures(write, "62% of adults use Facebook, 54% Instagram and 30% TikTok.")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Attendance fell from 64.9% to 61.4%, a drop of 5.5 percentage points.",
            "the gap between 64.9% and 61.4% is 3.5 percentage points, not 5.5 percentage points",
        ),
        (
            "It occurred in 14.2% of patients given the drug and 18.9% of those given a placebo, "
            "an absolute difference of 3.7 percentage points.",
            "the gap between 14.2% and 18.9% is 4.7 percentage points, not 3.7 percentage points",
        ),
        (
            "Unemployment fell to 4.1% from 4.5%, down 60 basis points.",
            "the gap between 4.1% and 4.5% is 40 basis points, not 60 basis points",
        ),
    ],
)
def test_a_gap_in_points_is_the_distance_between_its_two_percentages(write, text, message):
    (found,) = figures(write, text)
    assert message in found.message
    assert len(found.evidence) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Attendance fell from 64.9% to 61.4%, a drop of 3.5 percentage points.",
        "Unemployment fell to 4.1% from 4.5%, down 40 basis points.",
        "Shares rose 3% while bonds gained 1%, a 5 percentage point swing in the spread.",  # two moves
        "Turnout was 61% in May, 2 percentage points below the 66% of 2019 and the 70% of 2015.",  # three
    ],
)
def test_gaps_that_hold_or_that_join_no_two_levels(write, text):
    assert not figures(write, text)


def test_the_rule_file_lists_the_same_words_as_the_kind():
    rule, kind = load_catalogue()["FL102"], KINDS["arithmetic"]
    assert {key: sorted(words) for key, words in rule.params.items()} == {
        key: sorted(words) for key, words in kind.params.items()
    }

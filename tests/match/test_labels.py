"""Labels with reasons: the logic a fact-checker applies before calling two numbers a conflict."""

from __future__ import annotations

import datetime as dt

from tests.match.helpers import only_group

MON, TUE, WED, THU = (dt.date(2025, 3, day) for day in (3, 4, 5, 6))


def test_the_same_figure_in_different_words_agrees():
    group = only_group(
        {
            "a": ("Northwind invested $1.2 billion in Corvid Labs.", MON),
            "b": ("Northwind invested 1.2 billion dollars in Corvid Labs.", MON),
            "c": ("Northwind invested $1.20bn in Corvid Labs.", MON),
        },
        "investment.amount",
    )
    assert group.label == "agree", group.reason
    assert "3 sources" in group.reason
    assert all(verdict.score == 1.0 for verdict in group.verdicts)


def test_different_figures_for_one_fact_at_one_time_conflict_and_name_the_weightier_side():
    group = only_group(
        {
            "a": ("Northwind invested $1.2 billion in Corvid Labs.", MON),
            "b": ("Northwind invested $1.2 billion in Corvid Labs.", MON),
            "c": ("Northwind invested $1.5 billion in Corvid Labs.", MON),
        },
        "investment.amount",
    )
    assert group.label == "conflict"
    assert "cannot both be true" in group.reason and "a, b" in group.reason
    verdicts = {verdict.source_id: verdict for verdict in group.verdicts}
    assert verdicts["c"].disagreeing == 2 and verdicts["c"].agreeing == 0 and verdicts["c"].score == 0.0
    assert verdicts["a"].agreeing == 1 and verdicts["a"].disagreeing == 1
    assert not verdicts["c"].in_consensus and verdicts["a"].in_consensus
    assert group.consensus.value == 1.2e9
    assert [claim.source_id for claim in group.claims if claim.id in group.flagged] == ["c"]


def test_neighbouring_whole_numbers_are_not_rounding():
    group = only_group(
        {
            "a": ("Northwind invested $52 million in Corvid Labs.", MON),
            "b": ("Northwind invested $53 million in Corvid Labs.", MON),
        },
        "investment.amount",
    )
    assert group.label == "conflict"


def test_a_dropped_qualifier_is_not_a_contradiction():
    group = only_group(
        {
            "a": ("Corvid Labs will spend more than $100 billion on Northwind chips.", MON),
            "b": ("Corvid Labs will spend $100 billion on Northwind chips.", TUE),
        },
        "commitment.spend",
    )
    assert group.label == "qualifier_dropped"
    assert "drops the “more than”" in group.reason


def test_an_interval_holding_a_figure_agrees_and_says_why():
    group = only_group(
        {
            "a": ("Corvid Labs is valued at $40+ billion, sources say.", MON),
            "b": ("Corvid Labs is valued at approximately $380 billion.", MON),
        },
        "valuation",
    )
    assert group.label == "agree"
    assert "open interval" in group.reason


def test_a_running_total_that_grows_with_the_dates_changed_over_time():
    group = only_group(
        {
            "a": ("Northwind has invested a total of $1 billion in Corvid Labs.", MON),
            "b": ("Northwind has invested a total of $1.2 billion in Corvid Labs.", WED),
        },
        "investment.total",
    )
    assert group.label == "changed_over_time"
    assert "moved from" in group.reason and "2025-03-03" in group.reason


def test_a_newer_source_with_an_older_smaller_total_is_stale():
    group = only_group(
        {
            "a": ("Northwind has invested a total of $1 billion in Corvid Labs.", MON),
            "b": ("Northwind has invested a total of $1.2 billion in Corvid Labs.", TUE),
            "c": ("Northwind has invested a total of $1 billion in Corvid Labs.", THU),
        },
        "investment.total",
    )
    assert group.label == "stale"
    assert group.reason.startswith("“$1 billion” (c)")
    assert [claim.source_id for claim in group.claims if claim.id in group.flagged] == ["c"]


def test_undated_totals_that_differ_are_a_conflict_not_a_change():
    group = only_group(
        {
            "a": ("Northwind has invested a total of $1 billion in Corvid Labs.", None),
            "b": ("Northwind has invested a total of $1.2 billion in Corvid Labs.", None),
        },
        "investment.total",
    )
    assert group.label == "conflict"


def test_one_source_alone_is_single_source_even_when_it_repeats_itself():
    group = only_group(
        {
            "a": (
                "Northwind invested $1.2 billion in Corvid Labs. It said Northwind invested $1.2 billion.",
                MON,
            )
        },
        "investment.amount",
    )
    assert group.label == "single_source"
    assert group.reason.startswith("only a gives")


def test_a_running_total_with_open_intervals_still_moves_by_its_headline_numbers():
    group = only_group(
        {
            "a": ("Northwind has invested a total of at least $1 billion in Corvid Labs.", MON),
            "b": ("Northwind has invested a total of at least $1.2 billion in Corvid Labs.", WED),
        },
        "investment.total",
    )
    assert group.label == "changed_over_time"


def test_a_running_total_of_one_date_is_judged_by_its_intervals():
    group = only_group(
        {
            "a": ("Northwind has invested a total of at least $1 billion in Corvid Labs.", MON),
            "b": ("Northwind has invested a total of $1.2 billion in Corvid Labs.", MON),
        },
        "investment.total",
    )
    assert group.label == "agree"


def test_a_revised_count_that_moves_is_a_change_and_a_repeated_old_count_is_stale():
    day = {name: dt.date(2025, 3, d) for name, d in (("a", 3), ("b", 5), ("c", 7))}
    texts = {
        "a": "Doskova won 51.6% of the vote, the election commission said.",
        "b": "Doskova won 52.1% of the vote, the election commission said.",
        "c": "Doskova won 51.6% of the vote, the election commission said.",
    }
    moved = only_group({k: (texts[k], day[k]) for k in ("a", "b")}, "election.share")
    assert moved.label == "changed_over_time"
    repeated = only_group({k: (texts[k], day[k]) for k in ("a", "b", "c")}, "election.share")
    assert repeated.label == "stale" and "repeats the figure of 2025-03-03" in repeated.reason


def test_a_running_total_is_current_on_its_publication_not_on_the_event_it_counts():
    group = only_group(
        {
            "a": ("The earthquake on Monday killed 23 people, officials said.", MON),
            "b": ("The death toll from Monday's earthquake rose to 40, officials said.", TUE),
            "c": ("The death toll from Monday's earthquake stands at 23, officials said.", THU),
        },
        "casualties.deaths",
    )
    assert group.label == "stale", group.reason
    assert "2025-03-06" in group.reason


def test_a_running_total_under_another_qualifier_has_not_moved_while_the_intervals_meet():
    group = only_group(
        {
            "a": ("Damage from the earthquake is estimated at about €2.1 billion.", MON),
            "b": ("Damage from the earthquake tops 2 billion euros.", THU),
        },
        "damage.estimate",
    )
    assert group.label == "agree", group.reason


def test_a_source_giving_both_figures_has_not_moved_from_either():
    group = only_group(
        {
            "a": ("Turnout was 66.1%, the election commission said.", MON),
            "b": ("Turnout was 66.1 percent, not the 58 percent turnout first reported.", TUE),
            "c": ("Turnout was 66.1 per cent, the election commission said.", THU),
        },
        "election.turnout",
    )
    assert group.label not in ("stale", "changed_over_time"), group.reason

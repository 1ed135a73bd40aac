"""Parts against their totals: tranches must add up to the total the sources give."""

from __future__ import annotations

import datetime as dt

from tests.match.helpers import reconciled

JAN, MAR, JUN = dt.date(2024, 1, 10), dt.date(2024, 3, 10), dt.date(2024, 6, 10)


def by_attribute(groups, attribute):
    return [g for g in groups if g.key[2] == attribute]


def test_tranches_that_sum_to_the_total_reconcile_with_it():
    groups = reconciled(
        {
            "a": ("Northwind invested an initial $800 million in Corvid Labs.", JAN),
            "b": (
                "Northwind put an additional $400 million into Corvid Labs, bringing the total to $1.2bn.",
                JUN,
            ),
            "c": ("Northwind has invested $1.2 billion in Corvid Labs in total.", JUN),
        }
    )
    (total,) = by_attribute(groups, "investment.total")
    assert total.label == "agree" and "sum to the total" in total.reason
    assert all("sum to the total" in g.reason for g in by_attribute(groups, "investment.amount"))


def test_tranches_exceeding_the_total_contradict_it():
    groups = reconciled(
        {
            "a": ("Northwind invested an initial $900 million in Corvid Labs.", JAN),
            "b": ("Northwind invested an additional $400 million in Corvid Labs.", MAR),
            "c": ("Northwind has invested $1.2 billion in Corvid Labs in total.", JUN),
        }
    )
    (total,) = by_attribute(groups, "investment.total")
    assert total.label == "conflict" and "more than the total" in total.reason


def test_a_total_the_sources_already_dispute_keeps_its_outlier_at_fault():
    groups = reconciled(
        {
            "a": ("Northwind invested an initial $900 million in Corvid Labs.", JAN),
            "b": ("Northwind invested an additional $400 million in Corvid Labs.", MAR),
            "c": ("Northwind has invested $1.2 billion in Corvid Labs in total.", JUN),
            "d": ("Northwind has invested a total of $1.2 billion in Corvid Labs.", JUN),
            "e": ("Northwind has invested $1.5 billion in Corvid Labs in total.", JUN),
        }
    )
    (total,) = by_attribute(groups, "investment.total")
    assert total.label == "conflict" and "more than the total" in total.reason
    assert [claim_id.split("#")[0] for claim_id in total.flagged] == ["e"]


def test_missing_tranches_are_noted_not_called_a_conflict():
    groups = reconciled(
        {
            "b": ("Northwind invested an additional $400 million in Corvid Labs.", MAR),
            "c": ("Northwind has invested $1.2 billion in Corvid Labs in total.", JUN),
        }
    )
    (total,) = by_attribute(groups, "investment.total")
    assert total.label != "conflict" and "cover only part" in total.reason


def test_tranches_after_the_total_are_not_counted():
    groups = reconciled(
        {
            "b": ("Northwind invested an additional $900 million in Corvid Labs.", JUN),
            "c": ("Northwind has invested $400 million in Corvid Labs in total.", JAN),
        }
    )
    (total,) = by_attribute(groups, "investment.total")
    assert total.label != "conflict" and "parts" not in total.reason


def test_another_sources_plain_amount_equal_to_a_total_is_that_total():
    groups = reconciled(
        {
            "a": ("The government released an initial €200 million in emergency aid for the region.", JAN),
            "b": ("The government has set aside 350 million euros in emergency aid for the region.", JUN),
            "c": ("The government has released a total of €350 million in emergency aid.", JUN),
        }
    )
    (total,) = by_attribute(groups, "aid.total")
    assert {claim.source_id for claim in total.claims} == {"b", "c"} and total.label == "agree"


def test_a_tranche_told_twice_a_few_days_apart_is_counted_once():
    groups = reconciled(
        {
            "a": ("Northwind invested an initial $800 million in Corvid Labs.", JAN),
            "b": ("Northwind invested an additional $400 million in Corvid Labs on June 1.", JUN),
            "c": ("Northwind invested an additional $400 million in Corvid Labs on June 10.", JUN),
            "d": ("Northwind has invested $1.2 billion in Corvid Labs in total.", JUN),
        }
    )
    (total,) = by_attribute(groups, "investment.total")
    assert total.label != "conflict" and "sum to the total" in total.reason


def test_two_tranches_of_one_size_months_apart_are_both_counted():
    groups = reconciled(
        {
            "a": ("Northwind invested an initial $400 million in Corvid Labs on January 10.", JUN),
            "b": ("Northwind invested an additional $400 million in Corvid Labs on June 1.", JUN),
            "c": ("Northwind has invested $600 million in Corvid Labs in total.", JUN),
        }
    )
    (total,) = by_attribute(groups, "investment.total")
    assert total.label == "conflict" and "more than the total" in total.reason

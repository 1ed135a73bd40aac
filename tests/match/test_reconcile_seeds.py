"""Issue 4's "done when" on the five seed articles."""

from __future__ import annotations

import pytest

from factlint.extract import extract
from factlint.ingest import read_corpus
from factlint.knowledge import default_knowledge
from factlint.match import group, reconcile, weights_of

KB = default_knowledge()


@pytest.fixture(scope="module")
def groups(seeds):
    corpus = read_corpus([seeds])
    claims = [claim for source in corpus.sources for claim in extract(source, KB)]
    published = {source.id: source.published for source in corpus.sources}
    return reconcile(group(claims, KB), KB, published=published)


def find(groups, attribute, aspect, value, subject=None):
    found = [
        g
        for g in groups
        if (subject is None or g.key[0] == subject)
        and g.key[2] == attribute
        and g.key[3] == aspect
        and any(c.quantity.value == value for c in g.claims)
    ]
    assert len(found) == 1, [g.key for g in found]
    return found[0]


def test_the_8_billion_totals_agree_across_sources(groups):
    totals = find(groups, "investment.total", "cumulative", 8e9)
    assert totals.label == "agree"
    assert len({claim.source_id for claim in totals.claims}) >= 4
    assert {claim.quantity.value for claim in totals.claims} == {8e9}
    assert totals.consensus.value == 8e9


def test_the_prospective_25_billion_total_is_its_own_fact(groups):
    prospective = find(groups, "investment.total", "cumulative+prospective", 25e9)
    assert prospective.label == "single_source"


def test_the_additional_and_the_initial_4_billion_reconcile_with_the_total(groups):
    additional = find(groups, "investment.amount", "increment", 4e9)
    initial = find(groups, "investment.amount", "", 4e9)
    totals = find(groups, "investment.total", "cumulative", 8e9)
    for part in (additional, initial, totals):
        assert part.label != "conflict"
        assert "sum to the total" in part.reason
    assert "initial" in " ".join(claim.sentence for claim in initial.claims)


def test_an_open_interval_valuation_holds_the_later_one_and_says_why(groups):
    valuation = [g for g in groups if g.key[2] == "valuation"]
    assert len(valuation) == 1 and valuation[0].label == "agree"
    assert {c.text for c in valuation[0].claims} == {"$40+ billion", "$380 billion"}
    assert "open interval" in valuation[0].reason


def test_dropped_qualifiers_are_labelled(groups):
    spend = find(groups, "commitment.spend", "", 100e9, subject="anthropic")
    assert spend.label == "qualifier_dropped" and "more than" in spend.reason
    twenty = find(groups, "investment.amount", "increment", 20e9)
    assert twenty.label == "qualifier_dropped" and "up to" in twenty.reason


def test_no_money_group_is_a_conflict_and_every_group_has_a_reason(groups):
    money = [g for g in groups if g.claims[0].kind == "money"]
    assert money and not [g.key for g in money if g.label == "conflict"]
    assert all(g.label and g.reason for g in groups)


def test_sources_get_weights_and_every_claim_a_verdict(groups):
    weights = weights_of(groups)
    assert len(weights) == 5 and all(weight > 0 for weight in weights.values())
    assert all(len(g.verdicts) == len(g.claims) for g in groups)

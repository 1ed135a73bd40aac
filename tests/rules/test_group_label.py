"""FL2xx findings from reconciled groups: a conflict never quotes a figure its claim allows."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import text_source
from factlint.knowledge import default_knowledge
from factlint.match.grouping import group
from factlint.match.intervals import reach
from factlint.match.reconcile import reconcile
from factlint.model import Claim, Quantity, Span
from factlint.rules.catalogue import load_catalogue
from factlint.rules.checks.group_label import check, disagree
from factlint.rules.context import Context

KB = default_knowledge()
CONFLICT = load_catalogue()["FL201"]
WRITTEN = {None: "", "up_to": "up to ", "more_than": "more than "}


def money(ident: str, source: str, billions: float, qualifier: str | None = None) -> Claim:
    value = billions * 1e9
    low, high = value, value
    if qualifier == "up_to":
        low = 0.0
    elif qualifier == "more_than":
        high = float("inf")
    text = f"{WRITTEN[qualifier]}${billions:g} billion"
    return Claim(
        id=ident,
        source_id=source,
        span=Span(0, len(text)),
        text=text,
        sentence=f"Acme invested {text} in Brightco.",
        kind="money",
        extractor="test",
        attribute="investment.total",
        subject="acme",
        counterparty="brightco",
        quantity=Quantity(value, "USD", low, None if high == float("inf") else high, qualifier=qualifier),
    )


def findings(claims: list[Claim]):
    groups = tuple(reconcile(group(claims, KB), KB))
    return list(check(Context((), tuple(claims), groups, KB), CONFLICT)), groups


def test_a_lone_outlier_contradicts_the_consensus_figure():
    claims = [money("a", "s1", 8), money("b", "s2", 8), money("c", "s3", 8), money("d", "s4", 5)]
    (found,), _ = findings(claims)
    assert [evidence.quote for evidence in found.evidence] == ["$5 billion", "$8 billion"]
    assert found.message.count("$8 billion") == 1


def test_figures_that_can_be_one_value_never_disagree():
    assert not disagree(money("a", "s1", 8), money("b", "s2", 8), KB)
    assert not disagree(money("a", "s1", 8), money("b", "s2", 25, "up_to"), KB)
    assert disagree(money("a", "s1", 8), money("b", "s2", 4), KB)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([1, 4, 8, 8.0, 25, 100]), st.sampled_from([None, "up_to", "more_than"])),
        min_size=2,
        max_size=7,
    )
)
def test_no_conflict_quotes_a_figure_its_own_claim_allows(figures):
    claims = [money(f"c{k}", f"s{k}", value, qualifier) for k, (value, qualifier) in enumerate(figures)]
    by_id = {claim.id: claim for claim in claims}
    found, _ = findings(claims)
    for finding in found:
        assert len(finding.evidence) == 2
        mine, theirs = (by_id[evidence.claim_id] for evidence in finding.evidence)
        assert not reach(mine, KB).meets(reach(theirs, KB))
        assert mine.source_id != theirs.source_id


def test_messages_name_sources_by_outlet_and_date_and_tell_alike_ones_apart():
    day = dt.date(2024, 11, 22)
    sources = (
        text_source("a", id="s1", outlet="Wire One", published=day),
        text_source("b", id="s2", outlet="Wire One", published=day),
        text_source("c", id="s3", outlet="Daily Two", published=day),
        text_source("d", id="s4"),
        text_source("e", id="s5", outlet="Monthly Three"),
    )
    claims = [money("a", "s3", 8), money("b", "s3", 8), money("c", "s4", 8), money("d", "s1", 5)]
    context = Context(sources, tuple(claims), tuple(reconcile(group(claims, KB), KB)), KB)
    assert context.names == {
        "s1": "Wire One, 2024-11-22 (s1)",
        "s2": "Wire One, 2024-11-22 (s2)",
        "s3": "Daily Two, 2024-11-22",
        "s4": "s4",
        "s5": "Monthly Three",
    }
    (found,) = check(context, CONFLICT)
    assert "given by Daily Two, 2024-11-22" in found.message and "“$5 billion”" in found.message


def test_a_source_that_repeats_its_wrong_figure_is_told_once():
    claims = [money("a", "s1", 8), money("b", "s2", 8), money("c", "s3", 8)]
    claims += [money("d", "s4", 5), money("e", "s4", 5), money("f", "s4", 6)]
    found, (conflict,) = findings(claims)
    assert set(conflict.flagged) == {"d", "e", "f"}
    assert sorted(finding.evidence[0].quote for finding in found) == ["$5 billion", "$6 billion"]


def test_a_dropped_qualifier_is_told_against_the_figure_with_it_and_its_own_source():
    dropped = load_catalogue()["FL204"]
    claims = [money("a", "s1", 8, "up_to"), money("b", "s2", 8), money("c", "s3", 8)]
    sources = tuple(text_source("x", id=name, outlet=f"Outlet {name}") for name in ("s1", "s2", "s3"))
    context = Context(sources, tuple(claims), tuple(reconcile(group(claims, KB), KB)), KB)
    found = sorted(check(context, dropped), key=lambda finding: finding.message)
    assert [finding.message for finding in found] == [
        "“$8 billion” (Outlet s2) drops the qualifier of “up to $8 billion” given by Outlet s1",
        "“$8 billion” (Outlet s3) drops the qualifier of “up to $8 billion” given by Outlet s1",
    ]

"""Grouping: blocks by subject, counterparty, attribute and aspect; time frames split a block."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.knowledge import default_knowledge
from factlint.match.grouping import blocking_key, group, group_prepared
from factlint.match.names import short_names
from factlint.model import Claim, Quantity, Span, TimeRef

KB = default_knowledge()


def claim(
    ident: str,
    subject: str | None,
    attribute: str | None,
    start: dt.date | None = None,
    counterparty: str | None = None,
    aspect: str | None = None,
) -> Claim:
    time = TimeRef("t", start, start, "day", "absolute") if start else None
    return Claim(
        id=ident,
        source_id=ident,
        span=Span(0, 1),
        text="$1",
        sentence="$1",
        kind="money",
        extractor="test",
        attribute=attribute,
        subject=subject,
        counterparty=counterparty,
        aspect=aspect,
        quantity=Quantity(1.0, "USD", 1.0, 1.0),
        refers_to=time,
    )


def test_the_seed_totals_from_several_sources_form_one_group(seeds):
    from factlint.extract import extract
    from factlint.ingest import read_corpus

    claims = [c for source in read_corpus([seeds]).sources for c in extract(source, KB)]
    groups = group(claims, KB)
    totals = [g for g in groups if g.key[:4] == ("amazon", "anthropic", "investment.total", "cumulative")]
    assert len(totals) == 1
    eight = [c for c in totals[0].claims if c.quantity.value == 8e9]
    assert len({c.source_id for c in eight}) >= 3
    spend = [g for g in groups if g.key[2] == "commitment.spend" and len(g.claims) == 2]
    assert {c.quantity.qualifier for c in spend[0].claims} == {None, "more_than"}


def test_different_subjects_facts_or_times_never_group():
    day = dt.date(2024, 1, 1)
    claims = [
        claim("a", "amazon", "revenue", day),
        claim("b", "aws", "revenue", day),
        claim("c", "amazon", "profit", day),
        claim("d", "amazon", "revenue", dt.date(2023, 1, 1)),
        claim("e", "amazon", "revenue", day),
    ]
    together = {tuple(sorted(c.id for c in g.claims)) for g in group(claims, KB)}
    assert together == {("a", "e"), ("b",), ("c",), ("d",)}


def test_a_missing_counterparty_joins_the_only_one_and_subsidiaries_count_as_parents():
    claims = [
        claim("a", "anthropic", "commitment.spend", counterparty="aws"),
        claim("b", "anthropic", "commitment.spend", counterparty="amazon"),
        claim("c", "anthropic", "commitment.spend"),
    ]
    [only] = group(claims, KB)
    assert sorted(c.id for c in only.claims) == ["a", "b", "c"]


def test_a_missing_subject_joins_the_only_one_paying_that_counterparty():
    claims = [
        claim("a", "candidate:castlemere-city", "transfer.fee", counterparty="candidate:ashbridge-rovers"),
        claim("b", None, "transfer.fee", counterparty="candidate:ashbridge-rovers"),
        claim("c", "candidate:other-club", "transfer.fee", counterparty="candidate:third-club"),
    ]
    together = {tuple(sorted(c.id for c in g.claims)) for g in group(claims, KB)}
    assert together == {("a", "b"), ("c",)}


def test_a_short_form_of_exactly_one_longer_name_is_that_name():
    claims = [
        claim("a", "candidate:castlemere-city", "transfer.fee"),
        claim("b", "candidate:castlemere", "transfer.fee"),
        claim("c", "person:doskova", "election.share"),
        claim("d", "person:mirela-doskova", "election.share"),
    ]
    together = {tuple(sorted(c.id for c in g.claims)) for g in group(claims, KB)}
    assert together == {("a", "b"), ("c", "d")}
    assert (
        short_names(["candidate:castlemere", "candidate:castlemere-city", "candidate:castlemere-united"])
        == {}
    )
    assert short_names(["person:koll", "person:vera-koll", "candidate:koll-group"]) == {
        "person:koll": "person:vera-koll"
    }


def test_a_person_read_as_a_company_is_that_person():
    assert short_names(["candidate:marcus-delaney", "person:marcus-delaney"]) == {
        "candidate:marcus-delaney": "person:marcus-delaney"
    }
    # through the person's own alias: a surname alone is the full name
    assert short_names(["candidate:delaney", "person:delaney", "person:marcus-delaney"]) == {
        "person:delaney": "person:marcus-delaney",
        "candidate:delaney": "person:marcus-delaney",
    }
    # a company that merely shares a word with a person stays a company
    assert short_names(["candidate:delaney-group", "person:marcus-delaney"]) == {}


def test_event_figures_meet_each_other_whoever_is_named_but_company_figures_need_a_party():
    assert blocking_key(claim("a", None, "casualties.deaths"), KB) == ("", "", "casualties.deaths", "")
    assert blocking_key(claim("b", "candidate:red-cross", "casualties.deaths"), KB)[:2] == ("", "")
    assert blocking_key(claim("c", None, "revenue"), KB) is None


def test_claims_without_attribute_or_parties_are_not_matched():
    assert blocking_key(claim("a", "amazon", None), KB) is None
    assert blocking_key(claim("b", None, "revenue"), KB) is None
    assert group(extract_text("The ticket was $40."), KB) == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["amazon", "aws", None]),
            st.sampled_from(["revenue", "capex"]),
            st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2020, 1, 5))),
        ),
        max_size=25,
    )
)
def test_every_matchable_claim_is_in_exactly_one_group(rows):
    claims = [claim(str(i), subject, attribute, start) for i, (subject, attribute, start) in enumerate(rows)]
    grouped = [c.id for g in group(claims, KB) for c in g.claims]
    matchable = [c.id for c in claims if blocking_key(c, KB) is not None]
    assert sorted(grouped) == sorted(matchable)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["candidate", "person"]),
            st.lists(st.sampled_from(["ab", "cd", "ef"]), min_size=1, max_size=3),
        ),
        max_size=12,
    )
)
def test_short_names_point_to_one_longer_name_of_their_kind_or_to_the_same_person(rows):
    ids = [f"{kind}:{'-'.join(words)}" for kind, words in rows]
    aliases = short_names(ids)
    for short, long in aliases.items():
        assert short in ids and long in ids and short != long
        slug, full = short.split(":")[1], long.split(":")[1]
        if short.split(":")[0] != long.split(":")[0]:  # a person read as a company: that person
            assert short.startswith("candidate:") and long.startswith("person:")
            assert long == aliases.get(f"person:{slug}", f"person:{slug}")
            continue
        assert len(long) > len(short)
        assert full.startswith(slug + "-") or full.endswith("-" + slug)


def test_in_an_archive_claims_are_grouped_only_within_their_story_folder():
    from collections import defaultdict
    from pathlib import Path

    from factlint.match.grouping import prepare
    from factlint.pipeline import build_report

    from ..conftest import ROOT

    folders_given = sorted(path for path in (ROOT / "fixtures" / "stories").iterdir() if path.is_dir())
    archive = build_report(folders_given, stories="folder")
    folders = {source.id: Path(source.path).parent.name for source in archive.sources}
    assert len(set(folders.values())) == 4 and len(archive.sources) == 19
    for found in archive.groups:
        assert len({folders[claim.source_id] for claim in found.claims}) == 1
    alone = sorted(
        (found.key, tuple(claim.id.split("#")[1] for claim in found.claims))
        for story in folders_given
        for found in build_report([story]).groups
    )
    together = sorted(
        (found.key, tuple(claim.id.split("#")[1] for claim in found.claims)) for found in archive.groups
    )
    assert together == alone
    kb = default_knowledge()
    by_pair = defaultdict(list)
    prepared = prepare(archive.claims, kb, {sid: folder for sid, folder in folders.items()})
    for item in prepared:
        by_pair[(item.story, item.key[2])].append(item)
    pieces = [found for pair in sorted(by_pair) for found in group_prepared(by_pair[pair], kb)]
    assert sorted((g.key, [c.id for c in g.claims]) for g in pieces) == sorted(
        (g.key, [c.id for c in g.claims]) for g in group_prepared(prepared, kb)
    )


def test_two_quakes_a_day_apart_are_one_story_unless_each_folder_is_its_own(write, tmp_path):
    from factlint.pipeline import build_report

    write("archive/north/a.txt", "Published: 2025-03-14\n\nThe earthquake killed 23 people, officials said.")
    write("archive/south/b.txt", "Published: 2025-03-15\n\nThe earthquake killed 40 people, officials said.")
    deaths = [
        [len(found.claims) for found in build_report([tmp_path / "archive"], stories=scope).groups]
        for scope in ("corpus", "folder")
    ]
    assert deaths == [[2], [1, 1]]


def _revenue(ident: str, text: str, published: dt.date = dt.date(2025, 2, 20)) -> Claim:
    found = [c for c in extract_text(text, published) if c.kind == "money"]
    assert len(found) == 1, found
    return dataclasses.replace(found[0], id=ident, source_id=ident)


def test_a_quarters_revenue_and_a_years_are_compared_apart():
    quarter = _revenue("a", "Acme Corp reported revenue of $1.27 billion for Q4 2024.")
    year = _revenue("b", "Acme Corp reported revenue of $3.9 billion last year.")
    other_quarter = _revenue("c", "Acme Corp posted revenue of $1.3 billion in the fourth quarter of 2024.")
    assert (quarter.refers_to.precision, year.refers_to.precision) == ("quarter", "year")
    assert blocking_key(quarter, KB) != blocking_key(year, KB)
    assert blocking_key(quarter, KB) == blocking_key(other_quarter, KB)
    # near miss: a figure that is no figure over a period keeps one block whatever its time
    price = next(c for c in extract_text("Acme Corp shares closed at $12 in Q4 2024.") if c.kind == "money")
    assert "per" not in blocking_key(price, KB)[3]

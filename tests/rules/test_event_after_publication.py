"""FL302: completed events dated after publication, and plans and schedules that are not."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import extract, text_source
from factlint.extract.reading import read_beside
from factlint.knowledge import default_knowledge
from factlint.pipeline import build_report
from factlint.rules.catalogue import load_catalogue
from factlint.rules.checks import KINDS
from factlint.rules.context import Context

from ..conftest import ROOT

KB = default_knowledge()
RULE = load_catalogue()["FL302"]
MARCH_5 = dt.date(2025, 3, 5)


def run(text, published=MARCH_5):
    source = text_source(text, published, id="a", path="a.txt")
    claims = tuple(extract(source, KB))
    readings = {source.id: read_beside(source, claims, KB)}
    return list(KINDS[RULE.kind].run(Context((source,), claims, (), KB, readings=readings), RULE))


def test_the_seeds_and_the_stories_report_nothing_after_publication(seeds):
    folders = [seeds, *(path for path in sorted((ROOT / "fixtures" / "stories").iterdir()) if path.is_dir())]
    for folder in folders:
        findings = build_report([folder]).findings
        assert not [finding for finding in findings if finding.code == "FL302"], folder.name


@pytest.mark.parametrize(
    "text",
    [
        "He died on March 12, 2025, his family said.",
        "The company announced on March 12, 2025 that it will invest more.",
        "The agreement was signed on March 12, 2025 and will take effect in April.",
        "The election, held on March 12, 2025, was calm.",
        "After talks on March 12, 2025, the companies agreed a deal.",
        "The plant opened on March 12, 2025, the company said.",
        "Shares rose 3% on 2025-03-07 after the results.",
        "In April 2025 the regulator approved the merger.",
    ],
)
def test_a_completed_event_after_publication_is_reported(text):
    (found,) = run(text)
    assert found.code == "FL302" and found.evidence[0].span is not None


@pytest.mark.parametrize(
    "text",
    [
        "The company said on Tuesday that it will close the deal on March 12, 2025.",
        "The deal was signed in January and will close on March 12, 2025.",
        "Before the vote on March 12, 2025, the party announced its list.",
        "The signed agreement takes effect on April 1, 2025.",
        "The company announced a target of net zero in 2030.",
        "The company announced plans to open a plant in 2027.",
        "The board agreed to sell the unit on March 20, 2025.",
        "The vote was postponed to March 20, 2025.",
        "The company, which will report on March 12, 2025, announced a dividend.",
        "The March 12, 2025 vote was announced last week.",
        "A strike is planned for March 12, 2025, the union announced.",
        "We'll sign on March 12, 2025, he said.",
        "The results, announced on March 12 last year, were poor.",
        "The contract runs until June 2027.",
        "The company announced a deal in March 2025.",
        "Updated: March 6, 2025",
    ],
)
def test_plans_schedules_deadlines_and_the_publication_month_are_not(text):
    assert run(text) == []


def test_a_day_without_a_year_is_read_as_this_years_when_it_is_a_few_days_ahead():
    (found,) = run("On March 12 the company announced a second tranche.")
    assert "2025-03-12" in found.message and "has no year" in found.explanation
    assert "give the year" in (found.fix or "")
    # Far ahead in this year, the day is last year's, as extraction reads it.
    assert run("On December 12 the company announced a second tranche.") == []


def test_a_later_year_of_another_event_leaves_a_day_without_a_year_this_years():
    text = "The maker filed for approval on March 12, setting up a potential launch in {}."
    (found,) = run(text.format(2027))
    assert "2025-03-12" in found.message and "has no year" in found.explanation
    # A year that the day may be in (this one, an earlier one) keeps it as extraction reads it.
    assert run(text.format(2025)) == []
    assert run(text.format(2024)) == []


def test_one_day_after_publication_names_the_time_zone_as_a_possible_cause():
    (found,) = run("The quake struck on March 6, 2025.")
    assert found.message.startswith("“struck” on March 6, 2025 (2025-03-06), 1 day(s)")
    assert "time zone" in found.explanation


def test_without_a_publication_date_nothing_is_after_it():
    assert run("On March 12, 2025, the company announced a deal.", published=None) == []


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RELATIVE = st.one_of(
    st.sampled_from(WEEKDAYS),
    st.sampled_from(WEEKDAYS).map(lambda day: f"last {day}"),
    st.sampled_from(["yesterday", "today", "last week", "last month", "earlier this month", "two days ago"]),
)
VERBS = st.sampled_from(["announced", "signed", "said", "completed", "died", "won", "was signed"])


@settings(max_examples=60, deadline=None)
@given(RELATIVE, VERBS, st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.booleans())
def test_a_relative_date_in_the_past_tense_never_lands_after_publication(when, verb, published, first):
    text = f"{when.capitalize()}, the company {verb} the deal." if first else f"The deal was {verb} {when}."
    assert run(text, published) == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_any_text_gives_findings_or_nothing(text, published):
    for found in run(text, published):
        assert found.code == "FL302" and found.evidence

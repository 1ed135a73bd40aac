"""FL101: front matter against text, labelled figures and figures of one fact, beyond the examples."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import extract, text_source
from factlint.extract.reading import read_beside
from factlint.knowledge import default_knowledge
from factlint.match import group, reconcile
from factlint.pipeline import build_report
from factlint.rules.catalogue import load_catalogue
from factlint.rules.checks import KINDS
from factlint.rules.context import Context

from ..conftest import ROOT

KB = default_knowledge()
RULE = load_catalogue()["FL101"]


def inconsistencies(write, text, name="article.md"):
    path = write(name, text)
    return [finding for finding in build_report([path]).findings if finding.code == "FL101"]


def run(text, meta=None, published=None):
    """The check alone on one source built in memory (fast enough for hypothesis)."""
    source = text_source(text, published, id="a", path="a.md", format="markdown", meta=meta or {})
    claims = tuple(extract(source, KB))
    groups = tuple(reconcile(group(claims, KB), KB, published={"a": published}))
    context = Context((source,), claims, groups, KB, readings={"a": read_beside(source, claims, KB)})
    return list(KINDS[RULE.kind].run(context, RULE))


# --- the seed -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_findings(seeds):
    return [finding for finding in build_report([seeds]).findings if finding.code == "FL101"]


def test_the_seed_gives_the_impact_score_and_the_estimated_date_two_ways_and_nothing_else(seed_findings):
    assert {finding.source_id[:3] for finding in seed_findings} == {"000"}
    assert len(seed_findings) == 2
    score = next(finding for finding in seed_findings if finding.message.startswith("impact score"))
    assert "impact.score: 100" in score.message and "95/100" in score.message
    assert score.evidence[0].quote == "impact score of 95/100"  # the odd one out comes first
    date = next(finding for finding in seed_findings if finding.message.startswith("estimated date"))
    assert "2024-12-31T00:00:00.000Z" in date.message and "12/30/2024" in date.message
    assert "US Eastern (19:00)" in date.message and "time-zone shift" in date.message


def test_the_stories_give_nothing_two_ways():
    for story in sorted((ROOT / "fixtures" / "stories").iterdir()):
        if story.is_dir():
            findings = build_report([story]).findings
            assert not [finding for finding in findings if finding.code == "FL101"], story.name


# --- front matter ---------------------------------------------------------------------------------


def test_a_generic_key_needs_its_parents_word():
    meta = {"impact": {"score": 100}, "score": 3}
    assert run("The impact score of 95/100 was high.\n", meta)
    # The top-level "score" does not speak of the impact score, nor does "impact score" of "score".
    assert not run("The impact score of 100/100 was high.\n", meta)


def test_a_share_in_the_front_matter_is_the_percentage_in_the_text(write):
    text = "---\ndate: 2025-03-04\nturnout: 0.661\n---\nTurnout was 66.1 percent, the commission said.\n"
    assert not inconsistencies(write, text)


def test_a_date_only_value_a_day_off_has_no_time_zone_to_blame():
    (found,) = run("Event date: March 8, 2025\n", {"event": {"date": "2025-03-09"}})
    assert found.message.startswith("event date given 2") and "time-zone" not in found.message


def test_a_timestamp_two_days_off_is_no_time_zone_shift():
    (found,) = run("Estimated Date: 12/29/2024\n", {"timeline": {"estimatedDate": "2024-12-31T00:00:00Z"}})
    assert "time-zone" not in found.message


def test_a_front_matter_key_the_text_never_labels_is_left_alone():
    assert not run("Amazon invested $8 billion in Anthropic.\n", {"impact": {"score": 100}, "rank": 3})


def test_publication_keys_and_ignored_keys_are_not_labels():
    meta = {"date": "2025-03-05", "version": 2}
    assert not run("The vote date: March 9, 2025. Version 3 of the app.\n", meta, dt.date(2025, 3, 5))


# --- the text against itself ----------------------------------------------------------------------


def test_a_labelled_figure_in_a_part_of_the_whole_is_another_figure():
    text = (
        "The approval rating of 41% was the lowest.\n\nHis approval rating of 38% in the north worried aides."
    )
    assert not run(text)


def test_a_range_is_not_a_second_value():
    text = "The trial had a sample size of 1,200 adults.\n\nA sample size of 1,000 to 1,500 is usual.\n"
    assert not run(text)


def test_figures_in_one_sentence_are_compared_by_the_reader():
    assert not run("Turnout was 66.1% in the cities and turnout was 58% in the villages.\n")


def test_a_figure_said_to_change_is_not_a_contradiction():
    text = "Turnout was 64% at noon.\n\nTurnout rose to 66.1% by the close, the commission said.\n"
    assert not run(text, published=dt.date(2025, 3, 4))


# --- never a crash --------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "impact",
        "score",
        "of",
        "Estimated",
        "Date:",
        "95/100",
        "100/100",
        "12/30/2024",
        "turnout",
        "was",
        "66.1%",
        "$8 billion",
        "**",
        ":",
        "\n",
        "March 9, 2025",
        "in",
        "Halm",
        "0",
        "1/0",
        "9" * 30,
    ]
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["2024-12-31T00:00:00.000Z", "2025-03-09", "March 9, 2025", "12/30/2024", "2024-02-30"]),
)
META = st.recursive(
    st.dictionaries(st.text(max_size=12), VALUES, max_size=4),
    lambda inner: st.dictionaries(
        st.text(max_size=12), st.one_of(inner, st.lists(VALUES, max_size=3)), max_size=3
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=40), META)
def test_any_text_and_any_front_matter_give_findings_or_nothing(words, meta):
    text = " ".join(words)
    for found in run(text, meta, dt.date(2025, 3, 5)):
        assert found.code == "FL101" and found.evidence
        for evidence in found.evidence:
            assert evidence.span is None or 0 <= evidence.span.start <= evidence.span.end <= len(text)

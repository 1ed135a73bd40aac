"""The data model: records round-trip through JSON; the offset map locates characters."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.dates import StatedDate
from factlint.model import (
    Claim,
    ClaimGroup,
    Evidence,
    Finding,
    MetaValue,
    OffsetMap,
    Quantity,
    Report,
    Role,
    Severity,
    Source,
    Span,
    TimeRef,
    Verdict,
    from_dict,
    record_fields,
    to_dict,
)

finite = st.floats(allow_nan=False, allow_infinity=False)
names = st.text(max_size=20)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(lambda pair: Span(min(pair), max(pair)))
quantities = st.builds(
    Quantity,
    value=st.none() | finite,
    unit=names,
    low=st.none() | finite,
    high=st.none() | finite,
    low_closed=st.booleans(),
    high_closed=st.booleans(),
    qualifier=st.none() | names,
    vague=st.booleans(),
)
times = st.builds(
    TimeRef,
    text=names,
    start=st.none() | st.dates(),
    end=st.none() | st.dates(),
    precision=st.none() | names,
    resolution=names,
)
evidence = st.builds(
    Evidence, source_id=names, quote=names, span=st.none() | spans, claim_id=st.none() | names
)
findings = st.builds(
    Finding,
    code=names,
    rule=names,
    severity=st.sampled_from(Severity),
    message=names,
    path=st.none() | names,
    source_id=st.none() | names,
    evidence=st.lists(evidence, max_size=3).map(tuple),
    explanation=names,
    fix=st.none() | names,
)
claims = st.builds(
    Claim,
    id=names,
    source_id=names,
    span=spans,
    text=names,
    sentence=names,
    kind=names,
    extractor=names,
    attribute=st.none() | names,
    subject=st.none() | names,
    quantity=st.none() | quantities,
    time=st.none() | times,
    role=st.none() | st.builds(Role, person=names, title=names),
    refers_to=st.none() | times,
)
offset_maps = st.lists(
    st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)), max_size=5
).map(lambda runs: OffsetMap(tuple(runs), (0,)))
stated_dates = st.dates().map(StatedDate.of_day) | st.sampled_from(
    ["2024-11-23T10:00:00Z", "2025-07-10 19:45", "2024-11-22T23:30:00-08:00", "--02-29"]
).map(StatedDate.from_iso)
meta_values = st.builds(
    MetaValue,
    path=st.lists(names, min_size=1, max_size=3).map(tuple),
    words=st.lists(st.lists(names, max_size=2).map(tuple), max_size=3).map(tuple),
    folded=st.lists(names, max_size=3).map(tuple),
    written=names,
    number=st.none() | finite,
    step=finite,
    date=st.none() | stated_dates,
    published=st.booleans(),
)
sources = st.builds(
    Source,
    id=names,
    path=names,
    format=names,
    encoding=names,
    sha256=names,
    text=st.text(max_size=50),
    offsets=offset_maps,
    title=st.none() | names,
    published=st.none() | st.dates(),
    published_from=st.none() | names,
    dates=st.dictionaries(names, stated_dates, max_size=3),
    meta=st.dictionaries(names, st.none() | names | st.integers(), max_size=3),
    problems=st.lists(findings, max_size=2).map(tuple),
)
groups = st.builds(
    ClaimGroup,
    key=st.lists(names, max_size=3).map(tuple),
    claims=st.lists(claims, max_size=2).map(tuple),
    consensus=st.none() | quantities,
    consensus_text=names,
    verdicts=st.lists(
        st.builds(
            Verdict,
            claim_id=names,
            source_id=names,
            score=finite,
            weight=finite,
            agreeing=st.integers(0, 10),
            disagreeing=st.integers(0, 10),
        ),
        max_size=2,
    ).map(tuple),
    label=st.none() | names,
    reason=names,
    flagged=st.lists(names, max_size=2).map(tuple),
)
reports = st.builds(
    Report,
    version=names,
    inputs=st.lists(names, max_size=2).map(tuple),
    sources=st.lists(sources, max_size=2).map(tuple),
    findings=st.lists(findings, max_size=2).map(tuple),
    claims=st.lists(claims, max_size=2).map(tuple),
    groups=st.lists(groups, max_size=2).map(tuple),
)


@given(reports)
def test_report_round_trips_through_json(report):
    text = json.dumps(to_dict(report), allow_nan=False)
    assert from_dict(Report, json.loads(text)) == report


@given(sources, st.lists(meta_values, max_size=3).map(tuple))
def test_unreported_fields_are_left_out_of_the_report_and_kept_whole(source, values):
    source = dataclasses.replace(source, meta_values=values)
    assert "meta_values" not in to_dict(source) and "meta_values" not in record_fields(source)
    whole = json.loads(json.dumps(to_dict(source, whole=True), allow_nan=False))
    assert len(whole["meta_values"]) == len(values)
    assert from_dict(Source, whole) == source
    assert from_dict(Source, to_dict(source)) == dataclasses.replace(source, meta_values=())


def test_stated_dates_are_written_as_their_iso_text():
    dates = {"byline": StatedDate.from_iso("--11-22"), "updated": StatedDate.from_iso("2024-11-23T10:00:00Z")}
    assert to_dict(dates) == {"byline": "--11-22", "updated": "2024-11-23T10:00:00Z"}


@given(claims)
def test_claim_round_trips(claim):
    assert from_dict(Claim, json.loads(json.dumps(to_dict(claim)))) == claim


def test_dates_and_enums_serialise_as_strings():
    finding = Finding("FL901", "input.unreadable", Severity.ERROR, "gone", path="a.md")
    assert to_dict(finding)["severity"] == "error"
    assert to_dict(TimeRef("Q3 2024", dt.date(2024, 7, 1)))["start"] == "2024-07-01"


def test_records_are_frozen():
    with pytest.raises(AttributeError):
        Span(1, 2).start = 3  # type: ignore[misc]


def test_span_rejects_negative_or_reversed_ranges():
    with pytest.raises(ValueError):
        Span(3, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_offset_map_copied_and_replaced_runs():
    # "a&amp;b\nc" cleaned to "a&b c": a copied, & replaced (5 chars), b copied, newline
    # replaced by a space, c copied.
    offsets = OffsetMap(((0, 1, 0, 1), (1, 1, 1, 5), (2, 1, 6, 1), (3, 1, 7, 0), (4, 1, 8, 1)), (0, 8))
    assert [offsets.to_original(i) for i in range(5)] == [0, 1, 6, 7, 8]
    assert [offsets.is_copied(i) for i in range(5)] == [True, False, True, False, True]
    assert offsets.line_col(4) == (2, 1)
    assert offsets.to_original(5) == 9  # the end of the text maps past the last run


def test_severity_order():
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank

"""Records rebuilt from untrusted JSON: exact round trips, and nothing but RecordError on anything else."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract_text
from factlint.ingest import parse_source
from factlint.model import Claim, Finding, MetaValue, Quantity, Severity, Source, Span, to_dict
from factlint.strict_records import RecordError, decode

SENTENCES = [
    "Amazon has invested $8 billion in Anthropic, bringing its total to $8 billion.",
    "Shares rose 5% to $203.19 on November 22, 2024.",
    "Adam Selipsky, AWS CEO, said the 2.7GW plant opens in Q3 2025.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_claims_come_back_exactly_through_json(text: str) -> None:
    claims = extract_text(text)
    assert claims
    for claim in claims:
        back = decode(Claim, json.loads(json.dumps(to_dict(claim))))
        assert back == claim and json.dumps(to_dict(back)) == json.dumps(to_dict(claim))


def test_a_source_comes_back_with_its_stated_dates_and_front_matter_values() -> None:
    text = "---\nupdated: 2024-11-22T23:30:00-08:00\nimpact:\n  score: 95\n---\nReuters | Nov 22\n\nText.\n"
    source = parse_source(text.encode(), "a.md", "a", 1_000_000)
    assert isinstance(source, Source) and source.meta_values and source.dates["byline"].day is None
    back = decode(Source, json.loads(json.dumps(to_dict(source, whole=True))))
    assert back == source and back.dates["updated"].moment == source.dates["updated"].moment


@pytest.mark.parametrize("stated", ["soon", "2024-02-30", "--13-01", 20241122, ["2024-11-22"]])
def test_a_stated_date_that_is_not_one_is_refused(stated: object) -> None:
    value = {"path": ["date"], "words": [["date"]], "folded": ["date"], "written": "x"}
    assert decode(MetaValue, {**value, "date": "--11-22"}).date is not None
    with pytest.raises(RecordError):
        decode(MetaValue, {**value, "date": stated})


def test_whole_numbers_stay_whole_and_fractions_stay_fractions() -> None:
    assert json.dumps(to_dict(decode(Quantity, {"value": 8000000000, "unit": "USD"}))).startswith(
        '{"value": 8000000000,'
    )
    assert decode(Quantity, {"value": 8e9, "unit": "USD"}).value.is_integer()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ({"start": "1", "end": 2}, "expected int"),
        ({"start": 3, "end": 2}, "invalid span"),
        ({"start": 1, "end": 2, "extra": 0}, "unknown field"),
        ([1, 2], "expected a mapping"),
        ({"start": True, "end": 2}, "expected int"),
    ],
)
def test_near_misses_of_a_span_are_refused(data: object, why: str) -> None:
    with pytest.raises(RecordError, match=why):
        decode(Span, data)


def test_an_unknown_severity_or_a_date_that_is_not_one_is_refused() -> None:
    finding = {"code": "FL1", "rule": "r", "severity": "fatal", "message": "m"}
    with pytest.raises(RecordError):
        decode(Finding, finding)
    assert decode(Finding, {**finding, "severity": "error"}).severity is Severity.ERROR
    with pytest.raises(RecordError):
        decode(
            Claim, {**to_dict(extract_text(SENTENCES[1])[0]), "time": {"text": "x", "start": "2024-13-01"}}
        )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_any_json_gives_a_claim_or_a_record_error(value: object) -> None:
    try:
        claim = decode(Claim, value)
    except RecordError:
        return
    assert isinstance(claim, Claim)


@given(st.sampled_from(SENTENCES), st.data())
def test_a_claim_with_one_field_replaced_by_any_json_never_crashes(text: str, data: st.DataObject) -> None:
    record = to_dict(extract_text(text)[0])
    field = data.draw(st.sampled_from(sorted(record)))
    record[field] = data.draw(json_values)
    with contextlib.suppress(RecordError):
        decode(Claim, record)

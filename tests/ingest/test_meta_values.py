"""The front matter's numbers and dates, typed on the source under their keys' words."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.dates import StatedDate
from factlint.engines.work import Read, from_json, to_json
from factlint.ingest import parse_source
from factlint.ingest.meta_values import key_words, meta_values
from factlint.model import MetaValue, Reading, step_of, to_dict
from factlint.strict_records import decode


def parse(text: str):
    return parse_source(text.encode(), "a.md", "a", 1_000_000)


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("estimatedDate", ("estimated", "date")),
        ("estimated_dates", ("estimated", "dates")),
        ("sample_size", ("sample", "size")),
        ("death-toll", ("death", "toll")),
        ("extractedAt", ("extracted", "at")),
        ("totalDeaths", ("total", "deaths")),
        ("og:title2", ("og", "title")),
        ("___", ()),
    ],
)
def test_a_key_is_read_as_its_words(key, words):
    assert key_words(key) == words


def test_a_written_number_stands_for_half_its_last_digit():
    assert step_of("95") == 0.5 and step_of("66.1") == 0.05 and step_of("1.375") == 0.0005


def test_numbers_and_dates_arrive_typed_under_their_keys():
    source = parse(
        "---\ndate: 2025-03-04\nimpact:\n  score: 95.5\ntimeline:\n  estimatedDate: 2024-12-31T00:00:00Z\n"
        "note: not a date\nflag: true\nvote_day: March 9, 2025\n---\nText.\n"
    )
    values = {value.path: value for value in source.meta_values}
    assert list(values) == [("date",), ("impact", "score"), ("timeline", "estimatedDate"), ("vote_day",)]
    assert values["date",].published and values["date",].date == StatedDate.of_day(dt.date(2025, 3, 4))
    score = values["impact", "score"]
    assert (score.number, score.step, score.written, score.published) == (95.5, 0.05, "95.5", False)
    estimated = values["timeline", "estimatedDate"]
    assert (
        estimated.words == (("timeline",), ("estimated", "date")) and estimated.folded[-1] == "estimateddate"
    )
    assert estimated.date is not None and estimated.date.moment == dt.datetime(2024, 12, 31, tzinfo=dt.UTC)
    assert values["vote_day",].date == StatedDate.of_day(dt.date(2025, 3, 9))


def test_a_publication_key_is_kept_whatever_its_text():
    (value,) = meta_values({"Published_At": "  soon  ", "other": "soon"})
    assert value.published and value.date is None and value.written == "soon"
    assert value.folded == ("publishedat",)


def test_a_nested_publication_key_is_not_the_publication_date():
    (value,) = meta_values({"event": {"date": "2025-03-09"}})
    assert not value.published and value.date is not None


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 10**400, True, None, [1, 2], "3"])
def test_what_is_no_figure_is_left_out(value):
    assert meta_values({"score": value}) == ()


def test_keys_deeper_than_eight_are_not_read():
    deep: dict = {"k8": 1}
    for level in range(7, 0, -1):
        deep = {f"k{level}": deep}
    assert [value.path[-1] for value in meta_values(deep)] == ["k8"]
    assert meta_values({"k0": deep}) == ()


def test_the_report_leaves_them_out_and_the_cache_keeps_them():
    source = parse("---\nturnout: 0.661\nupdated: 2024-11-23T10:00:00Z\n---\nText.\n")
    assert source.meta_values and "meta_values" not in to_dict(source)
    assert to_dict(source)["dates"] == {"updated": "2024-11-23T10:00:00Z"}
    back = from_json(json.loads(json.dumps(to_json(Read(source, reading=Reading(source.id))))))
    assert back is not None and back.outcome == source


META = st.recursive(
    st.dictionaries(
        st.text(max_size=10),
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.text(max_size=12)
        | st.sampled_from(["2024-12-31T00:00:00.000Z", "March 9, 2025", "12/30/2024", "--11-22"]),
        max_size=4,
    ),
    lambda inner: st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=12,
)


@given(META)
def test_any_front_matter_gives_values_that_come_back_from_the_cache(meta):
    values = meta_values(meta)
    for value in values:
        assert isinstance(value, MetaValue) and 1 <= len(value.path) <= 8
        assert len(value.words) == len(value.folded) == len(value.path)
        assert (value.number is None) or value.date is None
    record = {"values": [to_dict(value, whole=True) for value in values]}
    back = tuple(decode(MetaValue, item) for item in json.loads(json.dumps(record))["values"])
    assert back == values

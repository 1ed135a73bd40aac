"""FL101's judging helpers (factlint.rules.consistency): values, keys, time zones."""

from __future__ import annotations

import datetime as dt

from factlint.knowledge import default_knowledge
from factlint.model import Span, singular, step_of
from factlint.rules.consistency.disagreement import line_list
from factlint.rules.consistency.front_matter import fold, label_words
from factlint.rules.consistency.statements import Statement, clusters, same
from factlint.rules.consistency.timezones import zone_note

KB = default_knowledge()


def number(value, step=0.5, unit="", meta=False, at=0):
    span = None if meta else Span(at, at + 2)
    return Statement(
        ("score",), "number", str(value), str(value), span, value=value, unit=unit, step=step, from_meta=meta
    )


def test_a_written_number_stands_for_half_its_last_digit():
    assert step_of("95") == 0.5 and step_of("66.1") == 0.05 and step_of("1.375") == 0.0005


def test_label_words_are_singular_but_not_status_or_analysis():
    words = ("scores", "status", "analysis", "class", "gas")
    assert [singular(word) for word in words] == ["score", "status", "analysis", "class", "gas"]
    assert label_words(("estimated", "dates"), KB) == ("estimated", "date")
    assert label_words(("extracted", "at"), KB) == ("extracted",)  # "at" is a function word


def test_keys_named_in_parameters_compare_without_case_or_separators():
    assert fold("Published_At") == fold("published-at") == fold("Published: At.") == "publishedat"


def test_values_within_rounding_are_one_and_a_fraction_is_a_percentage():
    cap = KB.rounding_cap
    assert same(number(95), number(95.4), cap) and not same(number(95), number(100), cap)
    assert same(number(0.66, meta=True), number(66, unit="%"), cap)
    assert same(number(5, unit="%"), number(9, unit="pts"), cap)  # different units say nothing
    found = clusters([number(95, at=10), number(100, at=40), number(95, meta=True)], cap)
    assert [[item.value for item in cluster] for cluster in found] == [[95, 95], [100]]


def test_a_timestamp_on_the_texts_day_elsewhere_is_noted():
    moment = dt.datetime(2024, 12, 30, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    shown = "date: 2024-12-30T23:00:00-08:00"
    meta = Statement(
        ("date",),
        "date",
        shown,
        shown,
        first=moment.date(),
        last=moment.date(),
        moment=moment,
        from_meta=True,
    )
    day = dt.date(2024, 12, 31)
    body = Statement(("date",), "date", "12/31/2024", "12/31/2024", Span(0, 10), first=day, last=day)
    note = zone_note(meta, [[meta], [body]], {"US Pacific": -8, "UTC": 0})
    assert "is 2024-12-31 in UTC (07:00)" in note and "US Pacific" not in note
    assert zone_note(body, [[meta], [body]], {"UTC": 0}) == ""


def test_lines_are_listed_six_at_the_most():
    assert line_list([14]) == "line 14" and line_list(list(range(1, 9))) == "lines 1, 2, 3, 4, 5, 6"

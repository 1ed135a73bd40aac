"""People knowledge: dates at their precision, tenures that never judge a day they cannot tell."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.knowledge import default_knowledge
from factlint.located import RuleFileError
from factlint.people import Tenure, check_people_file, parse_day


def test_dates_keep_their_precision():
    assert parse_day("2024-06-03") == (dt.date(2024, 6, 3),) * 2
    assert parse_day("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert parse_day(2014) == (dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    assert parse_day("June 2024") is None and parse_day("2024-13") is None


def test_a_tenure_known_to_the_year_judges_no_day_of_that_year():
    tenure = Tenure(
        "chief executive officer",
        "oracle",
        dt.date(1977, 1, 1),
        dt.date(1977, 12, 31),
        dt.date(2014, 1, 1),
        dt.date(2014, 12, 31),
        "s",
    )
    assert not tenure.surely_excludes(dt.date(2014, 11, 30)) and tenure.surely_excludes(dt.date(2015, 1, 1))
    assert not tenure.surely_holds(dt.date(2014, 3, 1)) and tenure.surely_holds(dt.date(2000, 1, 1))


PEOPLE = default_knowledge().people


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
def test_no_day_is_both_surely_held_and_surely_excluded(day):
    for person in PEOPLE:
        for tenure in person.tenures:
            assert not (tenure.surely_holds(day) and tenure.surely_excludes(day))


def test_the_bundled_people_know_who_ran_aws():
    people = {person.id: person for person in default_knowledge().people}
    garman = people["matt-garman"].tenures[0]
    assert (garman.organisation, garman.start, garman.end) == ("aws", dt.date(2024, 6, 3), None)
    assert all(tenure.source for person in people.values() for tenure in person.tenures)


def one(tenure: str) -> str:
    """A people file body with one person holding ``tenure`` (on line 5)."""
    return f"  x:\n    name: X\n    tenures:\n      - {{{tenure}}}\n"


@pytest.mark.parametrize(
    ("entry", "where", "message"),
    [
        ("  Bad Id:\n    name: X\n", ":2:", "must be lower-case words"),
        (one("title: ceo, organisation: aws, start: 2020, source: s"), ":5:", "unknown title 'ceo'"),
        (one("title: chair, organisation: nowhere, start: 2020, source: s"), ":5:", "unknown organisation"),
        (one("title: chair, organisation: aws, start: 2020-1-5, source: s"), ":5:", "is not YYYY-MM-DD"),
        (one("title: chair, organisation: aws, start: 2020, end: 2019, source: s"), ":5:", "ends before"),
        (one("title: chair, organisation: aws, start: 2020"), ":5:", "needs source"),
    ],
)
def test_mistakes_in_people_name_the_line(tmp_path, entry, where, message):
    path = tmp_path / "people.yaml"
    path.write_text("people:\n" + entry, encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        check_people_file(path, {"chair", "chief executive officer"}, {"aws"})
    assert str(raised.value).startswith(f"{path}{where}") and message in str(raised.value), str(raised.value)

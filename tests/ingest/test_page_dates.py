"""Dates the page itself gives: "Published" lines at the top or the foot, "Updated" lines, the URL."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.dates import StatedDate
from factlint.ingest import parse_source
from factlint.model import Source

BODY = "".join(f"Paragraph {n} says what happened in the town.\n\n" for n in range(12))


def parse(text: str) -> Source:
    source = parse_source(text.encode(), "story.md", "story")
    assert isinstance(source, Source)
    return source


@pytest.mark.parametrize(
    "footer",
    [
        "Published 2024-05-06",
        "Published: May 6, 2024",
        "First published on 6 May 2024, 14:02 BST",
        "Originally published May 6, 2024 at 9:15 a.m.",
        "**Posted:** 2024-05-06 | 10:00",
        "Published 2024-05-06T14:02:00Z",
    ],
)
def test_a_wire_footer_gives_the_publication_date(footer):
    source = parse(BODY + footer + "\n")
    assert (source.published, source.published_from) == (dt.date(2024, 5, 6), "text")


@pytest.mark.parametrize(
    "line",
    [
        "Published in 1998, the book sold well.",  # a sentence, not a date line
        "Published by the council on request.",
        "Posted 3 comments",
        "The report was published 2024-05-06 by the agency.",  # not at the start of its line
    ],
)
def test_prose_that_starts_like_a_date_line_gives_no_date(line):
    source = parse(BODY + line + "\n")
    assert source.published is None and "text" not in source.dates


def test_a_footer_in_the_middle_of_a_long_text_is_not_read():
    source = parse(BODY + "Published 2024-05-06\n\n" + BODY)
    assert source.published is None


def test_an_updated_line_is_kept_but_never_the_publication_date():
    source = parse("Updated: May 7, 2024 at 9:00 a.m.\n\n" + BODY + "Published May 6, 2024\n")
    assert source.dates["updated"] == StatedDate.of_day(dt.date(2024, 5, 7))
    assert source.published == dt.date(2024, 5, 6)
    alone = parse(BODY + "Last updated 7 May 2024\n")
    assert alone.published is None and alone.dates["updated"].whole_day == dt.date(2024, 5, 7)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.example.com/2024/05/06/world/quake.html", dt.date(2024, 5, 6)),
        ("https://example.com/news/20240506/quake", dt.date(2024, 5, 6)),
        ("https://example.com/quake-2024-05-06-live", dt.date(2024, 5, 6)),
        ("https://example.com/2024/05/quake.html", None),  # a month, no day
        ("https://example.com/story/2024123199/quake", None),  # an id, not a date
        ("https://example.com/2024/02/30/quake", None),  # no such day
        ("https://example.com/quake?date=2024-05-06", None),  # the query is no part of the address
    ],
)
def test_a_date_in_the_url_is_read_last(url, day):
    source = parse(f"---\nurl: {url}\n---\nText of the story.\n")
    assert source.published == day
    assert source.published_from == ("url" if day else None)


def test_every_other_source_of_the_date_wins_over_the_url():
    url = "https://www.example.com/2024/05/01/world/quake.html"
    source = parse(f"---\nurl: {url}\n---\n" + BODY + "Published May 6, 2024\n")
    assert (source.published, source.published_from) == (dt.date(2024, 5, 6), "text")
    assert source.dates["url"].whole_day == dt.date(2024, 5, 1)
    dated = parse(f"---\nurl: {url}\npublished: 2024-05-03\n---\nText.\n")
    assert (dated.published, dated.published_from) == (dt.date(2024, 5, 3), "front_matter")


@given(st.text(max_size=200))
def test_any_footer_never_crashes_and_any_date_found_is_in_the_dates(tail):
    source = parse_source((BODY + tail).encode("utf-8", "surrogatepass"), "story.md", "story")
    if isinstance(source, Source) and source.published_from == "text":
        assert source.dates["text"].whole_day == source.published


def test_a_huge_one_line_footer_is_not_read_as_a_date_line():
    source = parse(BODY + "Published May 6, 2024 " + "x" * 1_000_000 + "\n")
    assert source.published is None


def test_the_foot_of_a_long_text_is_read_from_its_end():
    long_body = "".join(f"Paragraph {n} of the report.\n" for n in range(5000))
    source = parse(long_body + "\nPublished May 6, 2024\n\n")
    assert (source.published, source.published_from) == (dt.date(2024, 5, 6), "text")

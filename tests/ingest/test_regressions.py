"""Inputs a review found to crash, lose text, leak markup or point offsets at the wrong place."""

from __future__ import annotations

import datetime as dt

import pytest

from factlint.ingest import parse_source
from factlint.model import Finding, Source

from .helpers import assert_offsets_exact


def parse(data: bytes, name: str) -> Source | Finding:
    result = parse_source(data, name, name)
    assert not (isinstance(result, Finding) and result.code == "FL909"), result.message
    if isinstance(result, Source):
        assert_offsets_exact(result, data)
    return result


@pytest.mark.parametrize(
    "data",
    [
        b"---\nx: !!int abc\n---\nBody\n",
        b"---\nx: !!float abc\n---\nBody\n",
        b"---\nx: !!bool maybe\n---\nBody\n",
        b"---\nx: !!timestamp nope\n---\nBody\n",
        b"---\nx: !!timestamp 2024-13-45\n---\nBody\n",
        b"---\nn: " + b"1" * 4301 + b"\n---\nBody\n",
        b"+++\nn = " + b"1" * 4301 + b"\n+++\nBody\n",
        b"+++\n[" + b".".join([b"a"] * 1000) + b"]\n+++\nBody\n",
    ],
)
def test_front_matter_that_makes_loaders_raise_is_reported(data):
    source = parse(data, "a.md")
    assert [found.code for found in source.problems] == ["FL904"] and source.text == "Body"


@pytest.mark.parametrize(
    ("data", "name", "text"),
    [
        (b"<p><![x]>y</p>", "a.html", "y"),
        (b"<![a b", "a.html", None),
        (b"<div>\n<![x\n</div>\n", "a.md", None),
        (b'<p>Hello</p><a href="x', "a.html", "Hello"),
        (b"<p>a</p><!-- note <p>b</p>", "a.html", "a"),
        (b"<p>x</p>" + b"<a " * 300, "a.html", "x"),
    ],
)
def test_malformed_html_neither_raises_nor_leaks_markup(data, name, text):
    result = parse(data, name)
    if text is None:
        assert isinstance(result, Finding) and result.code == "FL906"
    else:
        assert result.text == text


def test_markdown_suffix_wins_over_a_leading_html_block():
    source = parse(b"<div>Intro</div>\n\n# Heading\n\nSome **bold** and [link](http://x.com).\n", "a.md")
    assert source.format == "markdown"
    assert source.text == "Intro\n\nHeading\n\nSome bold and link."


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"> ```python\n> x = 1\n> ```\n", "x = 1"),
        (b"> <div>hello</div>\n", "hello"),
        (b"- ```js\n  x = 1\n  ```\n", "x = 1"),
        (b"    indented code\n", "indented code"),
    ],
)
def test_blocks_inside_quotes_and_lists_lose_the_container_markers(data, text):
    assert parse(data, "a.md").text == text


def test_lone_carriage_returns_end_lines():
    source = parse(b"one\rtwo\r", "a.txt")
    assert source.text == "one\ntwo"
    assert source.offsets.line_col(source.text.index("two")) == (2, 1)


def test_unclosed_head_followed_by_bare_text():
    source = parse(b"<html><head><title>T</title>\nHello world, this is the article.", "a.html")
    assert source.text == "Hello world, this is the article." and source.title == "T"


def test_deep_nesting_keeps_the_text():
    assert parse(b">" * 20 + b" hello", "a.md").text == "hello"
    assert parse(b"- " * 10 + b"hello", "a.md").text == "hello"
    beyond = parse(b">" * 150 + b" hello", "a.md")
    assert beyond.format == "text" and beyond.text.endswith("hello")


def test_an_image_alone_is_no_text():
    found = parse(b"> ![alt](i/chart.png)\n", "a.md")
    assert isinstance(found, Finding) and found.code == "FL906"


def test_entity_inside_a_markdown_html_block_maps_to_itself():
    data = b"title: x\n<p>**&nbsp;---\n"
    source = parse(data, "a.md")
    assert source.text == "title: x\n\n** ---"
    assert source.offsets.to_original(source.text.index(" -")) == data.index(b"&nbsp;")


def test_pre_keeps_line_breaks():
    assert parse(b"<pre>line1\nline2</pre>", "a.html").text == "line1\nline2"


def test_text_after_a_link_maps_past_the_link_target():
    data = b"Read [the report](https://example.com/report).\n"
    source = parse(data, "a.md")
    assert source.text == "Read the report."
    assert source.offsets.to_original(len(source.text) - 1) == data.index(b").") + 1
    data = b"[x](http://e.com/foo) foo \\*\n"
    source = parse(data, "a.md")
    assert source.offsets.to_original(source.text.index("foo")) == data.index(b" foo") + 1


def test_word_changed_by_an_entity_stands_at_the_entity():
    data = b"Shares of AT&amp;T rose.\n"
    source = parse(data, "a.md")
    assert source.text == "Shares of AT&T rose."
    assert source.offsets.to_original(source.text.index("AT&T")) == data.index(b"AT&amp;T")


def test_an_empty_heading_is_no_title():
    assert parse(b"Intro\n\n#\n\nBody", "a.md").title is None


def test_only_the_first_document_title_counts():
    source = parse(b"<title>Page</title><p>x</p><svg><title>Icon</title></svg>", "a.html")
    assert source.title == "Page"


def test_a_date_in_the_story_is_not_the_publication_date():
    source = parse(b'<p>The vote is on <time datetime="2030-01-05">January 5</time>.</p>', "a.html")
    assert source.published is None
    marked = parse(b'<time pubdate datetime="2024-11-22">Nov 22</time><p>Text.</p>', "a.html")
    assert (marked.published, marked.published_from) == (dt.date(2024, 11, 22), "html_meta")


def test_dotted_top_level_date_key():
    source = parse(b"---\ndc.date: 2024-01-02\n---\nBody\n", "a.md")
    assert (source.published, source.published_from) == (dt.date(2024, 1, 2), "front_matter")


@pytest.mark.parametrize("text", ["café crème", "© 2024 Reuters"])
def test_short_cp1252_text(text):
    assert parse(text.encode("cp1252"), "a.txt").text == text


def test_hostile_bracket_runs_are_read_as_text():
    source = parse(b"[" * 50_000 + b" end", "a.md")
    assert source.text.endswith("end") and source.text.count("[") == 50_000


def test_fifo_is_not_opened(tmp_path):
    import os

    from factlint.ingest import read_source

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    found = read_source(fifo)
    assert isinstance(found, Finding) and found.code == "FL901"

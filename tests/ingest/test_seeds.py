"""The five seed documents, one format each, read as a newsroom would expect."""

from __future__ import annotations

import datetime as dt

import pytest

from factlint.ingest import read_corpus, read_source
from factlint.model import Source

from .helpers import assert_offsets_exact

YAML_MD = "000_b0026c32840666f6.txt"
PLAIN_SECTIONS = "001_443f79c42a16af4a.txt"
MARKDOWN_BYLINE = "002_041f29d0206b217d.txt"
LOWERCASE = "003_31850cff8f0cd407.txt"
TOML_HTML = "004_03bdfa0e93bfd727.txt"


def read(seeds, name) -> Source:
    source = read_source(seeds / name)
    assert isinstance(source, Source), source
    return source


def test_yaml_front_matter_keeps_dated_fields_under_their_own_keys(seeds):
    source = read(seeds, YAML_MD)
    assert source.format == "yaml+markdown"
    assert source.title == "Amazon's $8 Billion Anthropic Investment and Strategic Partnership"
    assert source.published is None and source.published_from is None
    assert source.dates["extractedAt"].iso == "2025-08-16T19:07:03.582Z"
    assert source.dates["timeline.estimatedDate"].iso == "2024-12-31T00:00:00.000Z"
    assert source.dates["lastModified"].iso == "2025-08-17T00:59:59.117Z"
    assert source.meta["timeline"]["timeframe"] == "Q4 2024 with Q1 2025 conversion"


def test_yaml_markdown_body_keeps_nested_fenced_copies_without_markup(seeds):
    source = read(seeds, YAML_MD)
    # The body repeats itself inside fenced blocks; every copy is text, none is lost.
    assert source.text.count("Amazon invested $8 billion in Anthropic") == 3
    assert "impact score of 100/100" in source.text and "impact score of 95/100" in source.text
    assert "$3.3 billion pre-tax gain" in source.text
    assert "**" not in source.text and "```" not in source.text and "# Amazon" not in source.text


def test_plain_text_with_section_headings_has_no_metadata(seeds):
    source = read(seeds, PLAIN_SECTIONS)
    assert source.format == "text"
    assert (source.title, source.outlet, source.published, source.published_from) == (None, None, None, None)
    assert source.text.startswith("Summary\nAmazon has announced")
    assert "Amazon’s strategy" in source.text  # curly apostrophes survive


def test_markdown_h1_title_and_bold_byline(seeds):
    source = read(seeds, MARKDOWN_BYLINE)
    assert source.format == "markdown"
    assert source.title == "Amazon Invests Additional $4 Billion in Anthropic, Deepening AI Partnership"
    assert source.outlet == "Reuters"
    assert source.published == dt.date(2024, 11, 22)
    assert source.published_from == "byline"
    assert "New investment: $4 billion\nTotal Amazon investment: $8 billion" in source.text


def test_lowercase_text_with_leading_blank_line_has_no_date(seeds):
    source = read(seeds, LOWERCASE)
    assert source.format == "text"
    assert source.published is None
    assert source.text.startswith("amazon announced that")
    # "monday" and "last november" are relative; nothing may turn them into a date here.
    assert source.dates == {}


def test_toml_front_matter_with_html_body(seeds):
    source = read(seeds, TOML_HTML)
    assert source.format == "toml+html"
    assert source.published == dt.date(2025, 7, 10)
    assert source.published_from == "front_matter"
    assert source.outlet == "InvestorBrandNetwork (IBN)"
    assert source.url.startswith("https://rss.investorbrandnetwork.com/")
    assert "<p>" not in source.text and "href" not in source.text
    assert "(NASDAQ: AMZN)" in source.text
    assert "trading at $203.19, up by $1.37 (0.68%)" in source.text
    assert source.text.count("\n\n") == 3  # four paragraphs


@pytest.mark.parametrize("name", [YAML_MD, PLAIN_SECTIONS, MARKDOWN_BYLINE, LOWERCASE, TOML_HTML])
def test_every_seed_offset_points_at_the_same_character(seeds, name):
    source = read(seeds, name)
    assert_offsets_exact(source, (seeds / name).read_bytes())
    assert not source.problems


def test_line_and_column_of_a_phrase(seeds):
    source = read(seeds, MARKDOWN_BYLINE)
    offset = source.text.index("Adam Selipsky")
    line, column = source.offsets.line_col(offset)
    lines = (seeds / MARKDOWN_BYLINE).read_text(encoding="utf-8").split("\n")
    assert lines[line - 1][column - 1 :].startswith("Adam Selipsky")


def test_corpus_reads_the_folder_in_sorted_order_with_ids_from_names(seeds):
    corpus = read_corpus([seeds])
    assert [source.id for source in corpus.sources] == sorted(path.name for path in seeds.iterdir())
    assert corpus.rejected == ()


def test_the_nested_copies_of_a_passage_are_one_claim_each(seeds):
    from factlint.extract import extract

    claims = extract(read(seeds, YAML_MD))
    invested = [claim for claim in claims if claim.sentence.startswith("Amazon invested $8 billion")]
    assert len(invested) == 1 and len(invested[0].occurrences) == 2

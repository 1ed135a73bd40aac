"""Format variants beyond the seeds: line endings, BOMs, HTML furniture, bylines, datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from factlint.dates import StatedDate
from factlint.ingest import parse_source
from factlint.model import Finding, Source, to_dict

from .helpers import assert_offsets_exact


def parse(data: str | bytes, name: str = "article.txt") -> Source:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    source = parse_source(raw, name, name)
    assert isinstance(source, Source), source
    assert_offsets_exact(source, raw)
    return source


def codes(source: Source) -> list[str]:
    return [found.code for found in source.problems]


def test_crlf_markdown_becomes_lf_text_with_exact_columns():
    data = "# Title\r\n\r\n**Reuters | November 22, 2024**\r\n\r\nAmazon paid $4 billion.\r\n"
    source = parse(data, "a.md")
    assert "\r" not in source.text
    assert source.title == "Title" and source.published == dt.date(2024, 11, 22)
    line, column = source.offsets.line_col(source.text.index("$4"))
    assert (line, column) == (5, 13)


def test_utf8_bom_is_not_text_and_columns_count_from_after_it():
    source = parse(b"\xef\xbb\xbfAmazon paid $4 billion.\n", "a.txt")
    assert source.text.startswith("Amazon") and source.encoding == "utf-8-sig"
    assert source.offsets.line_col(0) == (1, 1)


def test_utf16_with_bom_is_decoded():
    source = parse("Amazon paid $4 billion.".encode("utf-16"), "a.txt")
    assert source.text == "Amazon paid $4 billion."


def test_html_document_drops_script_style_comments_and_keeps_entities():
    page = (
        "<!DOCTYPE html><html><head><title>Deal &amp; more</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2024-11-22T08:00:00-05:00">'
        '<link rel="canonical" href="https://example.com/deal">'
        "<style>p { color: red }</style><script>var x = '$9 billion';</script></head>"
        "<body><!-- $7 billion in a comment --><h1>Amazon &amp; Anthropic</h1>"
        "<p>Amazon paid&nbsp;$4&#160;billion, AT&T said.</p><noscript>$3 billion</noscript>"
        "<p>Caf&eacute; &#x24;5 million</p></body></html>"
    )
    source = parse(page, "page.html")
    assert source.format == "html"
    assert source.title == "Deal & more"
    assert source.outlet == "Example News"
    assert source.url == "https://example.com/deal"
    assert (source.published, source.published_from) == (dt.date(2024, 11, 22), "html_meta")
    assert source.text == "Amazon & Anthropic\n\nAmazon paid $4 billion, AT&T said.\n\nCafé $5 million"
    for hidden in ("$9", "$7", "$3", "color"):
        assert hidden not in source.text


def test_unclosed_head_does_not_swallow_the_body():
    source = parse("<html><head><title>T</title><meta name=author content=Jane><p>Body text.", "a.html")
    assert source.text == "Body text." and source.title == "T" and source.byline == "Jane"


def test_html_without_suffix_is_recognised_by_its_first_tag():
    source = parse("  <p>One.</p><p>Two.</p>", "wire.txt")
    assert source.format == "html" and source.text == "One.\n\nTwo."


def test_front_matter_without_a_date_leaves_the_date_unknown():
    source = parse("---\ntitle: No date here\nauthor: Jane Doe\n---\nAmazon paid $4 billion.\n")
    assert source.title == "No date here" and source.byline == "Jane Doe"
    assert source.published is None and source.published_from is None


def test_yaml_date_value_and_other_dates_kept():
    source = parse("---\ndate: 2024-11-22\nupdated: 2024-11-23T10:00:00Z\n---\nText.\n")
    assert source.published == dt.date(2024, 11, 22)
    assert to_dict(source.dates) == {"date": "2024-11-22", "updated": "2024-11-23T10:00:00Z"}
    assert source.dates["updated"].day == dt.date(2024, 11, 23)


def test_written_date_in_front_matter_and_a_bad_one_reported():
    good = parse("---\npublished: November 22, 2024\n---\nText.\n")
    assert good.published == dt.date(2024, 11, 22)
    bad = parse("---\ndate: soon\n---\nText.\n")
    assert bad.published is None and codes(bad) == ["FL908"]


@pytest.mark.parametrize(
    ("line", "outlet", "published", "byline"),
    [
        ("By Jane Doe | Bloomberg | Nov. 22, 2024", "Bloomberg", dt.date(2024, 11, 22), None),
        ("Financial Times — 22 November 2024", "Financial Times", dt.date(2024, 11, 22), None),
        ("By Jane Doe", None, None, "By Jane Doe"),
        ("**The Verge · November 22, 2024 10:05 AM ET**", "The Verge", dt.date(2024, 11, 22), None),
    ],
)
def test_bylines_in_other_styles(line, outlet, published, byline):
    source = parse(f"# Headline\n\n{line}\n\nAmazon paid $4 billion.\n", "a.md")
    assert source.outlet == outlet
    assert source.published == published
    if published:
        assert source.published_from == "byline"
    if byline:
        assert source.byline == byline


def test_headline_that_starts_with_a_date_is_not_a_byline():
    source = parse("March 3, 2024: markets fall as chips slide\n\nShares fell 3%.\n")
    assert source.published is None


def test_wire_dateline_with_year():
    source = parse("By Jane Doe\n\nNEW YORK, Nov 22, 2024 (Reuters) - Amazon will invest $4 billion.\n")
    assert (source.published, source.published_from) == (dt.date(2024, 11, 22), "dateline")
    assert source.outlet == "Reuters" and source.byline == "By Jane Doe"


def test_wire_dateline_without_year_is_reported_not_guessed():
    source = parse("NEW YORK, Nov 22 (Reuters) - Amazon will invest $4 billion in Anthropic.\n")
    assert source.published is None and source.outlet == "Reuters"
    assert codes(source) == ["FL907"]
    assert to_dict(source.dates) == {"dateline": "--11-22"} and source.dates["dateline"].day is None
    assert "without a year" in source.problems[0].message


def test_press_release_dateline():
    source = parse("SEATTLE, Nov. 22, 2024 /PRNewswire/ -- Amazon today announced a deal.\n")
    assert source.published == dt.date(2024, 11, 22) and source.outlet == "PRNewswire"


def test_agency_dateline_without_date():
    source = parse("WASHINGTON (AP) — Regulators said on Friday that the deal would be reviewed.\n")
    assert source.outlet == "AP" and source.published is None and not source.problems


def test_sentence_that_looks_like_a_dateline_is_not_one():
    source = parse("Amazon, Nov 22 (a Friday) - paid $4 billion.\n")
    assert source.outlet is None and source.published is None


def test_published_line_in_text():
    source = parse("Amazon and Anthropic\nPublished: 22 November 2024\n\nAmazon paid $4 billion.\n")
    assert (source.published, source.published_from) == (dt.date(2024, 11, 22), "text")


def test_front_matter_date_wins_over_byline_and_both_are_kept():
    source = parse("---\ndate: 2024-11-23\n---\n# T\n\n**Reuters | November 22, 2024**\n\nText.\n")
    assert (source.published, source.published_from) == (dt.date(2024, 11, 23), "front_matter")
    assert source.dates["byline"] == StatedDate.of_day(dt.date(2024, 11, 22))


def test_markdown_links_images_and_escapes_keep_only_visible_text():
    data = "See [the filing](https://sec.gov/x) ![chart](c.png) and \\*not emphasis\\* `code`.\n"
    source = parse(data, "a.md")
    assert source.text == "See the filing and *not emphasis* code."


def test_markdown_table_cells_are_kept():
    data = "| Item | Amount |\n|---|---|\n| Investment | $4 billion |\n"
    source = parse(data, "a.md")
    assert "Investment" in source.text and "$4 billion" in source.text
    assert "|" not in source.text


def test_fence_with_a_language_is_copied_verbatim():
    source = parse("Intro.\n\n```python\nx = '**$5**'\n```\n", "a.md")
    assert "x = '**$5**'" in source.text


def test_tab_and_control_characters():
    source = parse("Amazon\tpaid\x07 $4 billion.\x0c\n")
    assert source.text == "Amazon\tpaid $4 billion."


def test_result_is_a_finding_for_unusable_bytes():
    assert isinstance(parse_source(b"", "e.txt", "e.txt"), Finding)

"""Properties: any bytes give a Source or an FL9xx finding; every offset maps back exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.ingest import parse_source
from factlint.model import Finding, Source

from .helpers import assert_offsets_exact

SUFFIXES = st.sampled_from(["a.md", "a.txt", "a.html"])
# Pieces that exercise every branch of the cleaners when strung together.
PIECES = st.sampled_from(
    [
        "---\n",
        "+++\n",
        "title: x\n",
        'title = "x"\n',
        "date: 2024-11-22\n",
        "&a [*a]\n",
        "# ",
        "## ",
        "**",
        "*",
        "_",
        "`",
        "```",
        "```python",
        "~~~",
        "> ",
        "- ",
        "1. ",
        "| a | b |\n",
        "|---|---|\n",
        "[link](http://x)",
        "![img](x.png)",
        "\\*",
        "&amp;",
        "&nbsp;",
        "&#36;",
        "&#x24;",
        "&bogus;",
        "&",
        "<p>",
        "</p>",
        "<br>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<a href='javascript:alert(1)'>",
        "</a>",
        "<title>",
        "<h1>",
        "</h1>",
        "<![CDATA[",
        "]]>",
        "<div",
        ">",
        "\n",
        "\r\n",
        "\r",
        "\t",
        " ",
        "  ",
        "\x00",
        "\x07",
        "\ufeff",
        "é",
        "€",
        "’",
        "$4 billion",
        "Reuters | November 22, 2024",
        "NEW YORK, Nov 22 (Reuters) - ",
        "By Jane Doe",
        "Amazon",
        "word",
    ]
)
DOCUMENTS = st.lists(PIECES, max_size=40).map("".join)


def check(data: bytes, name: str) -> None:
    result = parse_source(data, name, name)
    assert isinstance(result, (Source, Finding))
    if isinstance(result, Finding):
        assert result.code.startswith("FL9") and "\n" not in result.message
        assert result.code != "FL909", result.message  # the safety net caught a bug
        return
    assert all(found.code.startswith("FL9") for found in result.problems)
    assert_offsets_exact(result, data)


@settings(
    max_examples=max(300, settings.default.max_examples),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)
@given(data=st.binary(max_size=2000), name=SUFFIXES)
def test_arbitrary_bytes_never_raise(data, name):
    check(data, name)


@settings(
    max_examples=max(300, settings.default.max_examples),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)
@given(text=DOCUMENTS, name=SUFFIXES, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_structured_documents_keep_exact_offsets(text, name, encoding):
    check(text.encode(encoding, errors="replace"), name)


@settings(max_examples=max(200, settings.default.max_examples), deadline=None)
@given(text=st.text(max_size=500), name=SUFFIXES)
def test_arbitrary_text_keeps_exact_offsets(text, name):
    check(text.encode("utf-8", errors="surrogatepass"), name)


@settings(max_examples=max(100, settings.default.max_examples), deadline=None)
@given(words=st.lists(st.from_regex(r"[A-Za-z$%0-9.,]{1,12}", fullmatch=True), min_size=1, max_size=30))
def test_plain_words_all_reach_the_text_in_order(words):
    text = " ".join(words)
    result = parse_source(text.encode(), "a.txt", "a.txt")
    assert isinstance(result, Source)
    assert result.text == text

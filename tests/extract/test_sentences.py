"""Sentence spans: abbreviations, initials, decimals, quotes, lines and lowercase text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.sentences import sentence_spans
from factlint.knowledge import default_knowledge

ABBREVIATIONS = default_knowledge().abbreviations


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in sentence_spans(text, ABBREVIATIONS)]


def test_abbreviations_initials_and_decimals_do_not_end_sentences():
    text = "Amazon.com Inc. rose 3.2% on Nov. 22. The U.S. unit, led by J. Smith, grew. Next!"
    assert sentences(text) == [
        "Amazon.com Inc. rose 3.2% on Nov. 22.",
        "The U.S. unit, led by J. Smith, grew.",
        "Next!",
    ]


def test_quotes_lines_and_lowercase():
    text = 'he said "it is done." then left.\nHeading\n- item one\nlast one'
    assert sentences(text) == ['he said "it is done."', "then left.", "Heading", "- item one", "last one"]


@given(st.text(max_size=300))
def test_spans_are_ordered_trimmed_and_inside(text):
    previous = 0
    for span in sentence_spans(text, ABBREVIATIONS):
        assert previous <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        previous = span.end


def reference_spans(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """The definition, written plainly: each end the module's original pattern finds, the word
    before a full point read back character by character."""
    spans, start = [], 0

    def add(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))

    for match in re.finditer(r"[.!?]+[\"'”’)\]]*(?=\s)|\n", text):
        point = match.start()
        if text[point] == ".":
            word_start = point
            while (
                word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"'“‘"
            ):
                word_start -= 1
            word = text[word_start:point].lower()
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
        add(start, match.end())
        start = match.end()
    add(start, len(text))
    return spans


PIECES = st.sampled_from(
    [
        "Inc",
        "U.S",
        "J",
        "x",
        "rose",
        "3",
        ".",
        "!",
        "?",
        "...",
        '"',
        "”",
        ")",
        "]",
        "(",
        "“",
        "'",
        " ",
        "  ",
        "\n",
        "\t",
        "\u00a0",
        "\u2003",
    ]
)


@given(st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=200))
def test_the_same_sentences_as_the_plain_definition(text):
    found = [(span.start, span.end) for span in sentence_spans(text, ABBREVIATIONS)]
    assert found == reference_spans(text, ABBREVIATIONS)

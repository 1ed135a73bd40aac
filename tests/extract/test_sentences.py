"""Sentence spans: abbreviations, initials, decimals, quotes, lines and lowercase text."""

from __future__ import annotations

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

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


def _reference_spans(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """The definition, character by character: the word before a point walked back one at a time."""
    import re as regex

    def ends(point: int) -> bool:
        if text[point] != ".":
            return True
        start = point
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'“‘":
            start -= 1
        word = text[start:point].lower()
        if word in abbreviations or (len(word) == 1 and word.isalpha()):
            return False
        return not regex.fullmatch(r"(?:[a-z]\.)+[a-z]", word)

    spans, start = [], 0
    for match in regex.finditer(r"[.!?]+[\"'”’)\]]*(?=\s)|\n", text):
        if match.group() != "\n" and not ends(match.start()):
            continue
        piece = text[start : match.end()]
        if piece.strip():
            spans.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
        start = match.end()
    piece = text[start:]
    if piece.strip():
        spans.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
    return spans


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Mr.", "U.S.", "e.g.", "Inc.", "3.5", "x" * 120 + ".", "(Corp.", "“Jr.", "a."]),
            st.text(alphabet="ab .!?\n\t\"'()”’“‘", max_size=12),
        ),
        max_size=12,
    ).map(" ".join)
)
def test_spans_are_those_of_walking_back_character_by_character(text):
    abbreviations = frozenset({"mr", "inc", "corp", "jr", "e.g"})
    assert [(s.start, s.end) for s in sentence_spans(text, abbreviations)] == _reference_spans(
        text, abbreviations
    )

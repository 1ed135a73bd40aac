"""Claims in their text: a quote inside its sentence, and a source cut into marked pieces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract, text_source
from factlint.model import Claim, Evidence, Span
from factlint.report.highlight import in_sentence, marked_pieces

TEXT = "Northwind invested $1.2 billion in Corvid. Its shares rose 3% on Monday. Nothing else."


def claim(start: int, end: int, kind: str = "money", name: str = "c") -> Claim:
    return Claim(
        id=f"{name}{start}-{end}",
        source_id="s",
        span=Span(start, end),
        text=TEXT[start:end],
        sentence="",
        kind=kind,
        extractor="test",
    )


def test_pieces_mark_each_claim_and_overlaps_carry_both():
    money = claim(19, 31)
    wider = claim(10, 31, "quantity", "w")
    pieces = marked_pieces(TEXT, [money, wider])
    assert [piece.text for piece in pieces] == [TEXT[:10], TEXT[10:19], TEXT[19:31], TEXT[31:]]
    assert [len(piece.claims) for piece in pieces] == [0, 1, 2, 0]
    assert pieces[1].starts == (wider,) and pieces[2].starts == (money,)
    assert pieces[2].kinds == "money quantity" and "money" in pieces[2].title


def test_a_claim_past_the_end_of_the_text_or_empty_is_left_unmarked():
    pieces = marked_pieces(TEXT, [claim(80, 200), claim(5, 5)])
    assert [piece.text for piece in pieces] == [TEXT]


def test_the_quote_stands_in_its_own_sentence_even_when_the_sentence_repeats():
    text = "It rose 3%. Then it fell. It rose 3%."
    source = text_source(text, id="s")
    at = text.rindex("3%")
    second = Claim("c", "s", Span(at, at + 2), "3%", "It rose 3%.", "percent", "test")
    parts = in_sentence(Evidence("s", "3%", Span(at, at + 2), "c"), source, second)
    assert (parts.before, parts.quote, parts.after, parts.located) == ("It rose ", "3%", ".", True)


def test_without_a_sentence_a_window_of_whole_words_is_shown():
    text = "word " * 60 + "NEEDLE " + "word " * 60
    source = text_source(text, id="s")
    start = text.index("NEEDLE")
    parts = in_sentence(Evidence("s", "NEEDLE", Span(start, start + 6)), source, None)
    assert parts.quote == "NEEDLE" and parts.before.startswith("word") and parts.after.endswith("word")
    assert 100 <= len(parts.before) <= 130


def test_evidence_without_a_source_or_span_keeps_its_quote_alone():
    parts = in_sentence(Evidence("gone", "$5 billion"), None, None)
    assert (parts.before, parts.quote, parts.after, parts.located) == ("", "$5 billion", "", False)


spans = st.tuples(st.integers(0, 120), st.integers(0, 40)).map(lambda pair: (pair[0], pair[0] + pair[1]))


@given(text=st.text(max_size=120), pairs=st.lists(spans, max_size=8))
def test_pieces_always_rebuild_the_text_and_cover_exactly_their_claims(text, pairs):
    claims = [
        Claim(f"c{i}", "s", Span(a, b), text[a:b], "", "money", "test") for i, (a, b) in enumerate(pairs)
    ]
    pieces = marked_pieces(text, claims)
    assert "".join(piece.text for piece in pieces) == text
    at = 0
    for piece in pieces:
        for covering in piece.claims:
            assert covering.span.start <= at and at + len(piece.text) <= covering.span.end
        at += len(piece.text)
    started = [c for piece in pieces for c in piece.starts]
    assert sorted(c.id for c in started) == sorted(
        c.id for c in claims if c.span.end <= len(text) and c.span.start < c.span.end
    )


@given(st.text(min_size=1, max_size=300))
def test_every_extracted_claim_stands_whole_inside_the_sentence_shown(text):
    source = text_source(text, id="s")
    for found in extract(source):
        parts = in_sentence(Evidence("s", found.text, found.span, found.id), source, found)
        assert parts.quote == source.text[found.span.start : found.span.end] == found.text
        shown = parts.before + parts.quote + parts.after
        assert shown in source.text

"""Labelled values: each number and date of the text with the label written before it."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract, text_source
from factlint.extract.reading import read_beside
from factlint.knowledge import default_knowledge, load_knowledge
from factlint.model import Labelled, Reading, to_dict
from factlint.strict_records import decode

KB = default_knowledge()


def reading(text: str, published: dt.date | None = dt.date(2025, 3, 5)) -> Reading:
    source = text_source(text, published)
    return read_beside(source, extract(source, KB), KB)


def labelled(text: str) -> list[Labelled]:
    return list(reading(text).labelled)


def test_a_linked_label_its_value_and_its_rounding():
    (score,) = labelled("The moment was classified with an **impact score of 95/100**.\n")
    assert score.label == ("impact", "score") and score.linked and score.kind == "number"
    assert score.value == 95.0 and score.unit == "%" and score.step == 0.5
    assert score.quote == "impact score of 95/100" and score.shown == "95/100"


def test_a_scaled_figure_a_unit_word_and_a_date():
    text = "The net profit was $3.2 billion.\n\nThe party won 66 seats.\n\nEstimated Date: 12/30/2024\n"
    date, profit, seats = labelled(text)  # the dates first, then the numbers
    assert profit.label == ("net", "profit") and profit.value == 3.2e9 and profit.unit == "$"
    assert profit.step == 0.05e9 and profit.quote == "net profit was $3.2 billion"
    assert seats.label == ("party", "won") and not seats.linked and seats.unit_word == "seat"
    assert date.label == ("estimated", "date") and date.first == date.last == dt.date(2024, 12, 30)


def test_a_sentence_s_other_dates_parts_and_places_come_with_the_value():
    text = "The approval rating of 38% in the north on Monday, March 3, worried aides in Halm.\n"
    (rating,) = labelled(text)
    assert rating.scopes == ("north",) and rating.places == ("halm",)
    assert rating.dates == ((dt.date(2025, 3, 3), dt.date(2025, 3, 3)),)


def test_a_change_a_range_and_an_unlabelled_number_are_no_statements():
    assert not labelled("Turnout rose to 66.1% by the close.\n")
    assert not labelled("A sample size of 1,000 to 1,500 is usual.\n")
    assert not labelled("In 2024, 5.\n")


def test_a_zero_denominator_is_no_value():
    assert not labelled("The impact score of 5/0 is odd.\n")


def test_a_reading_comes_back_exactly_through_the_cache_s_json():
    text = "The net profit was $3.2 billion in the north on March 3.\n\nTurnout was 66.1% in Halm.\n"
    found = reading(text)
    assert found.wordings and found.labelled[0].dates and found.labelled[0].scopes == ("north",)
    back = decode(Reading, json.loads(json.dumps(to_dict(found))))
    assert back == found


WORDS = st.sampled_from(
    [
        "impact",
        "score",
        "of",
        "**",
        "Estimated",
        "Date:",
        "95/100",
        "12/30/2024",
        "turnout",
        "was",
        "66.1%",
        "$8 billion",
        "£40m",
        "1,400",
        "seats",
        "in",
        "the",
        "north",
        "Halm",
        "up",
        ":",
        "\n",
        ".",
        "March 9, 2025",
        "9" * 30,
    ]
)


@given(st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40))
def test_spans_point_at_the_value_and_quotes_at_the_label_and_value(words):
    text = " ".join(words)
    for item in labelled(text):
        assert text[item.span.start : item.span.end] == item.shown
        assert 0 <= item.at <= item.span.start
        assert item.quote == " ".join(text[item.at : item.span.end].replace("*", "").split())
        assert item.label or item.unit_word
        assert list(item.scopes) == sorted(item.scopes) and list(item.places) == sorted(item.places)


def test_a_desk_s_knowledge_adds_links(tmp_path):
    (tmp_path / "language.yaml").write_text("statements:\n  links: [rated]\n", encoding="utf-8")
    desk = load_knowledge([tmp_path])
    text = "The impact score rated 95/100 overall.\n"
    source = text_source(text, dt.date(2025, 3, 5))
    claims = extract(source, desk)
    (plain,) = read_beside(source, claims, KB).labelled
    (linked,) = read_beside(source, claims, desk).labelled
    assert not plain.linked and plain.label == ("impact", "score", "rated")
    assert linked.linked and linked.label == ("impact", "score")

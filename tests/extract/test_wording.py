"""The words around each figure and date, read by extraction for the checks (FL102, FL302, FL402)."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import extract, text_source
from factlint.extract.reading import wordings_of
from factlint.extract.wording import _ends_with_any, phrase_pattern
from factlint.knowledge import default_knowledge

KB = default_knowledge()


def wordings(text, published=dt.date(2025, 3, 5)):
    source = text_source(text, published)
    claims = extract(source, KB)
    found = {wording.claim_id: wording for wording in wordings_of(source, claims, KB)}
    return source, {claim.text: found.get(claim.id) for claim in claims}


def test_phrases_match_as_whole_words_in_lower_case():
    earlier = phrase_pattern(["So far", "another"])
    assert earlier.search("bringing it so far to $30 billion") and not earlier.search("anothers")
    assert not phrase_pattern([]).search("anything")


def test_the_direction_of_a_move_comes_from_the_words_around_it():
    _, found = wordings("Shares of Boeing fell $4.10, or 3.9%, to $101.50 on Tuesday.")
    assert found["$4.10"].direction == -1 and found["3.9%"].direction == -1
    _, found = wordings("Amazon's stock was trading at $203.19, up by $1.37 (0.68%).")
    assert found["$1.37"].direction == 1
    _, found = wordings("Amazon's stock was trading at $203.19 on Monday.")
    assert found["$203.19"].direction is None  # near miss: no word says


def test_stock_figures_set_apart_by_words_between_them():
    _, found = wordings("Apple shares rose $0.40, or 0.2%, to $180.20, while the Nasdaq gained 1.5%.")
    change, percent, other = found["$0.40"], found["0.2%"], found["1.5%"]
    assert other.claim_id in change.apart and change.claim_id in other.apart
    assert percent.claim_id not in change.apart  # near miss: one move


def test_the_two_values_of_a_growth_rate_and_earlier_parts():
    _, found = wordings("Revenue rose 19% to $27.5 billion from $23.1 billion.")
    assert found["$27.5 billion"].after_to and not found["$27.5 billion"].after_from
    assert found["$23.1 billion"].after_from and not found["$23.1 billion"].after_to
    assert not found["19%"].after_to and not found["19%"].after_from
    _, found = wordings("Amazon invested another $4 billion, bringing its total to $8 billion.")
    assert found["$8 billion"].more_parts
    _, found = wordings("Amazon invested $4 billion now and $4 billion later, $8 billion in total.")
    assert not found["$8 billion"].more_parts


def test_an_investment_said_to_be_valued_at_a_figure():
    _, found = wordings("The initial investment is valued at approximately $380 billion.")
    assert found["$380 billion"].of_investment
    _, found = wordings("Corvid Labs is valued at $6.7 billion after the round.")
    assert not found["$6.7 billion"].of_investment


def test_the_verb_that_governs_a_date():
    _, found = wordings("On March 12, 2025, Veltrix announced a second tranche of its investment.")
    (date,) = [wording for wording in found.values() if wording and wording.verb is not None]
    assert date.verb == "announced" and date.year_named
    _, found = wordings("Veltrix will announce a second tranche on March 12, 2025.")
    assert all(wording.verb is None for wording in found.values() if wording)
    _, found = wordings("The union announced a strike on March 29 over unpaid wages.")
    assert all(wording.verb is None for wording in found.values() if wording)  # the strike's date
    _, found = wordings("The board approved it at a meeting on March 29.")  # the meeting was the occasion
    assert [wording.verb for wording in found.values() if wording and wording.verb] == ["approved"]
    _, found = wordings("Members approved the recovery plan at a meeting on March 29.")  # "plan" a noun
    assert [wording.verb for wording in found.values() if wording and wording.verb] == ["approved"]
    _, found = wordings("The company plans to list its shares on March 29.")  # "plans to": the future
    assert all(wording.verb is None for wording in found.values() if wording)


NUMBERS = st.integers(1, 999).map(str) | st.sampled_from(["$4.10", "3.9%", "$2.5 billion", "12 people"])
WORDS = st.sampled_from(["Shares", "fell", "rose", "to", "from", "while", "the", "index", "on", "March 12,"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(NUMBERS | WORDS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_a_wording_s_sentence_points_at_its_claim_s_sentence(sentences):
    text = " ".join(" ".join(words) + "." for words in sentences)
    source = text_source(text, dt.date(2025, 3, 5))
    claims = extract(source, KB)
    by_id = {claim.id: claim for claim in claims}
    for wording in wordings_of(source, claims, KB):
        claim = by_id[wording.claim_id]
        end = wording.sentence + len(claim.sentence)
        assert text[wording.sentence : end] == claim.sentence
        assert wording.sentence <= claim.span.start and claim.span.end <= end
        assert all(other in by_id for other in wording.apart)


@given(
    st.text(alphabet="ab _-.é\n1\u0301", max_size=12),
    st.lists(st.text(alphabet="ab _-.é\n", min_size=1, max_size=4), max_size=3),
)
def test_a_phrase_ending_the_words_before_a_figure_is_found_as_the_pattern_finds_it(before, phrases):
    expected = any(re.search(rf"(?:^|\W){re.escape(phrase)}$", before) for phrase in phrases)
    assert _ends_with_any(before, phrases) == expected

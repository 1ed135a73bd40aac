"""What a figure's sentence says of it: a change, other dates, parts and places."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import extract, text_source
from factlint.extract.reading import read_beside
from factlint.extract.sentence_context import (
    change_pattern,
    named_places,
    scope_pattern,
    scope_words,
    sentence_bounds,
    tells_of_change,
)
from factlint.knowledge import default_knowledge

KB = default_knowledge()


def test_a_sentence_and_its_places_and_changes():
    text = "First. Turnout in Halm was 66.1% on Monday. Next"
    start = text.index("66")
    low, high = sentence_bounds(text, start, start + 5)
    assert text[low:high].strip() == "Turnout in Halm was 66.1% on Monday"
    assert named_places("in Halm, in March, on Monday at the Capitol") == {"halm", "capitol"}
    changes = re.compile(r"\bup\b")
    assert not tells_of_change(text, start, start + 5, changes)
    assert tells_of_change("It was up 5% today.", 10, 12, changes)


def test_the_knowledge_s_change_and_scope_words_are_found():
    changes, scopes = change_pattern(KB), scope_pattern(KB)
    assert changes.search("Profit was revised to $3 billion") and changes.search("sales fell 5%")
    assert not changes.search("Profit was $3 billion")
    assert scope_words("Turnout among women in the North was 60%", scopes) == {"among"}


def test_each_figure_claim_s_wording_has_its_setting():
    text = "Turnout was 66.1% in Halm, up from 58%.\n\nIn the north, turnout of 64% was lower.\n"
    source = text_source(text)
    claims = extract(source, KB)
    found = {wording.claim_id: wording for wording in read_beside(source, claims, KB).wordings}
    numbers = [claim for claim in claims if claim.quantity is not None and claim.quantity.value is not None]
    assert numbers and {claim.id for claim in numbers} <= set(found)
    first = found[numbers[0].id]
    assert first.change and first.places == ("halm",) and first.scopes == ()
    last = found[numbers[-1].id]
    assert not last.change and last.scopes == ("north",)


@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 20))
def test_a_sentence_holds_its_figure(text, start, length):
    start = min(start, len(text))
    end = min(start + length, len(text))
    low, high = sentence_bounds(text, start, end)
    assert 0 <= low <= start and end <= high <= len(text)

"""Phrases right before a name, read backwards: the same answers as the forward patterns they replace."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.names import patterns
from factlint.extract.numbers import alternation
from factlint.knowledge import default_knowledge

KB = default_knowledge()
COMPILED = patterns(KB)
TITLES = sorted(COMPILED.titles)
BEFORE_SURNAME = [title for title in TITLES if title.split()[-1] not in KB.function_words]
# Anchored at the very end (\Z): "$" would also match before a final line break, and a title
# at the end of one line is not before the name that opens the next ("Captain \nVera Koll").
FORWARD = {
    "person_before": re.compile(rf"(?i:\b(?:{alternation(TITLES)})),?[ \t]+\Z"),
    "surname_before": re.compile(rf"(?i:(?<![\w-])(?:{alternation(BEFORE_SURNAME)})),?[ \t]+\Z"),
    "place_before": re.compile(rf"\b(?:{alternation(KB.place_before)})[ \t]+\Z"),
    "locative_before": re.compile(rf"(?i:\b(?:{alternation(KB.locatives)}))[ \t]+(?:the[ \t]+)?\Z"),
}
vocabulary = sorted({*TITLES[:40], *KB.place_before, *KB.locatives, "the", "The", "vice", "x", "-", "Ex"})
pieces = st.one_of(
    st.sampled_from(vocabulary),
    st.sampled_from(vocabulary).map(str.upper),
    st.sampled_from([" ", "  ", "\t", ",", ", ", "-", "'", "a", "9", "\n"]),
)


@given(st.sampled_from(sorted(FORWARD)), st.lists(pieces, max_size=12))
def test_backwards_agrees_with_the_forward_pattern(name, parts):
    text = "".join(parts)
    forward = FORWARD[name].search(text)
    assert getattr(COMPILED, name).search(text) == (forward.start() if forward else None)


def test_a_title_right_before_a_name_is_found_and_its_start_given():
    text = "said Finance Minister "
    assert COMPILED.person_before.search(text) == text.index("Finance")
    assert COMPILED.person_before.search("said the minister of it ") is None


QUALIFIER_WORDS = sorted({phrase for phrases in KB.qualifiers_before.values() for phrase in phrases})
qualifier_pieces = st.one_of(
    st.sampled_from(QUALIFIER_WORDS),
    st.sampled_from(QUALIFIER_WORDS).map(str.upper),
    st.sampled_from(["up", "to", "more", "than", "no", "less", "just", "x", "_", "~", ".", "ſ", "K"]),
    st.sampled_from([" ", "  ", "\t", ",", "-", "'", "9", "\n"]),
)


@given(st.lists(qualifier_pieces, max_size=10).map("".join))
def test_the_qualifier_ending_a_window_is_the_forward_search(window):
    from factlint.extract.numbers import qualifier_ending

    groups = "|".join(f"(?P<{name}>{alternation(phrases)})" for name, phrases in KB.qualifiers_before.items())
    forward = re.compile(rf"(?:^|(?<=[^\w]))(?:{groups})[ \t]*$", re.IGNORECASE)
    match = forward.search(window)
    expected = (match.start(), match.lastgroup) if match else None
    assert qualifier_ending(window, KB) == expected


def test_the_longest_qualifier_wins():
    from factlint.extract.numbers import qualifier_ending

    assert qualifier_ending("raised no more than ", KB) == (7, "up_to")
    assert qualifier_ending("raised more than\n", KB) == (7, "more_than")
    assert qualifier_ending("raised lmore than", KB) is None  # not a word of its own
    assert qualifier_ending("estimated at", KB) is None

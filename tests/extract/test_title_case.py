"""Title Case lines: the quick rejection of prose never changes which lines are Title Case."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.names import _title_case_lines
from factlint.knowledge import default_knowledge

KB = default_knowledge()


def every_word_counted(text: str) -> list[tuple[int, int]]:
    """The definition: four in five of the words that are not function words are capitalised."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        words = [
            w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line.group()) if w.lower() not in KB.function_words
        ]
        if len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.8 * len(words):
            spans.append((line.start(), line.end()))
    return spans


WORDS = st.sampled_from(
    # words longer than any function word, in either case, and function words as long ("between")
    [
        *["Veltrix", "Shares", "Extend", "Gains", "the", "of", "and", "rose", "IBM", "x", "A", "a", "Zoë"],
        *["announced", "iPhones", "between", "Between", "THE", "rose's", "oneself-"],
    ]
)
LINE = st.lists(
    st.tuples(WORDS, st.sampled_from([" ", "  ", "-", "'", "’", " -", ", ", "\t"])), max_size=14
).map(lambda parts: "".join(word + gap for word, gap in parts))


@given(lines=st.lists(LINE, max_size=6))
def test_the_same_lines_as_counting_every_word(lines):
    text = "\n".join(lines)
    assert _title_case_lines(text, KB) == every_word_counted(text)


def test_examples():
    text = "Veltrix Shares Extend Gains After Deal\nThe shares rose as Veltrix said it would buy Corvane.\n"
    assert _title_case_lines(text, KB) == [(0, 38)]
    # Four capitalised words to one lower-case word is just Title Case; two lower-case is not.
    assert _title_case_lines("Veltrix Shares Extend Gains rose", KB) == [(0, 32)]
    assert _title_case_lines("Veltrix Shares Extend Gains rose fell", KB) == []
    # Function words count for nothing, however long ("between") or many; long words count.
    assert _title_case_lines("Veltrix Shares Extend Gains between between between through", KB) == [(0, 59)]
    assert _title_case_lines("Veltrix Shares Extend Gains announced yesterday", KB) == []
    assert _title_case_lines("Veltrix Shares Extend Gains, Announced Yesterday", KB) == [(0, 48)]

"""The label before a value, read backwards, is the one the forward search finds, only faster."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from factlint.extract.labelled import _tails, label_end
from factlint.knowledge import default_knowledge

KB = default_knowledge()
TAILS = _tails(KB.label_links)

pieces = st.sampled_from(
    [
        "impact",
        "Score",
        "stood",
        "at",
        "of",
        "3rd",
        "x-ray",
        "O'Neil",
        "per",
        "cent",
        ":",
        "=",
        " ",
        "  ",
        "\n",
        "*",
        "_",
        "9",
        ",",
        ".",
        "-",
        "’",
        "was",
        "reached",
        "totalled",
        "stands at",
    ]
)


def forward(text: str, low: int, start: int):
    match = TAILS.linked.search(text, low, start)
    if match:
        return match.group("label"), match.start("label"), True
    match = TAILS.unlinked.search(text, low, start)
    return (match.group("label"), match.start("label"), False) if match else None


@given(st.lists(pieces, max_size=30), st.integers(0, 40))
@example(["rate", " ", "stood", " ", "at", " "], 0)
@example(["xx", "impact", " ", "score", " "], 1)
@example(["ab", "3rd", " ", "score", " "], 1)
@example(["rate", " ", "stood", " " * 30, "at", "\n" * 30, "*" * 20], 0)
def test_backwards_equals_the_forward_search(parts, cut):
    text = "".join(parts)
    low = min(cut, len(text))
    assert label_end(text, low, len(text), TAILS) == forward(text, low, len(text))


def test_labels_in_prose():
    text = "The impact score of 7 and the market share stood at 19%"
    at = text.index("7")
    assert label_end(text, 0, at, TAILS) == ("The impact score", 0, True)
    at = text.index("19%")
    assert label_end(text, 0, at, TAILS) == ("and the market share stood", text.index("and"), True)

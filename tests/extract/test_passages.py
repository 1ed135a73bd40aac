"""Repeated passages, found by extraction for FL103."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.passages import repeated_passages

LINE = "Amazon invested $8 billion in Anthropic through convertible notes, the company said."
OTHER = "The striker scored twice in the second half as the visitors came back."


def test_a_block_pasted_three_times_is_one_passage_quoted_where_it_first_stands():
    text = f"Intro\n{LINE}\n{OTHER}\n{LINE}\n{OTHER}\n  {LINE}\n"
    (passage,) = repeated_passages(text, 40, 2)
    assert (passage.paragraphs, passage.times) == (1, 3) or (passage.paragraphs, passage.times) == (2, 2)
    assert passage.quote == LINE and text[passage.spans[0].start : passage.spans[0].end] == LINE


def test_near_misses_repeat_nothing():
    assert repeated_passages(f"{LINE}\n{LINE.replace('8', '9')}\n", 40, 2) == ()  # one figure differs
    assert repeated_passages("Updated\nSomething else entirely.\nUpdated\n", 40, 2) == ()  # short lines
    assert repeated_passages(f"{LINE}\n{LINE}\n", 40, 3) == ()  # not often enough


def test_case_and_spacing_do_not_matter():
    (passage,) = repeated_passages(f"{LINE}\n{LINE.upper().replace(' ', '  ')}\n", 40, 2)
    assert passage.times == 2 and len(passage.spans) == 2


@given(
    st.lists(
        st.sampled_from([LINE, OTHER, "short", "", "Another line that is long enough to count."]), max_size=12
    ),
    st.sampled_from(["", " ", "\t"]),
)
def test_spans_point_at_the_quoted_paragraphs(lines, indent):
    text = "\n".join(indent + line for line in lines)
    for passage in repeated_passages(text, 40, 2):
        assert text[passage.spans[0].start : passage.spans[0].end] == passage.quote
        keys = {" ".join(text[span.start : span.end].lower().split()) for span in passage.spans}
        assert keys == {" ".join(passage.quote.lower().split())}
        assert len(passage.spans) >= passage.times >= 2


SLUG = "Sign up for our free morning briefing newsletter here"


def test_page_furniture_between_paragraphs_is_no_repeated_passage():
    text = f"{LINE}\n{SLUG}\n{OTHER}\n{SLUG}\nThe end of the story came quickly.\n{SLUG}\n"
    assert repeated_passages(text, 40, 2) == ()
    heading = "## Related coverage from our correspondents abroad"
    assert repeated_passages(f"{heading}\n{LINE}\n{heading}\n", 40, 2) == ()


def test_prose_ending_in_a_quote_or_a_bracket_still_counts():
    quoted = '"We will not give up on the talks, whatever it takes," the minister said.”'
    bracketed = "The council approved the budget of 4.2 million euros for the bridge (in full.)"
    for line in (quoted, bracketed, LINE.replace(".", "!")):
        (passage,) = repeated_passages(f"{line}\n{OTHER}\n{line}\n", 40, 2)
        assert passage.times == 2


def test_a_pasted_block_with_a_heading_inside_is_still_one_passage():
    text = f"{LINE}\n## Background to the deal and its history\n{OTHER}\n" * 2
    (passage,) = repeated_passages(text, 40, 2)
    assert passage.times == 2 and passage.quote == LINE

"""Text values: names and lists compared after normalisation and with rapidfuzz."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.match.textvalues import split_names, text_figure


def same(first: str, second: str) -> bool:
    return text_figure(first).meets(text_figure(second))


def test_one_name_written_many_ways_is_one_name():
    assert same("Knuth, Donald E.", "Donald Knuth")
    assert same("KNUTH, DONALD E.", "Donald E. Knuth")
    assert same("Dr. José Müller", "jose muller")


def test_lists_agree_in_any_order_and_separator():
    assert same("Haag, Stephen; Perry, James T.", "Stephen Haag and James Perry")
    assert same("o'leary, timothy j.; o'leary, linda i.;", "Linda I. O'Leary, Timothy J. O'Leary")
    assert split_names("Knuth, Donald E., Fuller, John") == ["donald knuth", "john fuller"]


def test_different_people_or_incomplete_lists_do_not_agree():
    assert not same("Knuth, Donald E.", "Fuller, John")
    assert not same("Knuth", "Knuth, Donald")
    assert not same("Haag, Stephen; Perry, James T.", "Stephen Haag")


def test_empty_cells_say_nothing():
    assert text_figure("Not Available") is None and text_figure("  ") is None


@given(st.text(max_size=60))
def test_normalising_never_crashes_and_is_idempotent(text):
    figure = text_figure(text)
    if figure is not None:
        assert figure.meets(figure)
        again = text_figure("; ".join(sorted(figure.names)))
        assert again is not None and again.names == figure.names

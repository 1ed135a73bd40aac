"""Span bookkeeping: overlap checks by bisection agree with a scan; overlaps are resolved in order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.found import Found, Occupied, without_overlaps

spans = st.tuples(st.integers(0, 200), st.integers(1, 20)).map(lambda pair: (pair[0], pair[0] + pair[1]))


def disjoint(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in candidates:
        if not any(start < e and s < end for s, e in kept):
            kept.append((start, end))
    return kept


@given(st.lists(spans, max_size=30), st.lists(spans, max_size=30))
def test_overlaps_matches_a_scan(added, probes):
    kept = disjoint(added)
    occupied = Occupied(kept)
    for start, end in probes:
        assert occupied.overlaps(start, end) == any(start < e and s < end for s, e in kept)


@given(st.lists(spans, max_size=30))
def test_without_overlaps_keeps_a_disjoint_ordered_subset(candidates):
    found = [Found("money", start, end, "x") for start, end in candidates]
    kept = without_overlaps(found)
    pairs = [(item.start, item.end) for item in kept]
    assert pairs == sorted(pairs) and disjoint(pairs) == pairs
    for item in found:  # everything dropped overlaps something kept
        assert (item.start, item.end) in pairs or any(item.start < e and s < item.end for s, e in pairs)

"""The occupied-span set answers overlap questions exactly as a scan of every span would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.found import Occupied

spans = st.tuples(st.integers(0, 200), st.integers(1, 20)).map(lambda pair: (pair[0], pair[0] + pair[1]))


@given(st.lists(spans, max_size=30), st.lists(spans, max_size=30))
def test_overlaps_matches_a_scan(added, probes):
    occupied, kept = Occupied(), []
    for start, end in added:
        if not any(start < e and s < end for s, e in kept):
            occupied.add(start, end)
            kept.append((start, end))
    for start, end in probes:
        assert occupied.overlaps(start, end) == any(start < e and s < end for s, e in kept)

"""Consensus: the weightiest set of figures that can all be true, found by a sweep."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from factlint.match.consensus import agreement, backing, compatible_sources, consensus
from factlint.match.intervals import Reach
from factlint.match.reconcile import figure_loss


def point(value: float) -> Reach:
    return Reach(value, value, value, value, value)


def test_the_weightiest_compatible_set_wins_not_the_most_numerous():
    figures = [point(4), point(4), point(8)]
    standing = consensus(figures, ["a", "b", "c"], {"a": 1.0, "b": 1.0, "c": 5.0})
    assert standing.supporters == {2} and standing.weight == 5.0 and not standing.tied
    assert consensus(figures, ["a", "b", "c"], {}).supporters == {0, 1}


def test_a_source_repeating_itself_counts_once():
    standing = consensus([point(4), point(4), point(8), point(8)], ["a", "a", "b", "c"], {})
    assert standing.supporters == {2, 3}


def test_an_even_split_is_a_tie():
    assert consensus([point(4), point(8)], ["a", "b"], {}).tied
    assert not consensus([point(4), Reach(0, 10, 5)], ["a", "b"], {}).tied


def test_intervals_join_the_consensus_where_they_overlap():
    standing = consensus([Reach(0, 25e9, 25e9), point(4e9), point(20e9)], ["a", "b", "c"], {})
    assert 0 in standing.supporters and len(standing.supporters) == 2


def test_supporters_and_agreement_scores():
    figures = [point(4), point(4), point(8)]
    supports, contradicts = compatible_sources(figures, ["a", "b", "c"])[2]
    assert supports == () and contradicts == ("a", "b")
    assert compatible_sources(figures, ["a", "b", "c"])[0] == (("b",), ("c",))
    assert agreement(("a",), ("c",), {"a": 3.0, "c": 1.0}.get) == 0.75
    assert agreement((), (), {}.get) == 1.0


@dataclass(frozen=True)
class Word:
    text: str

    def meets(self, other: Word) -> bool:
        return self.text.lower() == other.text.lower()


def test_values_that_are_not_intervals_are_compared_pairwise():
    standing = consensus([Word("Knuth"), Word("knuth"), Word("Ritchie")], ["a", "b", "c"], {})
    assert standing.supporters == {0, 1}


bounds = st.tuples(st.integers(-50, 50), st.integers(0, 30)).map(lambda p: Reach(p[0], p[0] + p[1], p[0]))


@given(st.lists(st.tuples(bounds, st.sampled_from("abcd")), min_size=1, max_size=12))
def test_the_sweep_finds_a_set_that_shares_a_point_and_is_as_heavy_as_any_point(rows):
    figures, sources = [r for r, _ in rows], [s for _, s in rows]
    weights = {"a": 1.0, "b": 2.0, "c": 0.5, "d": 1.5}
    standing = consensus(figures, sources, weights)
    chosen = [figures[i] for i in standing.supporters]
    assert max(r.low for r in chosen) <= min(r.high for r in chosen)
    shares = {i: weights[s] / sources.count(s) for i, s in enumerate(sources)}
    for x in range(-50, 81):
        covering = sum(shares[i] for i, r in enumerate(figures) if r.low <= x <= r.high)
        assert covering <= standing.weight + 1e-9


spans = st.tuples(st.integers(0, 20), st.integers(0, 6)).map(
    lambda pair: Reach(
        float(pair[0]), float(pair[0] + pair[1]), float(pair[0]), float(pair[0]), float(pair[0])
    )
)


@given(st.lists(st.tuples(spans, st.sampled_from("abcd")), min_size=1, max_size=12))
def test_compatibility_and_ties_are_what_the_pairwise_definitions_say(pairs):
    figures = [figure for figure, _ in pairs]
    sources = [source for _, source in pairs]
    for index, (supports, contradicts) in enumerate(compatible_sources(figures, sources)):
        others = {s for s in sources if s != sources[index]}
        meeting = {
            sources[j]
            for j, other in enumerate(figures)
            if sources[j] != sources[index] and figures[index].meets(other)
        }
        assert supports == tuple(sorted(meeting)) and contradicts == tuple(sorted(others - meeting))
    standing = consensus(figures, sources, {})
    events = sorted({f.low for f in figures})
    covering = {p: frozenset(i for i, f in enumerate(figures) if f.low <= p <= f.high) for p in events}
    weight = {p: sum(1 / sources.count(sources[i]) for i in covering[p]) for p in events}
    best = max(weight.values())
    rivals = {covering[p] for p in events if abs(weight[p] - best) <= 1e-9}
    assert standing.tied == (len(rivals) > 1)


@given(
    st.lists(st.tuples(spans, st.sampled_from("abcd")), min_size=1, max_size=12),
    st.lists(st.floats(0.1, 5.0), min_size=4, max_size=4),
)
def test_backing_counts_and_scores_are_those_of_the_pairwise_lists(pairs, weights):
    figures = [figure for figure, _ in pairs]
    sources = [source for _, source in pairs]
    weight = dict(zip("abcd", weights, strict=True))
    lists = compatible_sources(figures, sources)
    for (supports, contradicts), backed in zip(lists, backing(figures, sources, weight.get), strict=True):
        assert (backed.agreeing, backed.disagreeing) == (len(supports), len(contradicts))
        assert abs(backed.score - agreement(supports, contradicts, weight.get)) < 1e-9


@given(
    st.lists(st.tuples(st.sampled_from(["Knuth", "knuth", "Ritchie", "Thompson"]), st.sampled_from("abc")))
)
def test_backing_of_values_that_are_not_intervals(pairs):
    figures = [Word(text) for text, _ in pairs]
    sources = [source for _, source in pairs]
    lists = compatible_sources(figures, sources)
    backed = backing(figures, sources, lambda _: 1.0)
    assert [(b.agreeing, b.disagreeing) for b in backed] == [(len(s), len(c)) for s, c in lists]


def test_backing_is_stored_in_size_linear_in_the_group():
    """A verdict holds counts: n agreeing sources add n verdicts of one size, not n lists of n."""
    for size in (100, 200):
        backed = backing([point(4)] * size, [f"s{i:04d}" for i in range(size)], lambda _: 1.0)
        assert {(b.agreeing, b.disagreeing, b.score) for b in backed} == {(size - 1, 0, 1.0)}


def pairwise_loss(figure, figures, standing):
    """figure_loss as it was written before it searched sorted ends: every supporter compared."""
    chosen = [figures[i] for i in standing.supporters]
    gap = min(figure.gap(other) for other in chosen)
    values = sorted(abs(other.value) for other in chosen if other.value is not None)
    scale = 0.1 * (values[len(values) // 2] if values else 0.0)
    return 1.0 if scale <= 0 else min(1.0, gap / scale)


@given(st.lists(st.tuples(spans, st.sampled_from("abcd")), min_size=1, max_size=12), spans)
def test_the_loss_of_a_figure_is_its_gap_to_the_nearest_supporter(pairs, figure):
    figures = [figure for figure, _ in pairs]
    standing = consensus(figures, [source for _, source in pairs], {})
    for one in [*figures, figure]:
        assert figure_loss(one, figures, standing) == pairwise_loss(one, figures, standing)

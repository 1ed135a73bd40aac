"""Source reliability: sources that keep agreeing with the consensus earn weight."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.knowledge import Reliability
from factlint.match.consensus import consensus
from factlint.match.intervals import Reach
from factlint.match.reconcile import figure_loss
from factlint.match.reliability import source_weights

PARAMS = Reliability(rounds=20, prior_claims=2, prior_loss=0.3, floor=0.05)


def point(value: float) -> Reach:
    return Reach(value, value, value, value, value)


def test_a_reliable_minority_outweighs_copying_sources_once_its_record_is_known():
    # On 20 facts, r1, r2 and two independent sources agree while three copiers share one wrong
    # value; on the last fact only r1 and r2 stand against the three copiers.
    blocks = []
    for fact in range(20):
        figures = [point(fact)] * 4 + [point(fact + 50)] * 3
        blocks.append((figures, ["r1", "r2", f"i{fact}", f"j{fact}", "c1", "c2", "c3"]))
    last = ([point(1), point(1), point(9), point(9), point(9)], ["r1", "r2", "c1", "c2", "c3"])
    weights, rounds = source_weights([*blocks, last], PARAMS, figure_loss)
    assert weights["r1"] > 2 * weights["c1"] and rounds >= 2
    assert consensus(last[0], last[1], weights).supporters == {0, 1}
    assert consensus(last[0], last[1], {}).supporters == {2, 3, 4}


def test_a_source_never_contested_keeps_the_prior():
    weights, _ = source_weights([([point(1)], ["alone"])], PARAMS, figure_loss)
    assert round(weights["alone"], 6) == round(-__import__("math").log(0.3), 6)


blocks = st.lists(
    st.lists(st.tuples(st.integers(0, 5), st.sampled_from("abcde")), min_size=1, max_size=6).map(
        lambda rows: ([point(v) for v, _ in rows], [s for _, s in rows])
    ),
    max_size=8,
)


@given(blocks)
def test_weights_are_deterministic_and_never_below_the_floor(data):
    first, _ = source_weights(data, PARAMS, figure_loss)
    second, _ = source_weights(data, PARAMS, figure_loss)
    assert first == second
    assert all(weight >= PARAMS.floor for weight in first.values())
    assert set(first) == {source for _, sources in data for source in sources}

"""Seeded structured claims: consensus must beat majority vote where reliable sources are outnumbered."""

from __future__ import annotations

from factlint.eval import synthetic
from factlint.eval.__main__ import main


def test_the_world_is_seeded_and_has_the_sources_it_was_asked_for():
    first, second = synthetic.generate(3, facts=50), synthetic.generate(3, facts=50)
    assert first.claims.equals(second.claims) and first.truth == second.truth
    sources = set(first.claims["source"])
    assert {"reliable0", "unreliable6", "copier1"} <= sources and len(sources) == 12
    assert not synthetic.generate(4, facts=50).claims.equals(first.claims)


def test_majority_vote_and_accuracy_count_as_they_should():
    world = synthetic.generate(1, facts=20, noise=0.0, reliable_accuracy=1.0)
    assert synthetic.accuracy(synthetic.majority_vote(world.claims), world.truth) == 1.0
    assert synthetic.accuracy({}, world.truth) == 0.0


def test_consensus_beats_majority_vote_when_reliable_sources_are_outnumbered():
    for row in synthetic.compare(seed=11, noises=(0.5, 0.6, 0.7), facts=200):
        assert row["factlint"] > row["majority vote"], row
    (easy,) = synthetic.compare(seed=11, noises=(0.2,), facts=200)
    assert easy["factlint"] >= easy["majority vote"] - 0.01


def test_the_eval_command_prints_the_table(capsys):
    assert main(["reconcile", "--facts", "60"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["noise", "claims", "majority", "factlint"]
    assert len(out.splitlines()) == 6

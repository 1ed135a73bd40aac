"""Structured claims with known truth, for measuring reconciliation beside majority vote.

A seeded generator: ``facts`` numeric facts, a few reliable sources and more unreliable ones,
each source speaking of most facts. A reliable source gives the true value with probability
``reliable_accuracy``; an unreliable one with probability ``1 - noise``, and otherwise one of
two plausible wrong values of that fact (a typo-like slip or an outdated figure), so that wrong
sources often coincide. Some unreliable sources copy another unreliable source most of the time,
so their errors are not independent. When the unreliable sources outnumber the reliable ones,
majority vote follows them wherever enough of them slip together; a method that learns which
sources are right across facts should not.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter

import pandas as pd

from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.structured import claims_from_frame, table_consensus


@dataclasses.dataclass(frozen=True)
class World:
    """The claims table and the true value of every fact."""

    claims: pd.DataFrame
    truth: dict[str, float]


def generate(
    seed: int,
    *,
    facts: int = 300,
    reliable: int = 3,
    unreliable: int = 7,
    copiers: int = 2,
    noise: float = 0.5,
    reliable_accuracy: float = 0.95,
    coverage: float = 0.7,
) -> World:
    """A world of ``facts`` facts told by ``reliable + unreliable + copiers`` sources."""
    rng = random.Random(seed)
    truth: dict[str, float] = {}
    wrong: dict[str, tuple[float, float]] = {}
    for index in range(facts):
        fact = f"fact{index:05d}"
        value = float(rng.randrange(1_000, 1_000_000))
        truth[fact] = value
        wrong[fact] = (
            float(round(value * rng.choice((0.9, 1.1, 1.25)))),
            float(round(value * rng.uniform(0.5, 0.8))),
        )
    rows: list[tuple[str, str, str, str]] = []
    said: dict[str, dict[str, float]] = {}
    names = [f"reliable{i}" for i in range(reliable)] + [f"unreliable{i}" for i in range(unreliable)]
    for name in names:
        accuracy = reliable_accuracy if name.startswith("reliable") else 1.0 - noise
        said[name] = {}
        for fact in truth:
            if rng.random() < coverage:
                said[name][fact] = truth[fact] if rng.random() < accuracy else rng.choice(wrong[fact])
    for index in range(copiers):
        original = f"unreliable{index % max(1, unreliable)}"
        name = f"copier{index}"
        said[name] = {}
        for fact in truth:
            if fact in said.get(original, {}) and rng.random() < 0.8:
                said[name][fact] = said[original][fact]
            elif rng.random() < coverage:
                said[name][fact] = truth[fact] if rng.random() < 1.0 - noise else rng.choice(wrong[fact])
    for name, values in said.items():
        rows.extend((name, fact, "value", f"{value:.0f}") for fact, value in values.items())
    frame = pd.DataFrame(rows, columns=["source", "subject", "attribute", "value"])
    return World(frame, truth)


def majority_vote(claims: pd.DataFrame) -> dict[str, float]:
    """The most frequent value of every fact (ties to the value claimed first)."""
    votes: dict[str, Counter[float]] = {}
    for subject, value in zip(claims["subject"], claims["value"], strict=True):
        votes.setdefault(subject, Counter())[float(value)] += 1
    return {subject: count.most_common(1)[0][0] for subject, count in votes.items()}


def factlint_consensus(claims: pd.DataFrame, kb: KnowledgeBase | None = None) -> dict[str, float]:
    """The consensus value of every fact, as ``factlint reconcile`` computes it."""
    kb = kb or default_knowledge()
    consensus = table_consensus(claims_from_frame(claims, kb, "synthetic"), kb)
    chosen = {}
    for group in consensus.groups:
        if group.consensus is not None and group.consensus.value is not None:
            chosen[group.key[0]] = group.consensus.value
    return chosen


def accuracy(chosen: dict[str, float], truth: dict[str, float]) -> float:
    """The share of facts whose chosen value is the true one."""
    return sum(1 for fact, value in truth.items() if chosen.get(fact) == value) / len(truth)


def compare(
    seed: int = 7, noises: tuple[float, ...] = (0.3, 0.4, 0.5, 0.6, 0.7), facts: int = 300
) -> list[dict]:
    """Accuracy of factlint and of majority vote at each noise level, on one seeded world each."""
    results = []
    for noise in noises:
        world = generate(seed, facts=facts, noise=noise)
        results.append(
            {
                "noise": noise,
                "claims": len(world.claims),
                "majority vote": round(accuracy(majority_vote(world.claims), world.truth), 4),
                "factlint": round(accuracy(factlint_consensus(world.claims), world.truth), 4),
            }
        )
    return results


def table(results: list[dict]) -> str:
    """The comparison as a fixed-width table."""
    lines = [f"{'noise':>6} {'claims':>7} {'majority':>9} {'factlint':>9}"]
    for row in results:
        lines.append(
            f"{row['noise']:>6.2f} {row['claims']:>7} {row['majority vote']:>9.3f} {row['factlint']:>9.3f}"
        )
    return "\n".join(lines)

"""Scoring extraction against the gold set.

Span precision, recall and F1 per kind, value accuracy for matched claims, and how many negative
sentences stay free of claims.

A predicted claim matches a gold claim of the same kind when their spans overlap; it is exact
when the spans are equal. Each gold claim matches at most one prediction.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Iterable
from typing import Any

from factlint.eval.gold import GoldClaim, GoldEntry
from factlint.extract import extract_text
from factlint.model import Claim

KINDS = ("money", "percent", "quantity", "date")
VALUE_FIELDS = ("value", "unit", "low", "high", "qualifier")


@dataclasses.dataclass
class KindScore:
    """Counts for one kind of claim."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    values_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else math.nan

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else math.nan

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r and not math.isnan(p + r) else math.nan

    @property
    def value_accuracy(self) -> float:
        return self.values_right / self.matched if self.matched else math.nan


@dataclasses.dataclass
class Evaluation:
    """The scores per kind, the negatives, the misses for reading, and the time taken."""

    kinds: dict[str, KindScore]
    negatives: int
    clean_negatives: int
    seconds: float
    characters: int
    misses: list[str]
    attributes: list[int] = dataclasses.field(default_factory=lambda: [0, 0])  # right, annotated
    aspects: list[int] = dataclasses.field(default_factory=lambda: [0, 0])
    times: list[int] = dataclasses.field(default_factory=lambda: [0, 0])

    @property
    def negative_precision(self) -> float:
        """Share of negative sentences on which nothing of the scored kinds was extracted."""
        return self.clean_negatives / self.negatives if self.negatives else math.nan


def evaluate(entries: Iterable[GoldEntry], kinds: Iterable[str] = KINDS) -> Evaluation:
    """Extract every gold sentence and score the predictions of ``kinds``."""
    kinds = tuple(kinds)
    entries_seen: list[tuple[GoldEntry, list[Claim]]] = []
    scores = {kind: KindScore() for kind in kinds}
    negatives = clean = characters = 0
    misses: list[str] = []
    seconds = 0.0
    for entry in entries:
        started = time.perf_counter()
        predicted = [claim for claim in extract_text(entry.text, entry.published) if claim.kind in kinds]
        seconds += time.perf_counter() - started
        characters += len(entry.text)
        gold = [claim for claim in entry.claims if claim.kind in kinds]
        entries_seen.append((entry, predicted))
        if not entry.claims:
            negatives += 1
            clean += not predicted
            if predicted:
                misses.append(f"negative {entry.file}: {[c.text for c in predicted]} in {entry.text!r}")
        _score(entry, gold, predicted, scores, misses)
    evaluation = Evaluation(scores, negatives, clean, seconds, characters, misses)
    for entry in entries_seen:
        _score_frames(entry, evaluation)
    return evaluation


def _score(
    entry: GoldEntry,
    gold: list[GoldClaim],
    predicted: list[Claim],
    scores: dict[str, KindScore],
    misses: list[str],
) -> None:
    for claim in gold:
        scores[claim.kind].gold += 1
    for claim in predicted:
        scores[claim.kind].predicted += 1
    unmatched = list(predicted)
    for expected in gold:
        partner = next((c for c in unmatched if c.kind == expected.kind and _overlap(c, expected)), None)
        if partner is None:
            misses.append(f"missed {expected.kind} {expected.quote!r} in {entry.file}: {entry.text!r}")
            continue
        unmatched.remove(partner)
        score = scores[expected.kind]
        score.matched += 1
        score.exact += partner.span == expected.span
        wrong = _wrong_values(partner, expected)
        if wrong:
            misses.append(f"value {expected.kind} {expected.quote!r}: {wrong} in {entry.file}")
        else:
            score.values_right += 1
    for claim in unmatched:
        misses.append(f"extra {claim.kind} {claim.text!r} in {entry.file}: {entry.text!r}")


def _score_frames(seen: tuple[GoldEntry, list[Claim]], evaluation: Evaluation) -> None:
    """Attribute and aspect accuracy over the matched claims whose gold gives them."""
    entry, predicted = seen
    for expected in entry.claims:
        partner = next((c for c in predicted if c.kind == expected.kind and _overlap(c, expected)), None)
        if partner is None:
            continue
        if isinstance(expected.fields.get("refers_to"), dict):
            _score_time(entry, expected, partner, evaluation)
        for field, counts in (("attribute", evaluation.attributes), ("aspect", evaluation.aspects)):
            if expected.fields.get(field):
                counts[1] += 1
                if getattr(partner, field) == expected.fields[field]:
                    counts[0] += 1
                else:
                    evaluation.misses.append(
                        f"{field} {expected.quote!r}: {getattr(partner, field)} for {expected.fields[field]} "
                        f"in {entry.file}: {entry.text!r}"
                    )


def _score_time(entry: GoldEntry, expected: GoldClaim, partner: Claim, evaluation: Evaluation) -> None:
    """Whether the period a number speaks of (``refers_to``) matches the gold's first and last day."""
    gold = expected.fields["refers_to"]
    wanted = tuple(_iso(gold.get(key)) for key in ("start", "end"))
    time = partner.refers_to
    got = (None, None) if time is None else (_iso(time.start), _iso(time.end))
    evaluation.times[1] += 1
    if got == wanted:
        evaluation.times[0] += 1
    else:
        evaluation.misses.append(
            f"time {expected.quote!r}: {got} for {wanted} in {entry.file}: {entry.text!r}"
        )


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)


def _overlap(claim: Claim, gold: GoldClaim) -> bool:
    return claim.span.start < gold.span.end and gold.span.start < claim.span.end


def _wrong_values(claim: Claim, gold: GoldClaim) -> dict[str, tuple[Any, Any]]:
    """The gold fields the prediction gets wrong, as ``{field: (predicted, gold)}``."""
    if claim.time is not None:
        return _wrong_time(claim, gold)
    if claim.quantity is None:
        return {}
    quantity = claim.quantity
    wrong = {}
    for field in VALUE_FIELDS:
        if field not in gold.fields:
            continue
        expected, got = gold.fields[field], getattr(quantity, field)
        if field in ("low", "high") and gold.fields.get("qualifier") in ("about", "nearly"):
            continue  # gold leaves the band to the knowledge base
        if not _same(got, expected):
            wrong[field] = (got, expected)
    if gold.fields.get("vague") and not quantity.vague:
        wrong["vague"] = (quantity.vague, True)
    return wrong


def _wrong_time(claim: Claim, gold: GoldClaim) -> dict[str, tuple[Any, Any]]:
    """The date fields (start, end, precision) the prediction gets wrong."""
    time = claim.time
    assert time is not None
    got = {
        "start": time.start.isoformat() if time.start else None,
        "end": time.end.isoformat() if time.end else None,
        "precision": time.precision,
    }
    wrong = {}
    for field, value in got.items():
        if field in gold.fields:
            expected = gold.fields[field]
            expected = expected.isoformat() if hasattr(expected, "isoformat") else expected
            if value != expected:
                wrong[field] = (value, expected)
    return wrong


def _same(got: Any, expected: Any) -> bool:
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(float(got), float(expected), rel_tol=1e-6, abs_tol=1e-9)
    return got == expected


def table(evaluation: Evaluation) -> str:
    """The scores as a plain-text table."""
    lines = [f"{'kind':10} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6} {'values':>6}"]
    for kind, score in evaluation.kinds.items():
        lines.append(
            f"{kind:10} {score.gold:5d} {score.predicted:5d} {_pct(score.precision)} {_pct(score.recall)} "
            f"{_pct(score.f1)} {_pct(score.exact / score.matched if score.matched else math.nan)} "
            f"{_pct(score.value_accuracy)}"
        )
    lines.append(
        f"negatives: {evaluation.clean_negatives}/{evaluation.negatives} sentences without a claim "
        f"({_pct(evaluation.negative_precision).strip()})"
    )
    for field, (right, annotated) in (
        ("attribute", evaluation.attributes),
        ("aspect", evaluation.aspects),
        ("time", evaluation.times),
    ):
        share = right / annotated if annotated else math.nan
        lines.append(f"{field}: {right}/{annotated} right on matched claims ({_pct(share).strip()})")
    speed = evaluation.characters / evaluation.seconds / 1e6 if evaluation.seconds else math.nan
    lines.append(
        f"speed: {evaluation.seconds:.3f} s for {evaluation.characters} characters ({speed:.2f} MB/s)"
    )
    return "\n".join(lines)


def _pct(value: float) -> str:
    return "     -" if math.isnan(value) else f"{value:6.3f}"

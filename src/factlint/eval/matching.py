"""Scoring matching against the story gold: which claims factlint groups, and the labels it gives.

Each gold member is first located as a claim of its source (see :func:`locate`); a member with no
such claim is missed. Over the located members, every pair counts once: predicted together when
one reconciled group holds both claims, gold together when one gold group lists both. Claims the
gold does not annotate never enter a pair, so grouping them wrongly costs nothing here.

A gold group's predicted label is that of the reconciled group holding most of its located
members (the first such group on a tie); ``missed`` when none was located, ``ungrouped`` when no
reconciled group holds any of them.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from factlint.eval.story_gold import GoldGroup, GoldMember, StoryGold
from factlint.extract import extract
from factlint.ingest import read_corpus
from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.match import group, reconcile
from factlint.model import Claim, ClaimGroup, Span

# How far (in characters) a claim may start from its ``near`` words when its sentence lacks them.
WINDOW = 300


@dataclasses.dataclass(frozen=True)
class Located:
    """A gold member and the claim found for it (None: missed)."""

    group: GoldGroup
    member: GoldMember
    claim: Claim | None


@dataclasses.dataclass
class MatchScore:
    """Counts for one story, or summed over stories."""

    members: int = 0
    located: int = 0
    together: int = 0  # pairs of located members both gold and predicted together
    wrongly_together: int = 0  # predicted together, apart in the gold
    wrongly_apart: int = 0  # together in the gold, apart in the prediction
    gold_pairs: int = 0  # pairs the gold lists, missed members included
    groups: int = 0
    labels_right: int = 0
    shared_groups: int = 0  # gold groups of two or more sources
    shared_right: int = 0
    confusion: Counter[tuple[str, str]] = dataclasses.field(default_factory=Counter)
    misses: list[str] = dataclasses.field(default_factory=list)

    @property
    def member_recall(self) -> float:
        return _share(self.located, self.members)

    @property
    def precision(self) -> float:
        return _share(self.together, self.together + self.wrongly_together)

    @property
    def recall(self) -> float:
        """Over pairs of located members only."""
        return _share(self.together, self.together + self.wrongly_apart)

    @property
    def recall_all(self) -> float:
        """Over every pair the gold lists: a missed member is grouped with nothing."""
        return _share(self.together, self.gold_pairs)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r and not math.isnan(p + r) else math.nan

    @property
    def label_accuracy(self) -> float:
        return _share(self.labels_right, self.groups)

    @property
    def shared_label_accuracy(self) -> float:
        return _share(self.shared_right, self.shared_groups)

    def add(self, other: MatchScore) -> None:
        """Add ``other``'s counts to these."""
        for field in dataclasses.fields(self):
            if field.name not in ("confusion", "misses"):
                setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))
        self.confusion.update(other.confusion)
        self.misses.extend(other.misses)


@dataclasses.dataclass
class MatchEvaluation:
    """The score of each story, by story name, and the time the pipeline took."""

    stories: dict[str, MatchScore]
    seconds: float = 0.0

    @property
    def overall(self) -> MatchScore:
        """The counts of every story summed (micro-averaged figures)."""
        total = MatchScore()
        for score in self.stories.values():
            total.add(score)
        return total


def evaluate(stories: Iterable[StoryGold], kb: KnowledgeBase | None = None) -> MatchEvaluation:
    """Run read, extract, group and reconcile on each story folder and score it against its gold."""
    kb = kb or default_knowledge()
    evaluation = MatchEvaluation({})
    for story in stories:
        started = time.perf_counter()
        corpus = read_corpus([story.folder])
        names = {source.id: Path(source.path).name for source in corpus.sources}
        claims = [claim for source in corpus.sources for claim in extract(source, kb)]
        published = {source.id: source.published for source in corpus.sources}
        groups = reconcile(group(claims, kb), kb, published=published)
        evaluation.seconds += time.perf_counter() - started
        by_file: dict[str, list[Claim]] = {}
        for claim in claims:
            by_file.setdefault(names[claim.source_id], []).append(claim)
        texts = {names[source.id]: source.text for source in corpus.sources}
        evaluation.stories[story.name] = score(locate(story, texts, by_file), groups, story.name)
    return evaluation


def locate(
    story: StoryGold, texts: Mapping[str, str], claims: Mapping[str, Sequence[Claim]]
) -> list[Located]:
    """Each gold member with its claim, given each file's clean text and claims by file name.

    A member's claim has text equal to the quote, or containing it, or contained in it, and either
    a sentence holding ``near`` or a start within :data:`WINDOW` characters of it; of several, the
    one nearest the quote's occurrence next to ``near`` wins. No claim stands for two members.
    """
    used: set[str] = set()
    located = []
    for gold in story.groups:
        for member in gold.members:
            claim = _find(member, texts.get(member.source, ""), claims.get(member.source, ()), used)
            if claim is not None:
                used.add(claim.id)
            located.append(Located(gold, member, claim))
    return located


def _find(member: GoldMember, text: str, claims: Sequence[Claim], used: set[str]) -> Claim | None:
    near = text.find(member.near)
    if near == -1:
        return None
    words = Span(near, near + len(member.near))
    quotes = [Span(at, at + len(member.quote)) for at in _occurrences(text, member.quote)]
    target = min(quotes, key=lambda quote: _gap(quote, words), default=words)
    candidates = [
        claim
        for claim in claims
        if claim.id not in used
        and (member.quote in claim.text or claim.text in member.quote)
        and (member.near in claim.sentence or abs(claim.span.start - near) <= WINDOW)
    ]
    return min(
        candidates,
        key=lambda claim: min(_gap(span, target) for span in (claim.span, *claim.occurrences)),
        default=None,
    )


def _occurrences(text: str, quote: str) -> Iterable[int]:
    at = text.find(quote)
    while at != -1:
        yield at
        at = text.find(quote, at + 1)


def _gap(one: Span, other: Span) -> int:
    """Characters between two spans (0 when they overlap or touch)."""
    return max(one.start - other.end, other.start - one.end, 0)


def score(located: Sequence[Located], groups: Sequence[ClaimGroup], story: str = "") -> MatchScore:
    """Pair, label and member counts of one story's located members against its reconciled groups."""
    result = MatchScore(members=len(located), located=sum(item.claim is not None for item in located))
    holders: dict[str, set[int]] = {}
    for index, predicted in enumerate(groups):
        for claim in predicted.claims:
            holders.setdefault(claim.id, set()).add(index)
    sizes = Counter(item.group.id for item in located)
    result.gold_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    found = [item for item in located if item.claim is not None]
    for k, one in enumerate(found):
        for other in found[k + 1 :]:
            gold = one.group.id == other.group.id
            predicted = bool(_holding(one, holders) & _holding(other, holders))
            result.together += gold and predicted
            result.wrongly_together += predicted and not gold
            result.wrongly_apart += gold and not predicted
    prefix = f"{story}: " if story else ""
    for item in located:
        if item.claim is None:
            result.misses.append(
                f"{prefix}missed member of {item.group.id}: {item.member.quote!r} near "
                f"{item.member.near!r} in {item.member.source}"
            )
    for gold in dict.fromkeys(item.group for item in located):
        _score_label(
            gold, [item.claim for item in found if item.group is gold], groups, holders, result, prefix
        )
    return result


def _holding(item: Located, holders: dict[str, set[int]]) -> set[int]:
    return holders.get(item.claim.id, set()) if item.claim is not None else set()


def _score_label(
    gold: GoldGroup,
    claims: list[Claim],
    groups: Sequence[ClaimGroup],
    holders: dict[str, set[int]],
    result: MatchScore,
    prefix: str,
) -> None:
    held = Counter(index for claim in claims for index in holders.get(claim.id, ()))
    best = min(held, key=lambda index: (-held[index], index)) if held else None
    if not claims:
        label, reason = "missed", "no member located"
    elif best is None:
        label, reason = "ungrouped", "no reconciled group holds a located member"
    else:
        label, reason = groups[best].label or "unlabelled", groups[best].reason
    right = label == gold.label
    shared = len(gold.sources) >= 2
    result.groups += 1
    result.labels_right += right
    result.shared_groups += shared
    result.shared_right += shared and right
    result.confusion[(gold.label, label)] += 1
    if not right:
        result.misses.append(
            f"{prefix}label of {gold.id}: {label} for {gold.label}; gold: {gold.reason}; predicted: {reason}"
        )


def table(evaluation: MatchEvaluation) -> str:
    """The scores as a plain-text table, one row per story and one for all, then the label confusion."""
    head = (
        f"{'story':32} {'members':>7} {'found':>6} {'pairs':>5} {'P':>6} {'R':>6} {'R all':>6} "
        f"{'F1':>6} {'labels':>6} {'2+src':>6}"
    )
    overall = evaluation.overall
    lines = [head]
    for name, result in [*evaluation.stories.items(), ("all", overall)]:
        lines.append(
            f"{name[:32]:32} {f'{result.located}/{result.members}':>7} {_pct(result.member_recall)} "
            f"{result.gold_pairs:5d} {_pct(result.precision)} {_pct(result.recall)} "
            f"{_pct(result.recall_all)} {_pct(result.f1)} {_pct(result.label_accuracy)} "
            f"{_pct(result.shared_label_accuracy)}"
        )
    confusion = ", ".join(
        f"{gold}->{predicted} {count}" for (gold, predicted), count in sorted(overall.confusion.items())
    )
    lines.append(f"labels (gold->predicted): {confusion}")
    lines.append(f"pipeline: {evaluation.seconds:.3f} s for {len(evaluation.stories)} stories")
    return "\n".join(lines)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else math.nan


def _pct(value: float) -> str:
    return "     -" if math.isnan(value) else f"{value:6.3f}"

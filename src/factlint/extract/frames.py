"""Which fact a number speaks of: attributes and aspects from the cue words in ``rules/frames.yaml``.

For each money, percentage or quantity claim, every frame that fits its kind, unit and sentence
context looks for its cue phrases before the number and its phrases right after it: the nearest
in the same clause wins (the longer phrase when two are as near: "94% of ballots counted" is the
count, not "with 94%"), then the nearest in the sentence; a frame known by its unit alone ("5
gigawatts" is capacity) comes last. Increment and cumulative words in the clause decide the aspect
("an additional $4 billion", "bringing the total to $8 billion"); an amount that is cumulative is
the total of its family where a ``.total`` frame exists (``aid.amount`` to ``aid.total``).
Prospective words just before or after the amount make it what may be ("could grow by another $20
billion").
"""

from __future__ import annotations

import dataclasses
import functools
import re

from factlint.extract.numbers import alternation
from factlint.knowledge import KnowledgeBase
from factlint.model import Quantity

_WORDS = re.compile(r"[\w-]+")
_CLAUSE_END = re.compile(r"[,;:()]")

_CLAUSE_MARKS = ",;:()"
_ASPECT_WINDOW = 60


@functools.cache
def _cue_patterns(kb: KnowledgeBase) -> dict[str, re.Pattern[str] | None]:
    return {
        frame.attribute: re.compile(rf"\b(?:{alternation(frame.cues)})(?![\w-])") if frame.cues else None
        for frame in kb.frames
    }


def _first_words(phrases: tuple[str, ...]) -> frozenset[str] | None:
    """The first word of each phrase; None when one begins with something else than a word."""
    firsts = [phrase.split()[0] for phrase in phrases]
    return frozenset(firsts) if all(re.fullmatch(r"[\w-]+", first) for first in firsts) else None


@functools.cache
def _cue_words(kb: KnowledgeBase) -> dict[str, frozenset[str] | None]:
    """The first words of each frame's cues (see :func:`_first_words`).

    A frame none of whose first words is written before the number has no cue there, and its
    pattern need not run.
    """
    return {frame.attribute: _first_words(frame.cues) for frame in kb.frames}


@functools.cache
def _after_words(kb: KnowledgeBase) -> dict[str, frozenset[str] | None]:
    """The first words of each frame's phrases after the number (see :func:`_first_words`).

    A phrase after the number begins one of the four words that follow it; a frame none of whose
    first words begins one of them has no phrase there.
    """
    return {frame.attribute: _first_words(frame.after) for frame in kb.frames}


def _following_words(following: str) -> set[str]:
    """The words that begin each of the first four words after the number ("billion," gives "billion")."""
    words = set()
    for chunk in following.split(None, 4)[:4]:
        match = _WORDS.match(chunk)
        if match:
            words.add(match.group())
    return words


@functools.cache
def _after_patterns(kb: KnowledgeBase) -> dict[str, re.Pattern[str] | None]:
    # Up to three words ("staggering", "pre-tax", "in Corvid Labs") may stand between the amount
    # and the phrase.
    return {
        frame.attribute: re.compile(
            rf"[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?(?P<phrase>{alternation(frame.after)})(?![\w-])"
        )
        if frame.after
        else None
        for frame in kb.frames
    }


@functools.cache
def _context_patterns(kb: KnowledgeBase) -> dict[str, re.Pattern[str] | None]:
    return {
        frame.attribute: re.compile(rf"\b(?:{alternation(frame.context)})\b") if frame.context else None
        for frame in kb.frames
    }


@functools.cache
def _aspect_patterns(kb: KnowledgeBase) -> dict[str, re.Pattern[str]]:
    return {
        aspect: re.compile(rf"\b(?:{alternation(words)})\b") for aspect, words in kb.aspects.items() if words
    }


def frame_of(
    text: str,
    span: tuple[int, int],
    sentence: tuple[int, int],
    kind: str,
    quantity: Quantity | None,
    kb: KnowledgeBase,
) -> tuple[str | None, str | None]:
    """``(attribute, aspect)`` of the claim of ``kind`` at ``span`` in the sentence ``[a, b)``."""
    start, end = span
    sentence_start, sentence_end = sentence
    lowered = text[sentence_start:sentence_end].lower()
    before_sentence = text[sentence_start:start].lower()
    before_clause = clause_before(before_sentence)
    after = text[end:sentence_end].lower()
    written = set(_WORDS.findall(before_sentence))
    following = _following_words(after)
    best: tuple[tuple[int, int, int, int], str] | None = None
    for fit in _fitting(kb, kind, quantity.unit if quantity is not None else None):
        cue, after_phrase = fit.cue, fit.after
        if cue is not None and fit.cue_firsts is not None and fit.cue_firsts.isdisjoint(written):
            cue = None
        if (
            after_phrase is not None
            and fit.after_firsts is not None
            and fit.after_firsts.isdisjoint(following)
        ):
            after_phrase = None
        if cue is None and after_phrase is None and not fit.unit_alone:
            continue
        if fit.unless is not None and fit.unless.search(before_clause):
            continue  # "lifted their target for the shares to $355": a target, not a price
        score = _score(cue, after_phrase, fit.unit_alone, before_clause, before_sentence, after, fit.order)
        # The context is looked for last, and only for a frame that would win.
        if score is not None and (best is None or score < best[0]) and _in_context(fit.context, lowered):
            best = (score, fit.attribute)
    attribute = best[1] if best else None
    if attribute == "stock.price" and quantity is not None and quantity.qualifier == "range":
        attribute = "stock.range"  # "fluctuating between $204.66 and $201.22": the day's range
    aspect = _aspect(before_clause[-_ASPECT_WINDOW:], kb) or _aspect_after(after, kb)
    totals = _totals(kb)
    if attribute is not None and aspect == "cumulative" and attribute.endswith(".amount"):
        attribute = totals.get(attribute.removesuffix(".amount"), attribute)
    if attribute is not None and attribute in totals.values():
        aspect = "cumulative"
    return attribute, aspect


@functools.cache
def _totals(kb: KnowledgeBase) -> dict[str, str]:
    """Each family with a ``.total`` frame, to that frame ("investment" to "investment.total")."""
    return {
        frame.attribute.removesuffix(".total"): frame.attribute
        for frame in kb.frames
        if frame.attribute.endswith(".total")
    }


@dataclasses.dataclass(frozen=True)
class _Fit:
    """A frame that fits a kind of claim, with its order among the frames and its patterns.

    ``cue_firsts`` and ``after_firsts`` are the first words of its phrases (None: not all are
    words), ``unit_alone`` whether its unit alone names it, ``unless`` the words in the number's
    clause that rule it out.
    """

    order: int
    attribute: str
    cue: re.Pattern[str] | None
    cue_firsts: frozenset[str] | None
    after: re.Pattern[str] | None
    after_firsts: frozenset[str] | None
    context: re.Pattern[str] | None
    unit_alone: bool
    unless: re.Pattern[str] | None


@functools.cache
def _fitting(kb: KnowledgeBase, kind: str, unit: str | None) -> tuple[_Fit, ...]:
    """The frames (with their order) for a claim of ``kind`` in ``unit`` (None: no quantity)."""
    cues, afters, contexts = _cue_patterns(kb), _after_patterns(kb), _context_patterns(kb)
    cue_words, after_words = _cue_words(kb), _after_words(kb)
    return tuple(
        _Fit(
            order,
            frame.attribute,
            cues[frame.attribute],
            cue_words[frame.attribute],
            afters[frame.attribute],
            after_words[frame.attribute],
            contexts[frame.attribute],
            bool(frame.units and frame.unit_alone),
            re.compile(rf"\b(?:{alternation(frame.unless)})(?![\w-])") if frame.unless else None,
        )
        for order, frame in enumerate(kb.frames)
        if kind in frame.kinds and (not frame.units or (unit is not None and unit in frame.units))
    )


def _in_context(pattern: re.Pattern[str] | None, sentence: str) -> bool:
    return pattern is None or pattern.search(sentence) is not None


def clause_before(before: str) -> str:
    """The words of the clause leading up to the number.

    After "Label:" with nothing between, the label is the clause ("Total investment: $8 billion").
    """
    marks = [index for index in (before.rfind(mark) for mark in _CLAUSE_MARKS) if index != -1]
    cut = max(marks, default=-1)
    clause = before[cut + 1 :]
    if not clause.strip() and cut >= 0 and before[cut] == ":":
        head = before[:cut]
        return head[max((head.rfind(mark) for mark in _CLAUSE_MARKS), default=-1) + 1 :]
    return clause


def _score(
    pattern: re.Pattern[str] | None,
    after: re.Pattern[str] | None,
    unit_alone: bool,
    clause: str,
    sentence: str,
    following: str,
    order: int,
) -> tuple[int, int, int, int] | None:
    """Lower is better: where the cue was found, its distance from the number, minus its length, order.

    A phrase right after the number ("a $5 billion payment") is as strong as a cue in its clause;
    of two as near, the longer says more ("94% of ballots counted" over "with 94%"); a frame its
    unit alone names comes last.
    """
    scores = []
    if after is not None:
        match = after.match(following)
        if match:
            scores.append((0, match.start("phrase"), -len(match.group("phrase")), order))
    if pattern is not None:
        for rank, window in ((0, clause), (1, sentence)):
            matches = list(pattern.finditer(window))
            if matches:
                last = matches[-1]
                scores.append((rank, len(window) - last.end(), -len(last.group()), order))
                break
    if unit_alone:
        scores.append((2, 0, 0, order))
    return min(scores, default=None)


_WORDS_BETWEEN = r"(?:[\w'’-]+[ \t]+){0,4}?"  # up to four words between an amount and its aspect


@functools.cache
def _aspect_after_patterns(kb: KnowledgeBase) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each aspect's phrases right after an amount, then each aspect's within a few words of it."""
    return tuple(
        (aspect, re.compile(rf"[ \t]+{between}(?:{alternation(words)})\b"))
        for phrases, between in ((kb.aspects_right_after, ""), (kb.aspects_after, _WORDS_BETWEEN))
        for aspect, words in phrases.items()
        if words
    )


def _aspect_after(following: str, kb: KnowledgeBase) -> str | None:
    """An aspect phrase right after the amount or within a few words of it, in its clause.

    Right after it: "seven points more than"; within a few words: "... in total".
    """
    clause = _CLAUSE_END.split(following, maxsplit=1)[0]
    for aspect, pattern in _aspect_after_patterns(kb):
        if pattern.match(clause):
            return aspect
    return None


def _aspect(window: str, kb: KnowledgeBase) -> str | None:
    """The aspect whose word stands nearest before the amount, if any."""
    nearest: tuple[int, str] | None = None
    for aspect, pattern in _aspect_patterns(kb).items():
        for match in pattern.finditer(window):
            distance = len(window) - match.end()
            if nearest is None or distance < nearest[0]:
                nearest = (distance, aspect)
    return nearest[1] if nearest else None


_PROSPECTIVE_WORDS = 6


@functools.cache
def _prospective_patterns(kb: KnowledgeBase) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    before = re.compile(rf"\b(?:{alternation(kb.prospective_before)})\b") if kb.prospective_before else None
    after = re.compile(rf"[ \t]+(?:{alternation(kb.prospective_after)})\b") if kb.prospective_after else None
    return before, after


def modality_of(text: str, span: tuple[int, int], sentence: tuple[int, int], kb: KnowledgeBase) -> str | None:
    """``"prospective"`` when the amount at ``span`` is what may be, else None.

    The words looked at are the last few of its clause before it, cut after any before-publication
    word ("would build on its initial $4 billion" is what was), and the word right after it; a
    word of ``conditions`` anywhere in its clause before it makes it what may be too ("if he
    scores seven points more").
    """
    before_pattern, after_pattern = _prospective_patterns(kb)
    clause = clause_before(text[sentence[0] : span[0]].lower())
    if any(word.strip(".,;:'\"’”“") in kb.prospective_conditions for word in clause.split()):
        return "prospective"  # "can take the title if he ... scores seven points more"
    words = clause.split()[-_PROSPECTIVE_WORDS:]
    for index in range(len(words) - 1, -1, -1):
        if words[index].strip(".,;:'\"’”“") in kb.before_publication:
            words = words[index + 1 :]
            break
    if before_pattern is not None and before_pattern.search(" ".join(words)):
        return "prospective"
    following = text[span[1] : sentence[1]].lower()
    if after_pattern is not None and after_pattern.match(following):
        return "prospective"
    return None

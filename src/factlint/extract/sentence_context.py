"""What a figure's sentence says of it: a change or an earlier figure, other dates, parts and places.

Two figures whose sentences tell of a change ("up from", "revised"), date them differently or
restrict them to a part or a place ("in the north", "in Halm") may both be right; this module finds
those words (the knowledge's ``statements.changes`` and ``statements.scopes`` in
``rules/language.yaml``, the change verbs and the place nouns) and :mod:`factlint.rules.consistency`
judges them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import Any

from factlint.dates import MONTHS
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# The last sentence end of a stretch, found by one match that backs off from its end (a finditer
# over the stretch built a list of every end before it).
_LAST_SENTENCE_END = re.compile(r"(?s:.*)(?:[.!?](?=\s)|\n)")
_PLACE = re.compile(r"\b(?:in|at|near|across|throughout|outside|inside|within)\s+(?:the\s+)?([A-Z][\w-]+)")

# A date claim's span (or a repeat's) in the text: start, end and the first and last day it means.
DateSpan = tuple[int, int, tuple[dt.date, dt.date]]


@functools.cache
def _any_of(words: frozenset[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, in any case, the longest first; spaces match any white space.

    Words in ASCII lower case are written as a trie ("d(?:own|ropped)|up(?:dated)?"), which the
    engine rejects at a place's first letter instead of trying every word there. Two branches of a
    node then never match the same letter, so the words that can match at a place begin one another
    and the trie, trying the longer first, finds what the plain alternation finds.
    """
    if not words:
        return re.compile(r"(?!)")  # nothing to look for: never matches
    if all(word.isascii() and word == word.lower() for word in words):
        alternatives = _trie(words)
    else:
        ordered = sorted(words, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _trie(words: frozenset[str]) -> str:
    """An alternation of ``words`` written as a trie of their letters (and white space between words)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for index, part in enumerate(word.split()):
            for token in ([r"\s+"] if index else []) + [re.escape(letter) for letter in part]:
                node = node.setdefault(token, {})
        node[""] = {}  # a word ends here
    return _branches(root)


def _branches(node: dict[str, dict]) -> str:
    """The trie below ``node`` as a pattern; a word ending at ``node`` is tried after the longer ones."""
    alternatives = [token + _branches(child) for token, child in sorted(node.items()) if token]
    if not alternatives:
        return ""
    group = "(?:" + "|".join(alternatives) + ")"
    return group + "?" if "" in node else group


# Both are asked for once a document: cached by knowledge base (compared by identity).
@functools.lru_cache(maxsize=16)
def change_pattern(kb: KnowledgeBase) -> re.Pattern[str]:
    """Words that tell of a change, an earlier figure or a range in a sentence."""
    words = {*kb.change_words, *kb.change_verbs}
    return _any_of(frozenset(word for word in words if word.strip()))


@functools.lru_cache(maxsize=16)
def scope_pattern(kb: KnowledgeBase) -> re.Pattern[str]:
    """Words and names that restrict a figure to a part or a place ("in the north", "in Halm")."""
    words = {*kb.scope_words, *kb.place_nouns, *kb.place_before}
    return _any_of(frozenset(word for word in words if word.strip()))


def setting(text: str, claim: Claim, kb: KnowledgeBase) -> dict[str, Any]:
    """What the sentence of a claim with a value says of it, besides the figure.

    These are the ``change``, ``scopes`` and ``places`` fields of the claim's
    :class:`~factlint.model.Wording`; a claim without a value has none of them.
    """
    if claim.quantity is None or claim.quantity.value is None:
        return {}
    return {
        "change": tells_of_change(text, claim.span.start, claim.span.end, change_pattern(kb)),
        "scopes": tuple(sorted(scope_words(claim.sentence, scope_pattern(kb)))),
        "places": tuple(sorted(named_places(claim.sentence))),
    }


def other_dates(
    start: int, end: int, dates: Sequence[DateSpan], starts: Sequence[int], bounds: tuple[int, int]
) -> set[tuple[dt.date, dt.date]]:
    """The days of the dates in the sentence ``bounds`` other than one at ``[start, end)``."""
    low, high = bounds
    return {
        days
        for date_start, date_end, days in dates[
            bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)
        ]
        if not (date_start < end and start < date_end)
    }


def scope_words(text: str, scopes: re.Pattern[str], low: int = 0, high: int | None = None) -> set[str]:
    """The words of ``scopes`` in ``text[low:high]`` written in lower case, so not in a name."""
    end = len(text) if high is None else high
    return {match.group() for match in scopes.finditer(text, low, end) if match.group().islower()}


def named_places(sentence: str) -> set[str]:
    """Capitalised names after "in", "at", "across"...: the place a figure holds for."""
    found = set()
    for match in _PLACE.finditer(sentence):
        word = match.group(1).lower()
        if word.rstrip(".") not in MONTHS and not word.rstrip("s'’").endswith("day"):
            found.add(word)
    return found


def tells_of_change(
    text: str, start: int, end: int, changes: re.Pattern[str], bounds: tuple[int, int] | None = None
) -> bool:
    """A figure in a sentence (``bounds``, if known) that tells of a change, an earlier figure or a range."""
    low, high = bounds or sentence_bounds(text, start, end)
    return bool(changes.search(text, low, high))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``, searched within a bounded reach."""
    low = max(0, start - 400)
    before = _LAST_SENTENCE_END.match(text, low, start)
    after = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return (before.end() if before else low), (after.start() if after else min(len(text), end + 400))

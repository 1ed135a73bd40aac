"""What a figure's sentence says of it: a change or an earlier figure, other dates, parts and places.

Two figures whose sentences tell of a change ("up from", "revised"), date them differently or
restrict them to a part or a place ("in the north", "in Halm") may both be right.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping
from typing import Any

from factlint.ingest.dates import MONTHS
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# The last sentence end of a stretch, found by one match that backs off from its end (a finditer
# over the stretch built a list of every end before it).
_LAST_SENTENCE_END = re.compile(r"(?s:.*)(?:[.!?](?=\s)|\n)")
_PLACE = re.compile(r"\b(?:in|at|near|across|throughout|outside|inside|within)\s+(?:the\s+)?([A-Z][\w-]+)")


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


def change_pattern(kb: KnowledgeBase, params: Mapping[str, Any]) -> re.Pattern[str]:
    """Words that tell of a change, an earlier figure or a range in a sentence."""
    return _change_pattern(kb, tuple(map(str, params["changes"])))


def scope_pattern(kb: KnowledgeBase, params: Mapping[str, Any]) -> re.Pattern[str]:
    """Words and names that restrict a figure to a part or a place ("in the north", "in Halm")."""
    return _scope_pattern(kb, tuple(map(str, params["scopes"])))


# Both are asked for once a document: cached by knowledge base (compared by identity) and words.
@functools.lru_cache(maxsize=16)
def _change_pattern(kb: KnowledgeBase, changes: tuple[str, ...]) -> re.Pattern[str]:
    words = {*(word.lower() for word in changes), *kb.change_verbs}
    return _any_of(frozenset(word for word in words if word.strip()))


@functools.lru_cache(maxsize=16)
def _scope_pattern(kb: KnowledgeBase, scopes: tuple[str, ...]) -> re.Pattern[str]:
    words = {*(word.lower() for word in scopes), *kb.place_nouns, *kb.place_before}
    return _any_of(frozenset(word for word in words if word.strip()))


def what_else(
    text: str,
    start: int,
    end: int,
    dates: list[tuple[int, int, Claim]],
    starts: list[int],
    scopes: re.Pattern[str],
    bounds: tuple[int, int] | None = None,
) -> frozenset[object]:
    """What else a figure's sentence says of it: the other dates it gives, the parts it is limited to.

    A part or place is one of ``scopes`` in lower case, so not in a name: "in the capital",
    "among women". ``bounds`` is the sentence when the caller has it already.
    """
    low, high = bounds or sentence_bounds(text, start, end)
    found: set[object] = {
        (claim.time.start, claim.time.end)
        for date_start, date_end, claim in dates[
            bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)
        ]
        if not (date_start < end and start < date_end) and claim.time
    }
    found.update(match.group() for match in scopes.finditer(text, low, high) if match.group().islower())
    return frozenset(found)


def places_around(text: str, start: int, end: int, bounds: tuple[int, int] | None = None) -> frozenset[str]:
    """The named places of the sentence around ``[start, end)`` (``bounds``, when known)."""
    low, high = bounds or sentence_bounds(text, start, end)
    return frozenset(named_places(text[low:high]))


def named_places(sentence: str) -> set[str]:
    """Capitalised names after "in", "at", "across"...: the place a figure holds for."""
    found = set()
    for match in _PLACE.finditer(sentence):
        word = match.group(1).lower()
        if word.rstrip(".") not in MONTHS and not word.rstrip("s'’").endswith("day"):
            found.add(word)
    return found


def legitimately_apart(
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

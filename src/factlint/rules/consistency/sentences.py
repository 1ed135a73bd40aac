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
_PLACE = re.compile(r"\b(?:in|at|near|across|throughout|outside|inside|within)\s+(?:the\s+)?([A-Z][\w-]+)")


@functools.cache
def _any_of(words: frozenset[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!)")  # nothing to look for: never matches
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def change_pattern(kb: KnowledgeBase, params: Mapping[str, Any]) -> re.Pattern[str]:
    """Words that tell of a change, an earlier figure or a range in a sentence."""
    words = {*(str(word).lower() for word in params["changes"]), *kb.change_verbs}
    return _any_of(frozenset(word for word in words if word.strip()))


def scope_pattern(kb: KnowledgeBase, params: Mapping[str, Any]) -> re.Pattern[str]:
    """Words and names that restrict a figure to a part or a place ("in the north", "in Halm")."""
    words = {*(str(word).lower() for word in params["scopes"]), *kb.place_nouns, *kb.place_before}
    return _any_of(frozenset(word for word in words if word.strip()))


def what_else(
    text: str,
    start: int,
    end: int,
    dates: list[tuple[int, int, Claim]],
    starts: list[int],
    scopes: re.Pattern[str],
) -> frozenset[object]:
    """What else a figure's sentence says of it: the other dates it gives, the parts it is limited to.

    A part or place is one of ``scopes`` in lower case, so not in a name: "in the capital",
    "among women".
    """
    low, high = sentence_bounds(text, start, end)
    found: set[object] = {
        (claim.time.start, claim.time.end)
        for date_start, date_end, claim in dates[
            bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)
        ]
        if not (date_start < end and start < date_end) and claim.time
    }
    found.update(match.group() for match in scopes.finditer(text, low, high) if match.group().islower())
    return frozenset(found)


def places_around(text: str, start: int, end: int) -> frozenset[str]:
    """The named places of the sentence around ``[start, end)``."""
    low, high = sentence_bounds(text, start, end)
    return frozenset(named_places(text[low:high]))


def named_places(sentence: str) -> set[str]:
    """Capitalised names after "in", "at", "across"...: the place a figure holds for."""
    found = set()
    for match in _PLACE.finditer(sentence):
        word = match.group(1).lower()
        if word.rstrip(".") not in MONTHS and not word.rstrip("s'’").endswith("day"):
            found.add(word)
    return found


def legitimately_apart(text: str, start: int, end: int, changes: re.Pattern[str]) -> bool:
    """A figure in a sentence that tells of a change, an earlier figure or a range."""
    low, high = sentence_bounds(text, start, end)
    return bool(changes.search(text, low, high))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``, searched within a bounded reach."""
    low = max(0, start - 400)
    before = [match.end() for match in _SENTENCE_END.finditer(text, low, start)]
    after = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return (before[-1] if before else low), (after.start() if after else min(len(text), end + 400))

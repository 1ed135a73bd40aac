"""Changes written with both their ends: "revenue rose to $5 billion from $4.2 billion".

The amount after one of ``changes.from`` ("from") is the value before the change: its aspect is
``previous``, so that it is compared only with other sources' values before a change, never with
the value after it. Two amounts make a change when they are of one kind and unit and follow each
other in a clause, the first right after one of ``changes.to`` and the second right after one of
``changes.from`` ("to $355 from $297"), or the other way round ("from 9% to 12%"); up to
``changes.between`` words may stand between ("to $30 a share from $25", "from $2 billion in 2022
to $3 billion"). A change also needs one of ``change_verbs`` earlier in the clause of the first
amount ("rose", "raised"): "prices ranged from $10 to $20" is a range, both ends standing.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence

from factlint.extract.found import Found
from factlint.extract.frames import clause_before
from factlint.extract.numbers import alternation
from factlint.knowledge import KnowledgeBase

PREVIOUS = "previous"
NUMBER_KINDS = ("money", "percent", "quantity")
_CLAUSE_MARKS = ",;:()"


@dataclasses.dataclass(frozen=True)
class _Patterns:
    to_before: re.Pattern[str]
    from_before: re.Pattern[str]
    to_between: re.Pattern[str]
    from_between: re.Pattern[str]
    verb: re.Pattern[str]


@functools.cache
def _patterns(kb: KnowledgeBase) -> _Patterns | None:
    if not kb.change_from or not kb.change_to or not kb.change_verbs:
        return None
    to, since = alternation(kb.change_to), alternation(kb.change_from)
    words = rf"(?:[ \t]+[\w'’-]+){{0,{kb.change_between}}}?"
    return _Patterns(
        to_before=re.compile(rf"(?<![\w-])(?:{to})[ \t]+\Z", re.IGNORECASE),
        from_before=re.compile(rf"(?<![\w-])(?:{since})[ \t]+\Z", re.IGNORECASE),
        to_between=re.compile(rf"{words}[ \t]+(?:{to})[ \t]+", re.IGNORECASE),
        from_between=re.compile(rf"{words}[ \t]+(?:{since})[ \t]+", re.IGNORECASE),
        verb=re.compile(rf"(?<![\w-])(?:{alternation(kb.change_verbs)})(?![\w-])", re.IGNORECASE),
    )


def previous_values(
    text: str, items: Sequence[Found], sentences: Sequence[tuple[int, int]], kb: KnowledgeBase
) -> set[int]:
    """The indices of ``items`` (in text order, each with its sentence) that are values before a change."""
    compiled = _patterns(kb)
    if compiled is None:
        return set()
    numbers = [index for index, item in enumerate(items) if item.kind in NUMBER_KINDS]
    previous = set()
    for first, second in itertools.pairwise(numbers):
        a, b = items[first], items[second]
        if not _alike(a, b) or sentences[first] != sentences[second]:
            continue
        gap = text[a.end : b.start]
        if any(mark in gap for mark in _CLAUSE_MARKS):
            continue
        # The sentence is the claim's window, at most a few hundred characters (MAX_SENTENCE).
        clause = clause_before(text[sentences[first][0] : a.start])
        if compiled.verb.search(clause) is None:
            continue
        if compiled.to_before.search(clause) and compiled.from_between.fullmatch(gap):
            previous.add(second)  # "rose to $5 billion from $4.2 billion"
        elif compiled.from_before.search(clause) and compiled.to_between.fullmatch(gap):
            previous.add(first)  # "rose from $4.2 billion to $5 billion"
    return previous


def _alike(a: Found, b: Found) -> bool:
    """Two amounts of one kind and unit."""
    if a.kind != b.kind:
        return False
    if a.quantity is None or b.quantity is None:
        return a.quantity is b.quantity
    return a.quantity.unit == b.quantity.unit

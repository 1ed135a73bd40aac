"""What every numeric extractor shares: numbers with scales, qualifiers, and the interval they make.

The regular expressions are built once per knowledge base from its words and symbols, so that a
currency or a qualifier phrase added in ``rules/`` is recognised without touching code.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from typing import Any

from factlint.knowledge import KnowledgeBase
from factlint.model import Quantity

# The spaces that may group thousands ("10 000", "10\u202f000"): a space, a no-break space, a
# narrow no-break space or a thin space.
GROUP_SPACES = " \u00a0\u202f\u2009"
# 1,234,567.89 | 10 000 | 1234.5 | .5 ; never part of a longer token (a version "3.11.2", a code
# "A380"). A space groups digits only before exactly three of them ("10 000", not "5 1000").
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}}(?!\d))+|\d+)(?:\.\d+)?"
_GROUPING = re.compile(f"[,{GROUP_SPACES}]")
_LOOKBACK = 48
_MULTIPLIERS = {"hundred", "dozen"}


@dataclasses.dataclass(frozen=True)
class Patterns:
    """Regular expressions and lookup tables compiled from one knowledge base."""

    number_words: str
    scale: str
    scale_values: dict[str, float]
    after: re.Pattern[str]
    before_backwards: re.Pattern[str]
    before_names: dict[str, str]


@functools.cache
def patterns(kb: KnowledgeBase) -> Patterns:
    """The shared patterns for ``kb`` (cached: knowledge bases are immutable)."""
    words = sorted(kb.scale_words, key=len, reverse=True)
    abbreviations = sorted(kb.scale_abbreviations, key=len, reverse=True)
    long_abbreviations = [abbr for abbr in abbreviations if len(abbr) > 1]
    single = [abbr for abbr in abbreviations if len(abbr) == 1]
    # A scale word after a space or hyphen; a long abbreviation after an optional space; a
    # one-letter abbreviation only attached ("$8B", "€2.5m"), since "5 m" may be metres.
    scale = (
        r"(?:[ \t]?-?[ \t]?(?P<scale_word>" + alternation(words) + r")\b"
        r"|[ \t]?(?P<scale_long>" + alternation(long_abbreviations) + r")\b"
        r"|(?P<scale_short>" + alternation(single) + r")\b)"
    )
    # Word phrases after a space ("or more", but not "or more than $10"); symbols attached ("40+").
    after_groups = "|".join(
        f"(?P<{name}>"
        + "|".join(
            part
            for part in (
                r"[ \t]+(?:"
                + alternation([p for p in phrases if p[:1].isalpha()])
                + r")(?![ \t]+(?:than|to)\b)"
                if any(p[:1].isalpha() for p in phrases)
                else "",
                alternation([p for p in phrases if not p[:1].isalpha()])
                if any(not p[:1].isalpha() for p in phrases)
                else "",
            )
            if part
        )
        + ")"
        for name, phrases in kb.qualifiers_after.items()
        if phrases
    )
    words_alternation = alternation(number_starts(kb))
    # "five", "forty-five", "one hundred", "twenty two": up to four words, hyphens or spaces.
    number_words = rf"\b(?:{words_alternation})(?:[ \t-](?:{words_alternation})){{0,3}}\b"
    return Patterns(
        number_words=number_words,
        scale=scale,
        scale_values={**kb.scale_words, **kb.scale_abbreviations},
        after=re.compile(r"(?:" + after_groups + r")(?!\w)", re.IGNORECASE),
        **_before_backwards(kb),
    )


def _before_backwards(kb: KnowledgeBase) -> dict[str, Any]:
    """The qualifiers before a number, for the text reversed: each phrase a group ``q<i>``, longest first.

    A qualifier before a number ends where the window does, so the leftmost is the longest phrase;
    of two phrases alike, the qualifier listed first names it.
    """
    listed = [(phrase, name) for name, phrases in kb.qualifiers_before.items() for phrase in phrases]
    ordered = sorted(listed, key=lambda pair: len(pair[0]), reverse=True)  # stable: listed order kept
    branches = [
        f"(?P<q{index}>{backwards_alternation([phrase])})" for index, (phrase, _) in enumerate(ordered)
    ]
    return {
        "before_backwards": re.compile(
            r"\n?[ \t]*(?:" + "|".join(branches or ["(?!)"]) + r")(?!\w)", re.IGNORECASE
        ),
        "before_names": {f"q{index}": name for index, (_, name) in enumerate(ordered)},
    }


def number_starts(kb: KnowledgeBase) -> list[str]:
    """The words a number written in words may begin with ("five", "forty-five")."""
    return [word for word in kb.number_words if " " not in word]


def alternation(
    phrases: Iterable[str], flexible: bool = True, case_sensitive: bool = False, not_after: str = ""
) -> str:
    r"""A regex alternation of literal phrases, longest first; spaces inside match any run of them.

    Written as a trie ("c(?:eo|hief[ \t]+executive(?:[ \t]+officer)?)"), in which the engine
    rejects a word at its first letter instead of trying every phrase; a longer phrase is still
    tried before its prefix, so it matches what the plain alternation matches. Phrases with
    capitals are written as a trie only for a ``case_sensitive`` pattern (case-insensitively, two
    branches could match the same letter).

    ``not_after`` is a character class that may not come right before a phrase ("[\w-]": a
    phrase begins a word). In a trie it is checked after each first letter, so that the pattern
    opens with the letters and the engine skips to them in C (a look-behind first would make it
    try every position).
    """
    if not flexible:
        ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
        return "|".join(re.escape(phrase) for phrase in ordered)
    # Spaces inside a phrase match any run of them, so a phrase is as long as it is written with
    # single spaces ("a    b" is "a b"); equal lengths in a fixed order, so the pattern is too.
    ordered = sorted({" ".join(phrase.split()) for phrase in phrases} - {""}, key=lambda p: (-len(p), p))
    if not case_sensitive and not all(_plain(phrase) for phrase in ordered):
        # A capital or a non-ASCII letter could match a sibling's letter case-insensitively.
        plain = "|".join(r"[ \t]+".join(re.escape(word) for word in phrase.split()) for phrase in ordered)
        return f"(?<!{not_after})(?:{plain})" if not_after else plain
    trie: dict[str, Any] = {}
    for phrase in ordered:
        node = trie
        for item in phrase:
            node = node.setdefault(item, {})
        node[""] = {}
    return _trie_pattern(trie, f"(?<!{not_after}.)" if not_after else "")


def _trie_pattern(node: dict[str, Any], after_first: str = "") -> str:
    """The pattern of a trie node: its branches, longest first, then its end as the last choice.

    ``after_first`` follows the first character of each branch (of the root only).
    """
    branches = []
    for item, child in sorted(node.items(), key=lambda pair: -_depth(pair[1])):
        if item == "":
            continue
        head = r"[ \t]+" if item == " " else re.escape(item)
        branches.append(head + after_first + _trie_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _plain(phrase: str) -> bool:
    """Whether every letter of ``phrase`` is a lower-case ASCII one."""
    return all(char.isascii() and not char.isupper() for char in phrase)


def _depth(node: dict[str, Any]) -> int:
    return 1 + max((_depth(child) for key, child in node.items() if key), default=0)


def backwards_alternation(phrases: Iterable[str]) -> str:
    """:func:`alternation` with each phrase written backwards, to match a text read backwards."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(
        r"[ \t]+".join(re.escape(word[::-1]) for word in reversed(phrase.split())) for phrase in ordered
    )


class Trailing:
    r"""A phrase that ends a text (before some blanks): a pattern matched once on the text reversed.

    ``pattern`` is written backwards and names the phrase ``p``; ``search(text)`` returns where the
    phrase starts in ``text``, or None, as ``re.search`` of the same pattern written forwards and
    anchored with ``\Z`` would (the longest phrase wins: its match begins leftmost); a line break
    is no blank.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)

    def search(self, text: str) -> int | None:
        """Where the trailing phrase starts in ``text``, or None."""
        match = self.pattern.match(text[::-1])
        return len(text) - match.end("p") if match else None


def parse_number(text: str) -> float:
    """``1,234.5`` to ``1234.5``; ``10 000`` to ``10000``."""
    return float(_GROUPING.sub("", text))


def parse_number_words(text: str, kb: KnowledgeBase) -> float:
    """``forty-five`` to 45, ``one hundred and two`` to 102 (words from ``rules/units.yaml``)."""
    total = 0.0
    for word in re.split(r"[\s-]+", text.lower()):
        value = kb.number_words.get(word)
        if value is None:
            continue
        if word in _MULTIPLIERS:  # "two hundred", "two dozen"
            total = max(total, 1.0) * value
        else:
            total += value
    return total


def scale_of(match: re.Match[str], values: dict[str, float], suffix: str = "") -> float:
    """The multiplier a match's scale group names, 1 when it has none."""
    for group in ("scale_word", "scale_long", "scale_short"):
        name = match.groupdict().get(group + suffix)
        if name:
            return values[name.lower()]
    return 1.0


def qualifier_before(text: str, start: int, kb: KnowledgeBase) -> str | None:
    """The qualifier written just before ``start`` ("up to", "more than", ...), if any."""
    found = qualifier_ending(text[max(0, start - _LOOKBACK) : start], kb)
    return found[1] if found else None


def qualifier_ending(window: str, kb: KnowledgeBase) -> tuple[int, str] | None:
    """Where a qualifier phrase that ends ``window`` (before blanks) begins, and its name.

    What a forward search of the qualifiers, each a named group, anchored at the window's end would
    find (start, ``lastgroup``; the tests compare the two), matched once on the window reversed
    instead of tried at every place of it.
    """
    compiled = patterns(kb)
    match = compiled.before_backwards.match(window[::-1])
    if match is None or match.lastgroup is None:
        return None
    return len(window) - match.end(), compiled.before_names[match.lastgroup]


def qualifier_after(text: str, end: int, kb: KnowledgeBase) -> str | None:
    """The qualifier written just after ``end`` ("or more", "or less"), if any."""
    match = patterns(kb).after.match(text, end, min(len(text), end + _LOOKBACK))
    return match.lastgroup if match else None


def interval(value: float, unit: str, qualifier: str | None, kb: KnowledgeBase) -> Quantity:
    """The quantity ``value`` with the interval its qualifier allows, bands from ``kb``.

    Bounds are for amounts (non-negative); a negative value ("around -10C") keeps its qualifier
    with an ordered band, and "up to" or "less than" a negative value has no lower bound.
    """
    if value < 0:
        return _negative_interval(value, unit, qualifier, kb)
    if qualifier == "up_to":
        return Quantity(value, unit, 0.0, value, qualifier=qualifier)
    if qualifier == "less_than":
        return Quantity(value, unit, 0.0, value, high_closed=False, qualifier=qualifier)
    if qualifier == "more_than":
        return Quantity(value, unit, value, None, low_closed=False, qualifier=qualifier)
    if qualifier == "at_least":
        return Quantity(value, unit, value, None, qualifier=qualifier)
    if qualifier == "nearly":
        low = _round(value * (1 - kb.bands["nearly"]))
        return Quantity(value, unit, low, value, high_closed=False, qualifier=qualifier)
    if qualifier == "about":
        band = kb.bands["about"]
        return Quantity(
            value, unit, _round(value * (1 - band)), _round(value * (1 + band)), qualifier=qualifier
        )
    return Quantity(value, unit, value, value)


def _negative_interval(value: float, unit: str, qualifier: str | None, kb: KnowledgeBase) -> Quantity:
    if qualifier in ("about", "nearly"):
        band = abs(value) * kb.bands[qualifier]
        low, high = (value - band, value + band) if qualifier == "about" else (value, value + band)
        return Quantity(value, unit, _round(low), _round(high), qualifier=qualifier)
    if qualifier in ("up_to", "less_than"):
        return Quantity(value, unit, None, value, high_closed=qualifier == "up_to", qualifier=qualifier)
    if qualifier in ("more_than", "at_least"):
        return Quantity(value, unit, value, None, low_closed=qualifier == "at_least", qualifier=qualifier)
    return Quantity(value, unit, value, value)


def _round(value: float) -> float:
    """``value`` to 12 significant digits, so that 380e9 * 1.1 is 418e9 and not 418000000000.00006."""
    return float(f"{value:.12g}")


def range_of(low: float, high: float, unit: str) -> Quantity:
    """A stated range "5 to 10": no single value, both ends included."""
    low, high = min(low, high), max(low, high)
    return Quantity(None, unit, low, high, qualifier="range")

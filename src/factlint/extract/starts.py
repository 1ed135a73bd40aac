"""Patterns tried only where a match can begin, with the same matches as trying everywhere.

``pattern.finditer`` attempts a match at every position of the text. Most extraction patterns
can only begin a word, and with a few things: a digit, a currency symbol, one of a list of words
("rose", "fell"), a capital. A :class:`Starts` finds those positions with a cheap pattern, a
character that is not part of a word (the regex engine skips to those in C) with a start ahead of
it, and attempts the full pattern there alone. Words are found in the lower-cased text, so that a
case-insensitive pattern keeps its meaning; a text in which lower-casing is not one character for
one, or which holds one of the few characters Python's case-insensitive matching folds unlike
``str.lower`` (the long s, the Kelvin sign, Greek sigma...) or a digit of another script, is
searched the ordinary way. What is kept of the last text is kept per thread. The
matches are those of ``pattern.finditer`` (the tests prove it with hypothesis) provided every
match begins a word with one of the starts given, and no match is empty.
"""

from __future__ import annotations

import bisect
import dataclasses
import heapq
import re
import re._casefix
import threading
from collections.abc import Iterable, Iterator

_SPECIAL = "".join(
    sorted(
        char
        for key, extra in re._casefix._EXTRA_CASES.items()
        for char in (chr(key), *map(chr, extra))
        if not char.isascii()
    )
)
# Digits of other scripts ("٥٠", "５"): patterns written with \d match them, starts list 0-9.
_OTHER_DIGITS = "".join(chr(code) for code in range(0x80, 0x20000) if chr(code).isdecimal())
_UNSAFE = frozenset(_SPECIAL + _OTHER_DIGITS)  # all beyond ASCII
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")  # a class of hundreds of characters is slow to search


def _misleading(lower: str) -> bool:
    """Whether the lower-cased text holds a character that lower-casing would misrepresent."""
    return not lower.isascii() and not _UNSAFE.isdisjoint(_NOT_ASCII.findall(lower))


class _Current(threading.local):
    """The text this thread last asked about, padded, and the starts found in it so far."""

    def __init__(self) -> None:
        self.text: str = ""
        self.padded: str | None = " "
        self.found: dict[bool, tuple[int, list[list[int]]]] = {}  # bodies scanned, their starts


_CURRENT = _Current()


class _Scanner:
    """The starts of every pattern reading one kind of padded text, found in one pass over it.

    Each pattern's starts are a body (what must follow a non-word character) and the class of
    its first characters. One combined pattern visits the non-word characters once, stops only
    where some body follows, and marks which (an empty group after each body that matches).
    """

    def __init__(self) -> None:
        self.bodies: list[str] = []
        self.firsts: list[str] = []
        self.tables: list[dict[str, frozenset[str]] | None] = []
        self._combined: re.Pattern[str] | None = None

    def add(self, body: str, firsts: str, table: dict[str, frozenset[str]] | None = None) -> int:
        """The index of ``body``'s starts (patterns with the same starts share them).

        ``table`` is the body as first characters and rests (see :func:`_table`), when it is one.
        """
        if body in self.bodies:
            return self.bodies.index(body)
        if re.compile(body).groups:
            raise ValueError(f"a pattern's starts must not capture: {body!r}")
        self.bodies.append(body)
        self.firsts.append(firsts)
        self.tables.append(table)
        self._combined = None
        return len(self.bodies) - 1

    def scan(self, padded: str) -> list[list[int]]:
        """For each body, the positions of ``padded`` where a non-word character precedes it."""
        if self._combined is None:
            # Where every body is a table, the guard branches once on the first character.
            tables = [table for table in self.tables if table is not None]
            guard = _render(_merged(tables)) if len(tables) == len(self.tables) else "|".join(self.bodies)
            marks = "".join(f"(?:(?={body})())?" for body in self.bodies)
            self._combined = re.compile(rf"\W(?=[{''.join(self.firsts)}])(?=(?:{guard})){marks}")
        found: list[list[int]] = [[] for _ in self.bodies]
        for match in self._combined.finditer(padded):
            start = match.start()
            for index, mark in enumerate(match.groups()):
                if mark is not None:
                    found[index].append(start)
        return found


_SCANNERS = {False: _Scanner(), True: _Scanner()}  # lower-cased text, text as written


def _found(index: int, cased: bool, text: str, padded: str) -> list[int]:
    """The starts of body ``index`` in the text (lower-cased, or as written if ``cased``).

    ``text`` is the one :func:`_padded` was last asked about in this thread.
    """
    scanned = _CURRENT.found.get(cased)
    if scanned is None or index >= scanned[0]:
        scanner = _SCANNERS[cased]
        scanned = (len(scanner.bodies), scanner.scan(" " + text if cased else padded))
        _CURRENT.found[cased] = scanned
    return scanned[1][index]


def _padded(text: str) -> str | None:
    """A space, then ``text`` lower-cased character for character; None when that would mislead.

    The space lets a word at the very start be found as every other one, after a non-word
    character, and puts each position one later: a match there is the word's start in ``text``.
    """
    if _CURRENT.text is text:
        return _CURRENT.padded
    lower = text.lower()
    result = " " + lower if len(lower) == len(text) and not _misleading(lower) else None
    _CURRENT.text, _CURRENT.padded, _CURRENT.found = text, result, {}
    return result


def _table(words: Iterable[str], chars: str) -> dict[str, frozenset[str]]:
    """Each first character of the starts, with the rests of the phrases it begins ("": anything)."""
    rests: dict[str, set[str]] = {char: {""} for char in chars}
    for word in words:
        word = word.lower().strip()
        if not word:
            raise ValueError("a match cannot begin with an empty word")
        rests.setdefault(word[0], set()).add(word[1:])
    return {first: frozenset(ends) for first, ends in sorted(rests.items())}


def _render(table: dict[str, frozenset[str]]) -> str:
    """One pattern for a table of starts: a branch for each first character, the rests after it.

    A run of spaces inside a phrase is any run of white space.
    """
    branches = []
    for first, ends in sorted(table.items()):
        branch = re.escape(first)
        if "" not in ends:
            ordered = sorted(ends, key=len, reverse=True)
            branch += "(?:" + "|".join(r"\s+".join(map(re.escape, end.split(" "))) for end in ordered) + ")"
        branches.append(branch)
    return "|".join(branches)


def _merged(tables: Iterable[dict[str, frozenset[str]]]) -> dict[str, frozenset[str]]:
    """The starts of any of ``tables``, a first character once."""
    merged: dict[str, frozenset[str]] = {}
    for table in tables:
        for first, ends in table.items():
            merged[first] = (
                frozenset({""})
                if "" in ends or "" in merged.get(first, ())
                else merged.get(first, frozenset()) | ends
            )
    return merged


@dataclasses.dataclass(frozen=True)
class Starts:
    """``pattern``, attempted where its starts are (see :func:`starting_with`).

    ``lower`` and ``cased`` are the indices of its starts among those of the lower-cased text
    and of the text as written.
    """

    pattern: re.Pattern[str]
    lower: int | None
    cased: int | None = None

    def _positions(self, text: str, padded: str, pos: int) -> Iterator[int]:
        """Where a match may begin from ``pos``, in order (a place may come twice).

        A start found at ``i`` of a padded text is the non-word character before a word at ``i``.
        """
        streams = []
        for index, cased in ((self.lower, False), (self.cased, True)):
            if index is not None:
                found = _found(index, cased, text, padded)
                # Read from ``pos`` on by index: islice would walk the places before it, one by one,
                # at every search, and searching a long text from place to place grew quadratic.
                streams.append(map(found.__getitem__, range(bisect.bisect_left(found, pos), len(found))))
        return streams[0] if len(streams) == 1 else heapq.merge(*streams)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``."""
        padded = _padded(text)
        if padded is None:
            yield from self.pattern.finditer(text)
            return
        match_at = self.pattern.match
        end = 0
        for position in self._positions(text, padded, 0):
            if position < end:
                continue
            match = match_at(text, position)
            if match is not None:
                yield match
                end = max(match.end(), position + 1)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The match of ``pattern.search(text, pos)``."""
        padded = _padded(text)
        if padded is None:
            return self.pattern.search(text, pos)
        match_at = self.pattern.match
        for position in self._positions(text, padded, pos):
            match = match_at(text, position)
            if match is not None:
                return match
        return None


def starting_with(
    pattern: re.Pattern[str],
    words: Iterable[str] = (),
    chars: str = "",
    cased: tuple[str, str] | None = None,
) -> Starts:
    r"""``pattern``, every match of which begins a word with one of the starts given.

    ``words`` are in any case; ``chars`` are characters ("0123456789"); ``cased`` is a character
    class and the pattern that follows it, matched in the text as written (("A-Z", r"\S*,") for
    a capitalised word and a comma). Beginning a word means no word character comes just before:
    the pattern asks for that itself, by a look-behind.
    """
    table = _table(words, chars)
    listed = _render(table)
    if not listed and not cased:
        raise ValueError("a pattern must begin somewhere: give words, chars or cased")
    firsts = "".join(sorted({re.escape(word.strip()[0].lower()) for word in words if word.strip()}))
    return Starts(
        pattern,
        _SCANNERS[False].add(listed, firsts + re.escape(chars), table) if listed else None,
        _SCANNERS[True].add(f"[{cased[0]}]{cased[1]}", cased[0]) if cased else None,
    )

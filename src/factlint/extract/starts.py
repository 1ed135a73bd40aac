"""Patterns tried only where a match can begin, with the same matches as trying everywhere.

``pattern.finditer`` attempts a match at every position of the text. Most extraction patterns
can only begin at a few: a digit, a currency symbol, one of a list of words ("rose", "fell"). A
:class:`Starts` finds those positions with a cheap pattern (a non-word character, then a
possible first character ahead, which the regex engine skips to in C) and attempts the full
pattern there alone. Words are found in the
lower-cased text, so a case-insensitive pattern keeps its meaning; a text in which lower-casing
is not one character for one, or which holds one of the few characters Python's case-insensitive
matching folds differently from ``str.lower`` (the long s, the Kelvin sign, Greek sigma...), is
searched the ordinary way. The matches are those of ``pattern.finditer`` (the tests prove it with
hypothesis) provided every match begins a word with one of the words or characters given, and
no match is empty.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
import re._casefix
from collections.abc import Iterable, Iterator

_SPECIAL = "".join(
    sorted(
        char
        for key, extra in re._casefix._EXTRA_CASES.items()
        for char in (chr(key), *map(chr, extra))
        if not char.isascii()
    )
)
_UNSAFE = re.compile(f"[{re.escape(_SPECIAL)}]")
_last: list[tuple[str, str | None]] = [("", " ")]


def _padded(text: str) -> str | None:
    """A space, then ``text`` lower-cased character for character; None when that would mislead.

    The space lets a word at the very start be found as every other one, after a non-word
    character, and puts each position one later: a match there is the word's start in ``text``.
    """
    if _last[0][0] is text:
        return _last[0][1]
    lower = text.lower()
    result = " " + lower if len(lower) == len(text) and not _UNSAFE.search(lower) else None
    _last[0] = (text, result)
    return result


def _first_letters(words: Iterable[str]) -> str:
    """One pattern for the words: each first character, with the rest of the first word after it."""
    rests: dict[str, set[str]] = {}
    for word in words:
        word = word.lower()
        if not word:
            raise ValueError("a match cannot begin with an empty word")
        head = re.match(r"\w*", word[1:])
        rests.setdefault(word[0], set()).add(head.group() if head else "")
    branches = []
    for first, ends in sorted(rests.items()):
        if "" in ends:
            branches.append(re.escape(first))
        else:
            ahead = "|".join(re.escape(end) for end in sorted(ends, key=len, reverse=True))
            branches.append(f"{re.escape(first)}(?:{ahead})")
    return "|".join(branches)


@dataclasses.dataclass(frozen=True)
class Starts:
    """``pattern``, attempted where ``starts`` or ``cased`` match (see :func:`starting_with`)."""

    pattern: re.Pattern[str]
    starts: re.Pattern[str] | None
    cased: re.Pattern[str] | None = None

    def _positions(self, text: str, padded: str, pos: int) -> Iterator[int]:
        """Where a match may begin, in order: the text's positions of the starts found."""
        streams = [
            (match.start() for match in starts.finditer(where, pos))
            for starts, where in ((self.starts, padded), (self.cased, " " + text if self.cased else ""))
            if starts is not None
        ]
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
    pattern: re.Pattern[str], words: Iterable[str] = (), chars: str = "", cased: str = ""
) -> Starts:
    """``pattern``, every match of which begins a word with one of ``words`` or ``chars``.

    ``words`` are in any case; ``chars`` is a character class ("0-9"), ``cased`` one matched
    in the text as written ("A-Z"). Beginning a word means no word character comes just before:
    the pattern asks for that itself, by a look-behind.
    """
    branches = [f"[{chars}]"] if chars else []
    listed = _first_letters(words)
    if listed:
        branches.append(listed)
    if not branches and not cased:
        raise ValueError("a pattern must begin somewhere: give words or chars")
    return Starts(
        pattern,
        re.compile(rf"\W(?={'|'.join(branches)})") if branches else None,
        re.compile(rf"\W(?=[{cased}])") if cased else None,
    )

"""Patterns tried only where a match can begin, with the same matches as trying everywhere.

``pattern.finditer`` attempts a match at every position of the text. Most extraction patterns
can only begin a word, and with a few things: a digit, a currency symbol, one of a list of words
("rose", "fell"), a capital. A :class:`Starts` finds those positions with a cheap pattern, a
character that is not part of a word (the regex engine skips to those in C) with a start ahead of
it, and attempts the full pattern there alone. Words are found in the lower-cased text, so that a
case-insensitive pattern keeps its meaning; a text in which lower-casing is not one character for
one, or which holds one of the few characters Python's case-insensitive matching folds unlike
``str.lower`` (the long s, the Kelvin sign, Greek sigma...), is searched the ordinary way. The
matches are those of ``pattern.finditer`` (the tests prove it with hypothesis) provided every
match begins a word with one of the starts given, and no match is empty.
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


def _first_letters(words: Iterable[str], chars: str) -> str:
    """One pattern for the starts: each first character, then the rest of its phrases.

    A run of spaces inside a phrase is any run of white space.
    """
    rests: dict[str, set[str]] = {char: {""} for char in chars}
    for word in words:
        word = word.lower().strip()
        if not word:
            raise ValueError("a match cannot begin with an empty word")
        rests.setdefault(word[0], set()).add(word[1:])
    branches = []
    for first, ends in sorted(rests.items()):
        branch = re.escape(first)
        if "" not in ends:
            ordered = sorted(ends, key=len, reverse=True)
            branch += "(?:" + "|".join(r"\s+".join(map(re.escape, end.split(" "))) for end in ordered) + ")"
        branches.append(branch)
    return "|".join(branches)


@dataclasses.dataclass(frozen=True)
class Starts:
    """``pattern``, attempted where ``starts`` or ``cased`` match (see :func:`starting_with`)."""

    pattern: re.Pattern[str]
    starts: re.Pattern[str] | None
    cased: re.Pattern[str] | None = None

    def _positions(self, text: str, padded: str, pos: int) -> Iterator[int]:
        """Where a match may begin, in order (a place may come twice).

        A start found at ``i`` of a padded text is the non-word character before a word at ``i``.
        """
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
    listed = _first_letters(words, chars)
    if not listed and not cased:
        raise ValueError("a pattern must begin somewhere: give words, chars or cased")
    return Starts(
        pattern,
        re.compile(rf"\W(?={listed})") if listed else None,
        re.compile(rf"\W(?=[{cased[0]}]{cased[1]})") if cased else None,
    )

"""Sentence boundaries in clean text, as spans: fast rules for news prose, lowercase text included.

A sentence ends at a line break, or at ".", "!" or "?" (with closing quotes or brackets) followed
by white space, unless the word before the point is an abbreviation, an initial or a number's
decimal point. Headings and list items are lines, so they are sentences of their own.
"""

from __future__ import annotations

import re

from factlint.model import Span

_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")

_WORD_END = re.compile(r"[^\s(\"'“‘]*\Z")
_REACH = 40
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")


def sentence_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Span]:
    """The sentences of ``text`` in order, each trimmed of surrounding white space.

    ``abbreviations`` (lower case, without their point) do not end a sentence.
    """
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(text):
        if match.group() != "\n" and not _ends_sentence(text, match.start(), abbreviations):
            continue
        _add(text, start, match.end(), spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _ends_sentence(text: str, point: int, abbreviations: frozenset[str]) -> bool:
    if text[point] != ".":
        return True
    word = _word_before(text, point).lower()
    if word in abbreviations or (len(word) == 1 and word.isalpha()):
        return False
    # "U.S." and other dotted initials.
    return not _INITIALISM.fullmatch(word)


def _word_before(text: str, point: int) -> str:
    """The word ending at ``point``: back to white space, an opening bracket or quote."""
    reach = _REACH
    while True:
        low = max(0, point - reach)
        word = _WORD_END.search(text, low, point)
        if word is None or word.start() > low or low == 0:
            return word.group() if word is not None else ""
        reach *= 4  # a word longer than the reach (a long address): look further back


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        spans.append(Span(start, start + len(stripped)))

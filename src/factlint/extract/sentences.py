"""Sentence boundaries in clean text, as spans: fast rules for news prose, lowercase text included.

A sentence ends at a line break, or at ".", "!" or "?" (with closing quotes or brackets) followed
by white space, unless the word before the point is an abbreviation, an initial or a number's
decimal point. Headings and list items are lines, so they are sentences of their own.
"""

from __future__ import annotations

import re

from factlint.model import Span

_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")

# The word before a full point, read in the reversed text.
_WORD_BACKWARDS = re.compile(r"[^\s(\"'“‘]*")
# r"[.!?]+[\"'”’)\]]*(?=\s)|\n", written to open with one class of characters, which the engine
# skips to in C (an alternation at the top makes it try every position).
_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s))")


def sentence_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Span]:
    """The sentences of ``text`` in order, each trimmed of surrounding white space.

    ``abbreviations`` (lower case, without their point) do not end a sentence.
    """
    spans: list[Span] = []
    start = 0
    backwards = ""
    for match in _END.finditer(text):
        point = match.start()
        if text[point] == ".":
            backwards = backwards or text[::-1]
            if not _ends_sentence(text, backwards, point, abbreviations):
                continue
        _add(text, start, match.end(), spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _ends_sentence(text: str, backwards: str, point: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full point at ``point`` ends a sentence; ``backwards`` is ``text`` reversed."""
    at = len(text) - point  # the character before the point, in ``backwards``
    length = _WORD_BACKWARDS.match(backwards, at).end() - at
    word = text[point - length : point].lower()
    if word in abbreviations or (len(word) == 1 and word.isalpha()):
        return False
    # "U.S." and other dotted initials.
    return not _INITIALISM.fullmatch(word)


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))

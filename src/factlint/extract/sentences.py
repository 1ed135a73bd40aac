"""Sentence boundaries in clean text, as spans: fast rules for news prose, lowercase text included.

A sentence ends at a line break, or at ".", "!" or "?" (with closing quotes or brackets) followed
by white space, unless the word before the point is an abbreviation, an initial or a number's
decimal point. Headings and list items are lines, so they are sentences of their own.
"""

from __future__ import annotations

import re

from factlint.model import Span

_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")

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
    word_start = point
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"'“‘":
        word_start -= 1
    word = text[word_start:point].lower()
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

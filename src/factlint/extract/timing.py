"""The time a claim speaks of: a date in its clause or leading clause, else the publication date.

"AWS revenue grew 19% to $27.5 billion in Q3 2024" speaks of Q3 2024. Without a written date a
claim speaks of the day the article was published, unless a word such as "previously" or "had
already" places it before that day; without a publication date it stays unknown. A stock figure
"in after-hours trading" speaks of that session (``rules/frames.yaml``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

from factlint.extract.found import Found
from factlint.extract.numbers import alternation
from factlint.knowledge import KnowledgeBase
from factlint.model import TimeRef

_CLAUSE_MARKS = ",;:()"
# A clause mark; a colon between digits is a clock ("12:30"), not a break.
_CLAUSE_MARK = re.compile(r"[,;()]|(?<!\d):|:(?!\d)")


@functools.cache
def _before_pattern(kb: KnowledgeBase) -> re.Pattern[str] | None:
    words = kb.before_publication
    return re.compile(rf"\b(?:{alternation(words)})\b") if words else None


@functools.cache
def _session_pattern(kb: KnowledgeBase) -> re.Pattern[str] | None:
    return re.compile(rf"\b(?:{alternation(kb.sessions)})(?![\w-])") if kb.sessions else None


def refers_to(
    text: str,
    item: Found,
    sentence: tuple[int, int],
    dates: list[Found],
    published: dt.date | None,
    kb: KnowledgeBase,
) -> TimeRef | None:
    """The time ``item`` speaks of, narrowed to a trading session when its sentence names one."""
    time = _day_or_period(text, item, sentence, dates, published, kb)
    pattern = _session_pattern(kb)
    if time is None or pattern is None or item.attribute is None or not item.attribute.startswith("stock."):
        return time
    session = pattern.search(text[sentence[0] : sentence[1]].lower())
    if session is None:
        return time
    return dataclasses.replace(time, text=f"{time.text}, {session.group()}", precision="session")


def _day_or_period(
    text: str,
    item: Found,
    sentence: tuple[int, int],
    dates: list[Found],
    published: dt.date | None,
    kb: KnowledgeBase,
) -> TimeRef | None:
    """The date or period ``item`` speaks of; ``dates`` are the resolved date claims of the text."""
    sentence_start, sentence_end = sentence
    in_sentence = [date for date in dates if sentence_start <= date.start and date.end <= sentence_end]
    same_clause = [date for date in in_sentence if not _crosses_clause(text, item, date, published)]
    # A leading clause frames the whole sentence ("As of July 10, 2025, the stock was at $203.19");
    # a date inside another clause ("(including $4B from September 2023)") belongs to that clause.
    leading = [
        date
        for date in in_sentence
        if date.end <= item.start and _in_leading_clause(text, sentence_start, date)
    ]
    for candidates in (same_clause, leading):
        if candidates:
            return min(candidates, key=lambda date: _distance(item, date)).time
    if published is None:
        return None
    before = text[sentence_start : item.start].lower()
    clause = before[max((before.rfind(mark) for mark in _CLAUSE_MARKS), default=-1) + 1 :]
    pattern = _before_pattern(kb)
    if pattern is not None and pattern.search(clause):
        return TimeRef(
            "before publication", None, published - dt.timedelta(days=1), None, "before_publication"
        )
    return TimeRef("publication date", published, published, "day", "publication")


def _distance(item: Found, date: Found) -> int:
    return date.start - item.end if date.start >= item.end else item.start - date.end


def _in_leading_clause(text: str, sentence_start: int, date: Found) -> bool:
    """True when no clause mark stands between the sentence's start and ``date``, and a comma follows."""
    head = text[sentence_start : date.start]
    return not _CLAUSE_MARK.search(head) and text[date.end : date.end + 2].lstrip()[:1] == ","


# A conjunction that opens a new verb phrase in the future: "who bought the club in 1998 and will
# keep 20%" gives the 20% no 1998, a past date being no time of what will be.
_FUTURE_PHRASE = re.compile(
    r"\b(?:and|but|while|whereas)[ \t]+(?:will|would|shall|could|can|may|might|must)\b", re.IGNORECASE
)


def _crosses_clause(text: str, item: Found, date: Found, published: dt.date | None = None) -> bool:
    low, high = min(item.end, date.end), max(item.start, date.start)
    if _CLAUSE_MARK.search(text, low, high) is not None:
        return True
    time = date.time
    past = published is not None and time is not None and time.end is not None and time.end < published
    return past and date.end <= item.start and _FUTURE_PHRASE.search(text, low, high) is not None

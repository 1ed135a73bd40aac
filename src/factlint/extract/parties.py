"""Who a number is about: the subject and the counterparty among the organisations of its sentence.

"Amazon invested $8 billion in Anthropic": the subject is the nearest organisation before the
number, the counterparty one introduced by a preposition ("in", "into", "on", "to") after it, or
before it in the same clause ("an investment in Anthropic of $4 billion").
"""

from __future__ import annotations

import re

from factlint.extract.entities import Mention

_PREPOSITION = re.compile(
    r"\b(?:in|into|on|to|from|with|at|for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_CLAUSE_MARK = re.compile(r"[;()]|(?<!\d)[,:]|[,:](?!\d)")


def parties(
    text: str, span: tuple[int, int], sentence: tuple[int, int], mentions: list[Mention]
) -> tuple[str | None, str | None]:
    """``(subject, counterparty)`` entity ids for the number at ``span`` in ``sentence``."""
    start, end = span
    sentence_start, sentence_end = sentence
    around = [m for m in mentions if sentence_start <= m.start and m.end <= sentence_end]
    counterparty = None
    for mention in around:
        after_number = mention.start >= end and not _CLAUSE_MARK.search(text, end, mention.start)
        if after_number and _PREPOSITION.search(text[max(end, mention.start - 30) : mention.start]):
            counterparty = mention
            break
    before = [m for m in around if m.end <= start and m is not counterparty]
    if counterparty is None:
        for mention in reversed(before):
            if _PREPOSITION.search(text[max(sentence_start, mention.start - 30) : mention.start]) and not (
                _CLAUSE_MARK.search(text, mention.end, start)
            ):
                counterparty = mention
                before = [m for m in before if m is not mention]
                break
    # The subject is the nearest organisation before the number that is not itself the object of a
    # preposition ("...a partnership with AI startup Anthropic, investing $4 billion": not Anthropic).
    subjects = [
        m for m in before if not _PREPOSITION.search(text[max(sentence_start, m.start - 30) : m.start])
    ]
    subject = subjects[-1] if subjects else (before[-1] if before else None)
    if subject is not None and counterparty is not None and subject.entity == counterparty.entity:
        subject = None
    return (subject.entity if subject else None, counterparty.entity if counterparty else None)

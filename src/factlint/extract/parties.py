"""Who a number is about: the subject and the counterparty among the organisations of its sentence.

"Amazon invested $8 billion in Anthropic": the subject is the nearest organisation before the
number, the counterparty one introduced by a preposition ("in", "into", "on", "to") after it, or
before it in the same clause ("an investment in Anthropic of $4 billion"). A sentence that names
one organisation only is about it; a figure in a sentence that names none takes the parties of the
figure of its family just before (:func:`inherit_parties`). A body named only as the source of a
figure is no party to it: "according to the Red Crescent", "announced by the commission", or an
aside before the figure ("..., the commission confirmed on Thursday, ending his 12 years in office").
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from factlint.extract.entities import Mention
from factlint.extract.found import Found

T = TypeVar("T", bound=Found)
INHERIT_REACH = 1200

_PREPOSITION = re.compile(
    r"\b(?:in|into|on|to|from|with|at|for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_CLAUSE_MARK = re.compile(r"[;()]|(?<!\d)[,:]|[,:](?!\d)")
_SOURCE_BEFORE = re.compile(
    r"(?:\baccording[ \t]+to|\b(?:announced|reported|published|released|cited|compiled)[ \t]+by)[ \t]+"
    r"(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_ASIDE_BEFORE = re.compile(r"[,;][ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_ASIDE_AFTER = re.compile(
    r"[ \t]+(?:said|says|confirmed|confirms|told|reported|reports|announced|estimated|estimates|added"
    r"|noted)\b"
)


def parties(
    text: str, span: tuple[int, int], sentence: tuple[int, int], mentions: list[Mention]
) -> tuple[str | None, str | None]:
    """``(subject, counterparty)`` entity ids for the number at ``span`` in ``sentence``."""
    start, end = span
    sentence_start, sentence_end = sentence
    around = [
        m
        for m in mentions
        if sentence_start <= m.start and m.end <= sentence_end and not _source(text, m, start, sentence_start)
    ]
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
    subject = subjects[-1] if subjects else None
    if subject is None and counterparty is None and before:
        # Only objects of prepositions stand before it ("...in Corvid Labs, bringing the total to
        # $1.2 billion"): the nearest is the counterparty, and the subject is left to inherit.
        counterparty = before[-1]
    if subject is not None and counterparty is not None and subject.entity == counterparty.entity:
        subject = None
    if subject is None and counterparty is None and len({m.entity for m in around}) == 1:
        # The one organisation a sentence names is what its number is about ("the stake is valued
        # at $380 billion, reflecting Anthropic's latest valuation").
        subject = around[0]
    return (subject.entity if subject else None, counterparty.entity if counterparty else None)


def _source(text: str, mention: Mention, number_start: int, sentence_start: int) -> bool:
    """True when ``mention`` only says where the sentence's figures come from."""
    before = text[max(sentence_start, mention.start - 40) : mention.start]
    if _SOURCE_BEFORE.search(before):
        return True
    # An aside only when a clause break parts it from the figure: in "..., anthropic said it plans to
    # spend $100 billion" the speaker is the spender.
    return (
        mention.end <= number_start
        and _ASIDE_BEFORE.search(before) is not None
        and _ASIDE_AFTER.match(text, mention.end) is not None
        and _CLAUSE_MARK.search(text, mention.end, number_start) is not None
    )


def inherit_parties(items: list[T], reach: int = INHERIT_REACH) -> list[T]:
    """Figures that name no organisation take the parties of the figure of their kind just before.

    "Amazon is putting $5 billion into Anthropic now. On top of that, there is a plan for an
    additional $20 billion." The earlier figure must be of the same attribute family
    (``investment.amount`` and ``investment.total`` are one) and end at most ``reach`` characters
    before; ``items`` are in text order.
    """
    last: dict[str, T] = {}
    inherited: list[T] = []
    for item in items:
        family = (item.attribute or "").split(".")[0]
        if item.attribute and item.subject is None and item.counterparty is None:
            earlier = last.get(family)
            if earlier is not None and item.start - earlier.end <= reach:
                item = dataclasses.replace(item, subject=earlier.subject, counterparty=earlier.counterparty)
        if item.attribute and (item.subject or item.counterparty):
            last[family] = item
        inherited.append(item)
    return inherited

"""Who a number is about: its subject and counterparty among the organisations and people of its sentence.

"Amazon invested $8 billion in Anthropic": the subject is the nearest organisation before the
number, the counterparty one introduced by a preposition ("in", "into", "on", "to") after it, or
before it in the same clause ("an investment in Anthropic of $4 billion"). A sentence that names
one organisation only is about it; a figure in a sentence that names none takes the parties of the
figure of its family just before (:func:`inherit_parties`). A body named only as the source of a
figure is no party to it: "according to the Red Crescent", "announced by the commission", or an
aside before the figure ("..., the commission confirmed on Thursday, ending his 12 years in office");
nor is a body named as a person's own ("Doskova, of the Renewal Alliance, had 1,944,300 votes").

A company named after "shares of" or "shares in" with no other subject before it is the subject
("Shares of Brightco jumped 12%"), not a counterparty. When no organisation is the subject, a
person is (see :func:`_person`): "Doskova won 51.6% of the
vote", "1.87 million for Sorel". A person is only ever a subject, never a counterparty, and never
when only speaking or cited ("..., Finance Minister Vera Koll said", "according to Koll"). A
person's figure passes its parties on only inside its sentence, and a figure of a person the text
does not name ("46.1% for her challenger") takes none.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TypeVar

from factlint.extract.entities import Mention
from factlint.extract.found import Found
from factlint.extract.people import Person

T = TypeVar("T", bound=Found)
UNNAMED = ""  # the subject of a figure that belongs to a person the text does not name
INHERIT_REACH = 1200

_PREPOSITION = re.compile(
    r"\b(?:in|into|on|to|from|with|at|for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
# The company whose shares a figure is about, named after them: "Shares of Brightco jumped 12%".
_SHARES_OF = re.compile(
    r"\b(?:shares|stock|stocks|share[ \t]+price|stock[ \t]+price)[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[;()]|(?<!\d)[,:]|[,:](?!\d)")
_SOURCE_BEFORE = re.compile(
    r"(?:\baccording[ \t]+to|\b(?:announced|reported|published|released|cited|compiled)[ \t]+by)[ \t]+"
    r"(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_ASIDE_BEFORE = re.compile(r"[,;][ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_SPEECH = (
    r"(?:said|says|confirmed|confirms|told|tells|reported|reports|announced|estimated|estimates|added|noted"
    r"|insisted|insists|argued|argues|wrote|writes)"
)
_SPEAKS_BEFORE = re.compile(rf"\b{_SPEECH},?[ \t]+$")
# "Koll said", "Koll also said", "Katja Lind, a political scientist at Halden University, said".
_SPEAKS_AFTER = re.compile(
    rf"(?:,[ \t]+[^,;()\n]{{1,80}}?,)?[ \t]+(?:(?:also|later|then|has|had|have|[a-z]+ly)[ \t]+)?{_SPEECH}\b"
)
# What parts a number from a person after it whose figure it is: "1.87 million for Sorel", "the 12-year
# rule of Sorel", "51.6% of the vote for Brek".
_POSSESSOR_BEFORE = re.compile(r"(?:[ \t]+[A-Za-z'’-]+){0,3}?[ \t]+(?:for|of)[ \t]+", re.IGNORECASE)
_POSSESSIVE = ("'s", "’s")
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|against|to|from|than|alongside|beside|behind|unlike|over)[ \t]+"
    r"(?:(?:the|a|an|his|her|their|its)[ \t]+)?$",
    re.IGNORECASE,
)
_AFFILIATION = re.compile(r",?[ \t]+of[ \t]+(?:the[ \t]+)?")
_ASIDE_AFTER = re.compile(
    r"[ \t]+(?:said|says|confirmed|confirms|told|reported|reports|announced|estimated|estimates|added"
    r"|noted)\b"
)


def parties(
    text: str,
    span: tuple[int, int],
    sentence: tuple[int, int],
    mentions: list[Mention],
    people: Sequence[Person] = (),
) -> tuple[str | None, str | None]:
    """``(subject, counterparty)`` entity ids for the number at ``span`` in ``sentence``.

    ``mentions`` are the organisations and ``people`` the persons named around it. The subject is
    ``UNNAMED`` when the figure belongs to a person the text does not name ("46.1% for her
    challenger"): such a figure inherits no parties (see :func:`inherit_parties` and :func:`named`).
    """
    start, end = span
    sentence_start, sentence_end = sentence
    persons = [
        person
        for person in sorted(people, key=lambda person: person.start)
        if sentence_start <= person.lead and person.end <= sentence_end
    ]
    named = [
        m
        for m in mentions
        if sentence_start <= m.start and m.end <= sentence_end and not _source(text, m, start, sentence_start)
    ]
    around = [m for m in named if not _affiliation(text, m, persons)]
    counterparty = None
    for mention in around:
        after_number = mention.start >= end and not _CLAUSE_MARK.search(text, end, mention.start)
        if after_number and _PREPOSITION.search(text[max(end, mention.start - 30) : mention.start]):
            counterparty = mention
            break
    before = [m for m in around if m.end <= start and m is not counterparty]
    # A company after "shares of" with no plain subject before it owns the figure (see below).
    owners = [
        m
        for m in before
        if _SHARES_OF.search(text[max(sentence_start, m.start - 30) : m.start])
        and not any(
            other.end <= m.start
            and not _PREPOSITION.search(text[max(sentence_start, other.start - 30) : other.start])
            for other in before
        )
    ]
    if counterparty is None:
        for mention in reversed(before):
            if mention in owners:
                continue
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
    if subject is None and owners:
        # No other subject before it: the company whose shares moved ("Shares of Brightco jumped",
        # "Shares of Brightco (NASDAQ: BRTC) jumped").
        subject = owners[-1]
    if subject is None and counterparty is None and before:
        # Only objects of prepositions stand before it ("...in Corvid Labs, bringing the total to
        # $1.2 billion"): the nearest is the counterparty, and the subject is left to inherit.
        counterparty = before[-1]
    if subject is not None and counterparty is not None and subject.entity == counterparty.entity:
        subject = None
    party = counterparty.entity if counterparty else None
    if subject is not None:
        return subject.entity, party
    person = _person(text, span, sentence, persons, alone=counterparty is None)
    if person is not None and person.entity:
        return person.entity, party
    if counterparty is None and len({m.entity for m in named}) == 1 and around:
        # The one organisation a sentence names is what its number is about ("the stake is valued
        # at $380 billion, reflecting Anthropic's latest valuation").
        return around[0].entity, None
    return (UNNAMED if person is not None else None), party


def _person(
    text: str, span: tuple[int, int], sentence: tuple[int, int], people: Sequence[Person], alone: bool
) -> Person | None:
    """The person a number is about when no organisation is its subject, or None.

    One right after it with "for" or "of" ("47.1% for Sorel", "the 12-year rule of Aurel
    Sorel"), else the nearest before it in its clause ("Brek won 51.6%", "ending Aurel Sorel's
    12 years"), else, when the figure has no organisation for a party (``alone``), the sentence's
    only person, before the number or after it in its clause. Never a speaker, nor a person who is
    the object of "with", "against" and the like ("...with his agent, Pierre Mane, and spent four
    hours"). A person the text describes without naming ("46.1% for her challenger") may be the
    one, with an empty id.
    """
    start, end = span
    sentence_start, sentence_end = sentence
    around = [
        person
        for person in people
        if not _speaker(text, person, sentence_start, sentence_end)
        and not _OBJECT_BEFORE.search(text, max(sentence_start, person.lead - 30), person.lead)
    ]
    before = [person for person in around if person.end <= start]
    after = [
        person for person in around if person.start >= end and not _CLAUSE_MARK.search(text, end, person.lead)
    ]
    chosen = None
    if (
        after
        and _POSSESSOR_BEFORE.fullmatch(text, end, after[0].lead)
        and not text.startswith(_POSSESSIVE, after[0].end)
    ):
        chosen = after[0]
    elif before and not _CLAUSE_MARK.search(text, before[-1].end, start):
        chosen = before[-1]
    elif alone and len({person.entity or person.start for person in around}) == 1 and (before or after):
        chosen = around[0]
    return chosen


def _affiliation(text: str, mention: Mention, people: Sequence[Person]) -> bool:
    """True when ``mention`` only says which body a person belongs to.

    "Doskova, of the Renewal Alliance, had 1,944,300 votes", "President Aurel Sorel of the Civic
    Union had 47.1%": the figure is the person's, and the body no party to it.
    """
    return any(
        person.end <= mention.start and _AFFILIATION.fullmatch(text, person.end, mention.start) is not None
        for person in people
    )


def _speaker(text: str, person: Person, sentence_start: int, sentence_end: int) -> bool:
    """True when ``person`` only speaks or is cited.

    "According to Vera Koll", "Koll said", "said Finance Minister Vera Koll", "Katja Lind, a
    political scientist, said". Unlike an organisation, which says what it does itself ("Anthropic
    said it plans to spend $100 billion"), a person quoted mostly speaks of others' figures, so any
    speaker is left out.
    """
    before = text[max(sentence_start, person.lead - 40) : person.lead]
    if _SOURCE_BEFORE.search(before) or _SPEAKS_BEFORE.search(before):
        return True
    return _SPEAKS_AFTER.match(text, person.end, min(sentence_end, person.end + 120)) is not None


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


def inherit_parties(
    items: list[T], reach: int = INHERIT_REACH, sentences: Sequence[tuple[int, int]] | None = None
) -> list[T]:
    """Figures that name no organisation take the parties of the figure of their kind just before.

    "Amazon is putting $5 billion into Anthropic now. On top of that, there is a plan for an
    additional $20 billion." The earlier figure must be of the same attribute family
    (``investment.amount`` and ``investment.total`` are one) and end at most ``reach`` characters
    before; ``items`` are in text order. A person's figure passes its parties on only inside its
    sentence ("Doskova won 52.1%, or 2.09 million votes"), when ``sentences`` gives each item's:
    the next sentence's figure is seldom hers without naming her ("In total, 4.1 million ballots
    were cast").
    """
    last: dict[str, tuple[T, tuple[int, int] | None]] = {}
    inherited: list[T] = []
    for index, item in enumerate(items):
        family = (item.attribute or "").split(".")[0]
        sentence = sentences[index] if sentences is not None else None
        if item.attribute and item.subject is None and item.counterparty is None and family in last:
            earlier, earlier_sentence = last[family]
            personal = (earlier.subject or "").startswith("person:") and earlier_sentence != sentence
            if item.start - earlier.end <= reach and not personal:
                item = dataclasses.replace(item, subject=earlier.subject, counterparty=earlier.counterparty)
        if item.attribute and (item.subject or item.counterparty):
            last[family] = (item, sentence)
        inherited.append(item)
    return inherited


def named(items: list[T]) -> list[T]:
    """``items`` with an ``UNNAMED`` subject as no subject, once parties are inherited."""
    return [dataclasses.replace(item, subject=None) if item.subject == UNNAMED else item for item in items]

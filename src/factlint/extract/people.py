"""People named in a text, as mentions with ``person:<full name>`` ids.

A person is a name the text shows to be one (see :mod:`factlint.extract.names`: after a title or a
word such as "striker", before "said", in a byline, a first name and surname whose surname then
stands alone) or the person of a role ("Finance Minister Vera Koll"). A surname standing alone
("Doskova") is the one full name of the text that ends in it ("person:mirela-doskova"); written
after a title with no full name to join ("President Sorel") it is ``person:sorel``, and merging
it with a full name from another source is for matching. A name must look like one: capitalised
words with lower-case letters, none a function word, title, month or generic noun, and not a place.
Where a name was read as a person only because "said" stands next to it, a first word that stands
alone in the text while the last does not is an organisation's short form ("Castlemere City said
... Castlemere"), not a first name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from factlint.dates import MONTHS
from factlint.extract.entities import Mention
from factlint.extract.found import Found, Occupied
from factlint.extract.names import LOOK, Names, generic_word, patterns, read_names
from factlint.extract.numbers import alternation
from factlint.knowledge import KnowledgeBase

_NOT_SLUG = re.compile(r"[\W_]+")

# A word of a name: capitalised, with a lower-case letter, of letters, hyphens and apostrophes.
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*")
# The start of a list item or a bold label, up to a name: "- ", "2. ", "- **".
_ITEM_START = re.compile(r"[ \t]*(?:(?:[-*+•]|\d+[.)])[ \t]+(?:\*\*|__)?|\*\*|__)")


class Person(NamedTuple):
    """A person named at ``[start, end)`` as ``name`` (the text there), with a ``person:`` id.

    ``lead`` is where the words that introduce the person begin ("Finance Minister" before "Vera
    Koll", "Amazon CEO" before "Andy Jassy"), else ``start``: what stands before it says whether
    the person is only the source of a figure ("according to Finance Minister Vera Koll"). (A
    named tuple, as :class:`~factlint.extract.entities.Mention`.)
    """

    start: int
    end: int
    entity: str
    name: str
    lead: int


def person_id(name: str) -> str:
    """``person:`` and the name in lower case, hyphenated, accents dropped: ``person:mirela-doskova``."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return "person:" + _NOT_SLUG.sub("-", plain.lower()).strip("-")


def find_people(
    text: str, kb: KnowledgeBase, roles: Iterable[Found] = (), names: Names | None = None
) -> list[Person]:
    """Every mention of a person in ``text``, in order, none overlapping another.

    ``roles`` are the text's roles (:func:`factlint.extract.roles.find_roles`), ``names`` its
    capitalised names when already read.
    """
    names = names or read_names(text, kb)
    compiled = patterns(kb)
    found: list[Person] = []
    full: set[str] = set()
    for role in roles:
        if role.role is None:
            continue
        person = role.role.person
        start = role.start if text.startswith(person, role.start) else role.end - len(person)
        if text[start : start + len(person)] != person or not person.strip():
            continue
        key = " ".join(person.split())
        if len(key.split()) >= 2:
            full.add(key)
        found.append(Person(start, start + len(person), person_id(key), person, role.start))
    full.update(key for key, evidence in names.people.items() if _plausible(text, key, evidence, names, kb))
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in full:
        by_surname[key.split()[-1]].add(key)
    taken = Occupied([(person.start, person.end) for person in found])
    for chunk in names.chunks:
        if taken.overlaps(chunk.start, chunk.end):
            continue
        if chunk.key in full:
            key = chunk.key
        elif chunk.key in by_surname:
            fulls = by_surname[chunk.key]
            key = next(iter(fulls)) if len(fulls) == 1 else chunk.key
        elif chunk.key in names.surnames and _plausible(text, chunk.key, "titled", names, kb):
            key = chunk.key
        else:
            continue
        before = text[max(0, chunk.start - LOOK) : chunk.start]
        title = compiled.person_before.search(before)
        lead = chunk.start - len(before) + title if title is not None else chunk.start
        found.append(Person(chunk.start, chunk.end, person_id(key), text[chunk.start : chunk.end], lead))
    return sorted(found, key=lambda person: person.start)


def _plausible(text: str, key: str, evidence: str, names: Names, kb: KnowledgeBase) -> bool:
    """True when ``key`` looks like a person's name and the evidence for it holds."""
    words = key.split()
    if key in names.places or not all(_NAME_WORD.fullmatch(word) for word in words):
        return False
    for word in words:
        lowered = word.lower()
        if generic_word(lowered, kb) or lowered in MONTHS:
            return False
    if evidence in ("titled", "byline"):
        return True
    # "Castlemere City said ... Castlemere paid": a short form by the first word is an organisation's.
    if evidence == "said" and words[0] in names.by_key and words[-1] not in names.by_key:
        return False
    # Weaker evidence wants the name written once in running text, not only as a list item's first
    # words ("- Utilize Amazon's chips"), and no word that names a known organisation.
    known = _known_names(kb)
    return not any(word.lower() in known for word in words) and any(
        not _ITEM_START.fullmatch(text, _line_start(text, chunk.start), chunk.start)
        for chunk in names.by_key[key]
    )


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


@functools.cache
def _known_names(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(name.lower() for entity in kb.entities for name in (entity.name, *entity.aliases))


def apart(organisations: list[Mention], people: list[Person]) -> tuple[list[Mention], list[Person]]:
    """Organisations and people with no text in common.

    A known organisation keeps its name against a person ("Ford"); a person keeps it against an
    unknown organisation (a candidate) that the names module read differently.
    """
    known = Occupied([(m.start, m.end) for m in organisations if not m.entity.startswith("candidate:")])
    people = [person for person in people if not known.overlaps(person.start, person.end)]
    taken = Occupied([(person.start, person.end) for person in people])
    organisations = [
        m for m in organisations if not (m.entity.startswith("candidate:") and taken.overlaps(m.start, m.end))
    ]
    return organisations, people


def find_described(text: str, kb: KnowledgeBase, people: list[Person]) -> list[Person]:
    """People named by a title or person word alone: "the striker", "her Republican challenger".

    "The striker" is the one person the text introduced as a striker ("striker Kofi Osei-Lund"), with
    that person's id; a description that fits no one or several, or begins with another word than
    "the", is a person without an id (``entity`` empty): a figure it owns is no named person's.
    Its span is the title ("striker"), so that it never hides an organisation ("the Ashbridge
    striker"); its ``lead`` is the word it begins with.
    """
    titles, described_pattern = _title_patterns(kb)
    introduced: dict[str, set[str]] = defaultdict(set)
    for person in people:
        for match in titles.finditer(text, person.lead, person.start):
            introduced[_canonical(match.group(), kb)].add(person.entity)
    leads = Occupied([(person.lead, person.end) for person in people])
    ends_before_comma = {person.end + 1 for person in people if text.startswith(",", person.end)}
    described = []
    for match in described_pattern.finditer(text):
        start, end = match.span("title")
        before = match.start()
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        if leads.overlaps(match.start(), end) or before in ends_before_comma:
            continue  # "the striker Kofi Osei-Lund", "Tomas Brek, a former coach": the person named
        fits = introduced.get(_canonical(match.group("title"), kb), set())
        entity = next(iter(fits)) if match.group("det").lower() == "the" and len(fits) == 1 else ""
        described.append(Person(start, end, entity, text[start:end], match.start()))
    return described


def _canonical(title: str, kb: KnowledgeBase) -> str:
    written = " ".join(title.lower().split())
    return kb.titles.get(written, written)


# A determiner (the, his, her, their, its, a, an), up to two words, a title. Written with the
# determiner's first letter first and what may not precede it checked after it, so that the
# engine skips to those letters in C; "the"/"their" and "a"/"an" cannot both be followed by a
# blank, so trying the longer first finds what trying the shorter first finds. A word between is
# taken whole (a blank follows it, never a character of it).
_DESCRIBED = (
    r"(?P<det>[TtHhIiAa](?<![\w-].)(?i:(?<=[Tt])he(?:ir)?|(?<=[Hh])(?:is|er)|(?<=[Ii])ts|(?<=[Aa])n?))"
    r"(?i:[ \t]+(?:[\w'’-]++[ \t]+){{0,2}}?(?P<title>{words}))(?![\w-])"
)


@functools.cache
def _title_patterns(kb: KnowledgeBase) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A title or person word; one after a determiner and up to two words ("her Republican challenger")."""
    words = alternation([*kb.titles, *kb.person_words])
    return (
        re.compile(rf"(?i:(?<![\w-])(?:{words}))(?![\w-])"),
        re.compile(_DESCRIBED.format(words=words)),
    )

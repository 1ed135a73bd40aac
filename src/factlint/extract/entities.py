"""Organisations named in a text.

Known ones by their names and aliases in ``rules/entities.yaml`` (possessives included, any case in
all-lowercase text), acronyms the text defines ("Amazon Web Services (AWS)"), and unknown
capitalised names ending in a company word ("Marlow Foods Ltd") or acting as organisations
("Northwind said", see :mod:`factlint.extract.candidates`), kept as candidates.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from factlint.extract.candidates import find_candidates
from factlint.extract.found import Occupied
from factlint.extract.names import Names
from factlint.extract.numbers import alternation
from factlint.knowledge import KnowledgeBase

_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# Every acronym defined ends in its short form in brackets: a text without one defines none.
_SHORT_FORM = re.compile(r"\([A-Z][A-Z0-9&.]{1,7}\)")
_ACRONYM = re.compile(
    r"(?P<long>(?:[A-Z][\w&.'’-]*[ \t]+){1,5}[A-Z][\w&.'’-]*)[ \t]*\((?P<short>[A-Z][A-Z0-9&.]{1,7})\)"
)


class Mention(NamedTuple):
    """An organisation named at ``[start, end)``: a knowledge-base id or ``candidate:name``.

    People are mentioned apart (:class:`factlint.extract.people.Person`). (A named tuple: a text
    has hundreds, and a frozen dataclass is several times slower to make.)
    """

    start: int
    end: int
    entity: str


@functools.cache
def _names(kb: KnowledgeBase) -> dict[str, str]:
    """Every name and alias, lower-cased, to its entity id."""
    names = {}
    for entity in kb.entities:
        for name in (entity.name, *entity.aliases):
            names[name.lower()] = entity.id
    return names


@functools.cache
def _known(kb: KnowledgeBase, lowercase: bool) -> re.Pattern[str] | None:
    forms = [name for entity in kb.entities for name in (entity.name, *entity.aliases)]
    if not forms:
        return None
    flags = re.IGNORECASE if lowercase else 0
    names = alternation(forms, case_sensitive=not lowercase, not_after=r"[\w&-]")
    return re.compile(rf"(?:{names})(?![\w&-])", flags)


@functools.cache
def _candidate(kb: KnowledgeBase) -> re.Pattern[str] | None:
    if not kb.company_suffixes:
        return None
    suffixes = alternation(kb.company_suffixes)
    # The capital first and what may not come before it checked after it, so that the engine
    # skips to capitals in C: (?<![\w&-])(?:[A-Z][\w&'’-]*[ \t]+){1,3}(?:SUFFIXES)(?![\w&-]); a
    # word is taken whole (a blank follows it, never a character of it).
    return re.compile(
        rf"[A-Z](?<![\w&-].)[\w&'’-]*+[ \t]+(?:[A-Z][\w&'’-]*+[ \t]+){{0,2}}(?:{suffixes})(?![\w&-])"
    )


def find_entities(text: str, kb: KnowledgeBase, capitalised: Names | None = None) -> list[Mention]:
    """Every organisation mention in ``text``, in order, none overlapping another.

    ``capitalised`` are the text's capitalised names when already read (see :mod:`factlint.extract.names`).
    """
    lowercase = not any(char.isupper() for char in text)
    names = _names(kb)
    defined = {}
    for match in _ACRONYM.finditer(text) if _SHORT_FORM.search(text) else ():
        long_name = match.group("long").strip()
        defined[match.group("short")] = names.get(long_name.lower(), f"candidate:{_slug(long_name)}")
    mentions: list[Mention] = []
    known = _known(kb, lowercase)
    if known is not None:
        for match in known.finditer(text):
            mentions.append(Mention(match.start(), match.end(), names[match.group().lower()]))
    for short, entity in defined.items():
        for match in re.finditer(rf"(?<![\w&-]){re.escape(short)}(?![\w&-])", text):
            mentions.append(Mention(match.start(), match.end(), entity))
    candidate = _candidate(kb)
    if candidate is not None and not lowercase:
        for match in candidate.finditer(text):
            start, end = _name_start(text, match.start(), match.end(), kb), match.end()
            if start > match.start() and (longer := candidate.match(text, start)):
                end = longer.end()  # "When Quill Data Systems Ltd": the name runs on to "Ltd"
            mentions.append(Mention(start, end, f"candidate:{_slug(text[start:end])}"))
    mentions = _disjoint(mentions)
    if lowercase:
        return mentions
    taken = Occupied([(m.start, m.end) for m in mentions])
    for start, end, name in find_candidates(text, kb, capitalised):
        trimmed = _name_start(text, start, end, kb)
        if trimmed > start:
            start, name = trimmed, text[trimmed:end]
        if not taken.overlaps(start, end):
            mentions.append(Mention(start, end, names.get(name.lower(), f"candidate:{_slug(name)}")))
    return _disjoint(mentions)


_LEADING_WORD = re.compile(r"[^\s]+[ \t]+")


def _name_start(text: str, start: int, end: int, kb: KnowledgeBase) -> int:
    """Where a capitalised name begins, after the words that open its sentence or describe it.

    "When Bluewater Sports Group", "US-based Bluewater Sports Group": those words are a function
    word ("When", "While", "The") and a hyphenated describing word whose last part is lower case
    ("US-based", "London-listed"); the last word always stays.
    """
    while True:
        word = _LEADING_WORD.match(text, start, end)
        if word is None:
            return start
        first = word.group().strip()
        tail = first.rsplit("-", 1)[-1] if "-" in first else ""
        if first.lower() in kb.function_words or (tail.isalpha() and tail.islower()):
            start = word.end()
            continue
        return start


def _disjoint(mentions: list[Mention]) -> list[Mention]:
    """Longest first where mentions overlap, then in text order."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _slug(name: str) -> str:
    return _NOT_SLUG.sub("-", name.lower()).strip("-")

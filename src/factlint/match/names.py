"""Entity resolution: one id for every way a corpus writes an organisation or a person.

Organisations resolve by their normalised names and aliases in ``rules/entities.yaml`` (legal
suffixes, possessives, case and punctuation removed), then by rapidfuzz for typos and reorderings.
The fuzzy step compares whole names with ``token_sort_ratio``, not substrings, and never touches
short names, and only names with as many words: so "AWS" is not "AW", "Meta" is not "Metaculus",
"Amazon" is not "Amazon Web Services" and "Alpha Beta Inc" is not "Alphabet". People are one
person when their full names agree or a surname alone is unambiguous in the corpus ("Dario
Amodei", "Amodei", "dario amodei").
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from factlint.knowledge import KnowledgeBase

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PUNCTUATION = re.compile(r"[^\w\s&]+")


def normalise(name: str, kb: KnowledgeBase) -> str:
    """``Amazon.com, Inc.'s`` to ``amazon``: lower case, no possessive, legal suffix or punctuation."""
    text = _POSSESSIVE.sub("", name.strip())
    lowered = text.lower()
    dotted, suffixes = _suffixes(kb)
    for suffix in dotted:
        lowered = lowered.replace(suffix, " ")
    words = _PUNCTUATION.sub(" ", lowered).split()
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


@functools.cache
def _suffixes(kb: KnowledgeBase) -> tuple[tuple[str, ...], frozenset[str]]:
    """The legal suffixes written with a dot (".com"), longest first, and all of them without dots."""
    dotted = tuple(sorted((s for s in kb.legal_suffixes if s.startswith(".")), key=len, reverse=True))
    return dotted, frozenset(s.strip(".") for s in kb.legal_suffixes)


@functools.cache
def _candidates(kb: KnowledgeBase) -> dict[int, list[str]]:
    """The knowledge's names long enough for the fuzzy step, by number of words, in index order."""
    found: dict[int, list[str]] = {}
    for name in _index(kb):
        if len(name) >= kb.min_fuzzy_length:
            found.setdefault(len(name.split()), []).append(name)
    return found


@functools.cache
def _index(kb: KnowledgeBase) -> dict[str, str]:
    index: dict[str, str] = {}
    for entity in kb.entities:
        for name in (entity.name, *entity.aliases):
            index.setdefault(normalise(name, kb), entity.id)
    return index


def resolve(name: str, kb: KnowledgeBase, known: dict[str, str] | None = None) -> str | None:
    """The entity id ``name`` stands for, or None when no known entity is close enough.

    ``known`` adds names met in the corpus (normalised name to id), for example acronyms a text
    defines or candidates already seen, so that they resolve the same way everywhere.
    """
    index = {**_index(kb), **known} if known else _index(kb)
    key = normalise(name, kb)
    if key in index:
        return index[key]
    if len(key) < kb.min_fuzzy_length:
        return None
    # A typo keeps the number of words; "alpha beta" is not "alphabet".
    words = len(key.split())
    if known:
        candidates = [c for c in index if len(c) >= kb.min_fuzzy_length and len(c.split()) == words]
    else:  # the knowledge's own names: sorted by number of words once
        candidates = _candidates(kb).get(words, [])
    best = process.extractOne(key, candidates, scorer=fuzz.token_sort_ratio, score_cutoff=kb.fuzzy_threshold)
    return index[best[0]] if best else None


def person_key(name: str) -> str:
    """A person's name compared without case, titles of address or punctuation."""
    words = [word for word in _PUNCTUATION.sub(" ", name.lower()).split() if word not in _HONORIFICS]
    return " ".join(words)


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady"})


def resolve_people(names: Iterable[str]) -> dict[str, str]:
    """Map every person name of a corpus to one canonical full name.

    Full names that agree ignoring case are one person; a single word (a surname) joins the one
    full name it ends, and stays itself when several full names share it.
    """
    names = list(names)
    full: dict[str, str] = {}
    for name in names:
        key = person_key(name)
        if " " in key:
            full.setdefault(key, name)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in full:
        by_surname[key.split()[-1]].add(key)
    canonical: dict[str, str] = {}
    for name in names:
        key = person_key(name)
        if " " in key:
            canonical[name] = full[key]
        elif len(by_surname.get(key, ())) == 1:
            canonical[name] = full[next(iter(by_surname[key]))]
        else:
            canonical[name] = name
    return canonical


def short_names(ids: Iterable[str | None]) -> dict[str, str]:
    """Ids of a corpus that are a shorter form of exactly one other: the short one to the long one.

    An unknown organisation written in full in one source and by its first words in another
    ("candidate:castlemere" and "candidate:castlemere-city") is one; so is a person named by the
    surname alone ("person:doskova") where one full name ends in it ("person:mirela-doskova").
    A short form that could be two names stays itself. A candidate organisation named exactly as
    a person of the corpus ("candidate:marcus-delaney" beside "person:marcus-delaney") is that
    person, read as a company where the sentence gave no sign of a person.
    """
    known = sorted({name for name in ids if name and name.startswith(("candidate:", "person:"))})
    # Longer names by the word a short form keeps: an organisation's first, a person's last.
    by_word: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in known:
        kind, _, slug = name.partition(":")
        words = slug.split("-")
        if len(words) > 1:
            by_word[(kind, words[0] if kind == "candidate" else words[-1])].append(name)
    aliases: dict[str, str] = {}
    for short in known:
        kind, _, slug = short.partition(":")
        affix = slug + "-" if kind == "candidate" else "-" + slug
        longer = [
            other
            for other in by_word.get(
                (kind, slug.split("-")[0] if kind == "candidate" else slug.split("-")[-1]), []
            )
            if other != short
            and (other.partition(":")[2].startswith(affix) if kind == "candidate" else other.endswith(affix))
        ]
        if len(longer) == 1:
            aliases[short] = longer[0]
    people = {name.partition(":")[2]: name for name in known if name.startswith("person:")}
    for name in known:
        kind, _, slug = name.partition(":")
        if kind == "candidate" and slug in people:
            aliases[name] = aliases.get(people[slug], people[slug])  # a person read as a company
    return aliases

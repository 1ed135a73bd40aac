"""Unknown organisations: capitalised names that a text treats as organisations.

A name (see :mod:`factlint.extract.names`) is a candidate organisation when it ends in an
organisation word ("the Central Electoral Commission") or the text gives evidence that it acts as
one: it stands right before a verb of ``rules/entities.yaml`` ("Northwind said", "Castlemere City
have agreed"), or it is a name of two or more words that recurs, or whose first word stands alone
for it later ("Veltrix Semiconductor ... Veltrix"; not an adjective: "the Seravian government").
People and places, as the names module reads them, are never candidates, nor are a person's first
name and surname alone. A word capitalised only because it begins a sentence is no name when the
text also writes it in lower case or it looks plural ("Shares rose").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from factlint.extract.names import Chunk, Names, Patterns, generic_word, patterns, read_names
from factlint.knowledge import KnowledgeBase


def find_candidates(text: str, kb: KnowledgeBase, names: Names | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of every unknown organisation named in ``text``, in order.

    ``name`` is the full name a mention stands for ("Veltrix Semiconductor" for a later "Veltrix");
    ``names`` are the text's capitalised names when already read.
    """
    compiled = patterns(kb)
    names = names or read_names(text, kb)
    if not names.chunks:
        return []
    by_key = names.by_key
    lowercase = LowercaseWords(text)
    excluded = {
        key
        for key in by_key
        if key in names.places or key in names.person_words or _common(key, by_key[key], kb, lowercase)
    }
    accepted = {key for key in by_key if key not in excluded and _acts(text, key, by_key, excluded, compiled)}
    # A first word that stands alone names the longer organisation it begins ("Veltrix").
    firsts: dict[str, list[str]] = defaultdict(list)
    for key in accepted:
        if " " in key:
            firsts[key.split()[0]].append(key)
    full = {key: key for key in accepted}
    for first, longer in firsts.items():
        if len(longer) == 1 and _short_form(text, first, by_key, excluded, compiled):
            full[first] = longer[0]
    return [(chunk.start, chunk.end, full[chunk.key]) for chunk in names.chunks if chunk.key in full]


def _short_form(
    text: str, word: str, by_key: Mapping[str, list[Chunk]], excluded: set[str], compiled: Patterns
) -> bool:
    """True when ``word`` stands alone in the text for a longer name it begins.

    An adjective ("Seravian") does so only where it acts itself: before a verb or as a possessive.
    """
    if word not in by_key or word in excluded or word.isupper():
        return False  # an acronym begins a name without standing for it ("AI Advancements")
    if compiled.adjective is None or not compiled.adjective.search(word):
        return True
    return any(
        text.startswith(("'s", "’s"), chunk.end)
        or (compiled.verb_after is not None and compiled.verb_after.match(text, chunk.end))
        for chunk in by_key[word]
    )


def _common(key: str, chunks: list[Chunk], kb: KnowledgeBase, lowercase: LowercaseWords) -> bool:
    """True for a word that is no name: a function word, a generic noun, or a sentence's first word."""
    lowered = key.lower()
    if " " in key:
        return False
    if generic_word(lowered, kb) or len(key) < 2:
        return True
    if all(chunk.initial for chunk in chunks):
        return (lowered.endswith("s") and not key.isupper()) or lowered in lowercase
    return False


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'’-")
LOWERCASE_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


class LowercaseWords:
    """The words a text writes in lower case, for ``in``: those ``LOWERCASE_WORD`` lists.

    A text is asked about a few words (its capitalised first words of sentences), so each is
    first looked for with ``str.find``, far quicker than listing every word; past a few look-ups
    or places looked at, the words are listed once, so that a large text costs linear time.
    """

    LOOKUPS = 64
    PLACES = 64

    def __init__(self, text: str) -> None:
        self.text = text
        self.budget = self.LOOKUPS
        self.listed: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not ("a" <= word[:1] <= "z") or not _WORD_CHARS.issuperset(word):
            return False
        if self.listed is None and self.budget > 0:
            self.budget -= 1
            found = self._find(word)
            if found is not None:
                return found
        if self.listed is None:
            self.listed = frozenset(LOWERCASE_WORD.findall(self.text))
        return word in self.listed

    def _find(self, word: str) -> bool | None:
        """Whether the text writes ``word`` in lower case; None when it is in too many places to tell."""
        text = self.text
        at = text.find(word)
        for _ in range(self.PLACES):
            if at == -1:
                return False
            end = at + len(word)
            starts = at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_'’-")  # \w: alphanumeric, _
            if starts and (end == len(text) or text[end] not in _WORD_CHARS):
                return True
            at = text.find(word, at + 1)
        return None


def _acts(
    text: str, key: str, by_key: Mapping[str, list[Chunk]], excluded: set[str], compiled: Patterns
) -> bool:
    """True when the text gives evidence that ``key`` names an organisation."""
    chunks = by_key[key]
    if " " in key and key.split()[-1] in compiled.suffixes:
        return True
    if compiled.verb_after is not None and any(compiled.verb_after.match(text, c.end) for c in chunks):
        return True
    if " " not in key:
        return False
    # A name of two or more words that recurs, itself or by its first word, not only ever after
    # "in" or "at" (a place: "in New York").
    first = key.split()[0]
    uses = chunks + (by_key.get(first, []) if first not in excluded else [])
    if len(uses) < 2:
        return False
    if compiled.locative_before is None:
        return True
    return any(compiled.locative_before.search(text[max(0, c.start - 20) : c.start]) is None for c in uses)

"""What a figure measures, read from its own words: the open description of every number and date.

The canonical attributes of ``rules/frames.yaml`` name the facts rules need by name; any other
figure is described by the words around it, so that two sources' figures of one fact meet without
a word list for each beat:

- its ``measure``: the counted noun for a count ("2,000 people" counts ``person``), else the unit
  ("12 feet" is ``foot``), "money", "percent", "age" ("a four-year-old boy") or "date";
- its decisive words (``about``, the strongest first; ``thing`` is the first), as lemmas: the
  whole a percentage is a share of ("14% of its workforce"), what an amount is paid in ("$3.9
  million in milestone payments"), the noun a link word joins it to ("an altitude of 2,300
  miles", "an empire worth $2 billion"), the noun it modifies ("a $5 million break fee", "a
  400-megawatt solar farm"; an age's person, "the 38-year-old Palmer"), else the verb it goes
  with ("fell 12 feet", "agreed to buy X for $1.5 billion", "2,000 people signed"), and for a
  count the modifier that says which ("40 additional emergency nurses"). Verbs too common to tell
  one fact from another (say, be, have, make) are passed over, by their frequency in English
  (``wordfreq``), not by a list;
- ``words``: the content lemmas of its sentence besides the figure, rarer first, for telling two
  figures of one measure and word apart;
- ``part``: whether its clause makes it a part of a larger whole ("including 10 tourists", "two
  of them"), by the ``descriptions.part_words`` of ``rules/language.yaml``;
- ``dates``: the days of the other dates its sentence writes.

Lemmas, parts of speech and word frequencies are :mod:`factlint.words`'.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from factlint.knowledge import KnowledgeBase
from factlint.model import Description, Quantity
from factlint.words import FUNCTION, is_common, lemma_of, may_be_verb, rarity
from factlint.words import verb_lemma as _verb_lemma

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
_CLAUSE_MARK = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s")
_AGE = re.compile(r"\s+old\b", re.IGNORECASE)  # "3 years old": an age
_POSSESSIVE = re.compile(r"['’]s?$")
_WORDS_KEPT = 12
_LOOK_BEFORE = 6
_LOOK_AFTER = 6


def describe(
    text: str,
    span: tuple[int, int],
    bounds: tuple[int, int],
    quantity: Quantity | None,
    kind: str,
    kb: KnowledgeBase,
    *,
    dates: tuple[tuple[dt.date, dt.date], ...] = (),
    date_spans: tuple[tuple[int, int], ...] = (),
) -> Description | None:
    """The open description of the figure at ``span`` in its sentence ``bounds``; None for no figure.

    ``dates`` are the days of the dates of its sentence, ``date_spans`` where they are written.
    """
    if quantity is None or kind not in ("money", "percent", "quantity"):
        return None
    start, end = span
    low, high = bounds
    clause_low = _clause_start(text, low, start)
    clause_high = _clause_end(text, end, high)
    before = [(m.group(), m.start()) for m in _TOKEN.finditer(text, clause_low, start)][-_LOOK_BEFORE:]
    years_old = _AGE.match(text, end)
    age = years_old is not None or text[start:end].lower().endswith("-old")
    tail = years_old.end() if years_old else end  # "3 years old": what follows "old"
    after = [(m.group(), m.start()) for m in _TOKEN.finditer(text, tail, clause_high)][:_LOOK_AFTER]
    measure = "age" if age else _measure(quantity, kind, kb)
    counted = kind == "quantity" and measure not in _unit_ids(kb) and not age
    head = _compound_head(text, tail, after, kb, names=True) if age else None
    if not (counted or age):
        head = _compound_head(text, tail, after, kb)
    # A figure that modifies a noun ("the 11-hour flight") measures that noun, whatever its verb.
    verb = None if head else _verb(before[::-1], kb, before=True) or (_verb(after, kb) if counted else None)
    candidates = (
        _share_of(text, after, kb) if kind == "percent" else None,
        _paid_in(text, after, kb, date_spans) if kind == "money" else None,
        head if age else None,
        _linked_noun(before, kb),
        head,
        verb,
        _kind_of(text, start, end, kb) if counted else None,
    )
    about = tuple(dict.fromkeys(word for word in candidates if word))
    figure_words = {lemma_of(m.group())[0] for m in _TOKEN.finditer(text, start, end)}
    words = _context_words(text, low, high, figure_words | set(about), kb)
    return Description(
        measure=measure,
        thing=about[0] if about else "",
        about=about,
        words=words,
        part=_is_part(text, clause_low, start, end, clause_high, kb),
        dates=dates,
    )


def describe_date(
    text: str,
    span: tuple[int, int],
    bounds: tuple[int, int],
    kb: KnowledgeBase,
    dates: tuple[tuple[dt.date, dt.date], ...] = (),
) -> Description:
    """The open description of a date: what happened then ("founded in 2019": found).

    Its measure is "date"; its decisive words the noun a link word joins it to ("a deadline of
    March 3"), the noun it modifies ("the 2016 season") and else its verb ("was drafted in 2003",
    "is expected to be completed in Q2 2025"). ``dates`` are the other dates of its sentence.
    """
    start, end = span
    low, high = bounds
    clause_low = _clause_start(text, low, start)
    clause_high = _clause_end(text, end, high)
    before = [(m.group(), m.start()) for m in _TOKEN.finditer(text, clause_low, start)][-_LOOK_BEFORE:]
    after = [(m.group(), m.start()) for m in _TOKEN.finditer(text, end, clause_high)][:_LOOK_AFTER]
    head = _compound_head(text, end, after, kb)
    verb = None if head else _verb(before[::-1], kb, before=True)
    about = tuple(dict.fromkeys(word for word in (_linked_noun(before, kb), head, verb) if word))
    figure_words = {lemma_of(m.group())[0] for m in _TOKEN.finditer(text, start, end)}
    return Description(
        measure="date",
        thing=about[0] if about else "",
        about=about,
        words=_context_words(text, low, high, figure_words | set(about), kb),
        part=False,
        dates=dates,
    )


@functools.lru_cache(maxsize=16)
def _unit_ids(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(unit.id for unit in kb.units)


def _measure(quantity: Quantity, kind: str, kb: KnowledgeBase) -> str:
    if kind == "money":
        return "money"
    if kind == "percent":
        return "percent"
    return quantity.unit if quantity.unit in _unit_ids(kb) else lemma_of(quantity.unit)[0]


def _clause_start(text: str, low: int, start: int) -> int:
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, low, start)]
    return marks[-1] if marks else low


def _clause_end(text: str, end: int, high: int) -> int:
    mark = _CLAUSE_MARK.search(text, end, high)
    return mark.start() if mark else high


def _compound_head(
    text: str, end: int, after: list[tuple[str, int]], kb: KnowledgeBase, *, names: bool = False
) -> str | None:
    """The last noun of the nouns right after the figure ("$5 million break fee": fee).

    Adjectives before the first noun are passed over ("a 400-megawatt solar farm": farm). With
    ``names``, a name may be that noun ("the 38-year-old Palmer": an age is a person's).
    """
    head = None
    at = end
    for word, position in after[:3]:
        if text[at:position].strip(" -") or word.lower() in kb.function_words:
            break
        lemma, pos = lemma_of(word)
        if names and head is not None and word.lower().endswith("s") and may_be_verb(word):
            break  # "a three-year-old boy calls for help": a person, then their verb
        if word[0].isupper() and names:
            head, at = word.lower(), position + len(word)
            continue
        if pos == "" and head is None and word.islower():
            at = position + len(word)  # "a 400-megawatt solar farm": an adjective before the noun
            continue
        if pos != "NOUN" or word[0].isupper():
            break
        head, at = lemma, position + len(word)
    return head if head is not None and (names or not is_common(head)) else None


def _linked_noun(before: list[tuple[str, int]], kb: KnowledgeBase) -> str | None:
    """The noun a link word joins the figure to ("altitude of 2,300 miles", "empire worth $2 billion")."""
    links = {link for link in kb.label_links if " " not in link} | {"worth", "totalling", "totaling"}
    words = [word.lower() for word, _ in before]
    # Qualifiers ("more than", "about", "nearly") stand between a link and its figure.
    while words and words[-1] in kb.function_words and words[-1] not in links:
        words.pop()
    while words and words[-1] not in links and words[-1] in _qualifier_words(kb):
        words.pop()
    if len(words) < 2 or words[-1] not in links:
        return None
    lemma, pos = lemma_of(words[-2])
    return lemma if pos == "NOUN" and not is_common(lemma) else None


@functools.lru_cache(maxsize=16)
def _qualifier_words(kb: KnowledgeBase) -> frozenset[str]:
    """The single words of the qualifiers written before a number (about, nearly, some)."""
    return frozenset(
        word for phrases in kb.qualifiers_before.values() for phrase in phrases for word in phrase.split()
    )


def _verb(words: list[tuple[str, int]], kb: KnowledgeBase, *, before: bool = False) -> str | None:
    """The first verb of ``words`` that is no attribution and not too common to tell facts apart.

    ``words`` run away from the figure (backwards when ``before``). A word that can be a verb is
    one after a word of ``descriptions.verb_markers`` ("to buy", "will reach").
    """
    for position, (word, _) in enumerate(words):
        lower = word.lower()
        if lower in kb.function_words or lower in _qualifier_words(kb):
            continue  # "an estimated 5%": the qualifier is no verb of the figure
        lemma, pos = lemma_of(word)
        if pos != "VERB" and may_be_verb(word):
            at = position + 1 if before else position - 1
            prior = words[at] if 0 <= at < len(words) else None
            if prior is not None and prior[0].lower() in kb.verb_markers:
                lemma, pos = _verb_lemma(lower), "VERB"
        if pos == "VERB" and not is_common(lemma):
            return lemma
    return None


def _kind_of(text: str, start: int, end: int, kb: KnowledgeBase) -> str | None:
    """The word that says which of the counted things ("40 additional emergency nurses": emergency).

    The modifier nearest the counted noun, when the count has one that is no function, number,
    scale ("million") or qualifier word and not too common to tell things apart ("new").
    """
    words = [match.group().lower() for match in _TOKEN.finditer(text, start, end)]
    modifiers = [
        word
        for word in words[:-1]
        if word not in kb.function_words
        and word not in kb.number_words
        and word not in kb.scale_words
        and word not in _qualifier_words(kb)
    ]
    if not modifiers:
        return None
    lemma = lemma_of(modifiers[-1])[0]
    return None if is_common(lemma) else lemma


def _paid_in(
    text: str, after: list[tuple[str, int]], kb: KnowledgeBase, date_spans: tuple[tuple[int, int], ...]
) -> str | None:
    """What an amount is paid in ("$3.9m in milestone payments"), not when ("in the second quarter")."""
    if len(after) > 1 and any(start <= after[1][1] < end for start, end in date_spans):
        return None
    return _share_of(text, after, kb, link="in")


def _share_of(text: str, after: list[tuple[str, int]], kb: KnowledgeBase, link: str = "of") -> str | None:
    """The whole a percentage is a share of ("14% of its workforce": workforce).

    With ``link`` "in", what an amount is paid in ("$3.9 million in milestone payments").
    """
    if not after or after[0][0].lower() != link:
        return None
    rest = after[1:]
    while rest and (rest[0][0].lower() in kb.function_words or _POSSESSIVE.search(rest[0][0])):
        rest = rest[1:]  # "of the region's electricity demand"
    if not rest:
        return None
    return _compound_head(text, rest[0][1], rest, kb)


def _context_words(text: str, low: int, high: int, leave: set[str], kb: KnowledgeBase) -> tuple[str, ...]:
    """The rarest content lemmas of the sentence, besides the figure's own, rarest first."""
    kept = [lemma for lemma in _sentence_lemmas(text[low:high], kb) if lemma not in leave]
    return tuple(kept[:_WORDS_KEPT])


@functools.lru_cache(maxsize=4096)
def _sentence_lemmas(sentence: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """The content lemmas of a sentence, rarest first (figures of one sentence read it once)."""
    found = set()
    for match in _TOKEN.finditer(sentence):
        word = _POSSESSIVE.sub("", match.group())  # "Harambe's pen" names Harambe
        if word.lower() in kb.function_words:
            continue
        lemma = lemma_of(word)[0]
        if not is_common(lemma, FUNCTION):
            found.add(lemma)
    return tuple(sorted(found, key=lambda lemma: (-rarity(lemma), lemma)))


def _is_part(text: str, clause_low: int, start: int, end: int, clause_high: int, kb: KnowledgeBase) -> bool:
    """Whether words right before or after the figure make it part of a whole ("including 10")."""
    before, after = _part_patterns(kb)
    return bool(
        before.search(text, max(clause_low, start - 30), start) or after.match(text, end, clause_high)
    )


@functools.lru_cache(maxsize=16)
def _part_patterns(kb: KnowledgeBase) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A part word ending right before a figure (a "the" between them), and one right after it."""
    words = "|".join(
        re.escape(word).replace(r"\ ", r"\s+") for word in sorted(kb.part_words, key=len, reverse=True)
    )
    if not words:
        never = re.compile(r"(?!)")
        return never, never
    return (
        re.compile(rf"\b(?:{words})(?:\s+the)?\s*$", re.IGNORECASE),
        re.compile(rf"\s*(?:{words})\b", re.IGNORECASE),
    )

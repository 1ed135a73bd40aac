"""The verb that tells of each date as the day of a completed event, read for FL302.

"On March 12 the company announced...": the date's clause runs between punctuation and the words
of ``boundaries``; the marker nearest to the date in it decides: a completed verb
(``completed_verbs`` in ``rules/frames.yaml``: "announced", "was signed", "died") within ``reach``
words, or a word of the future or present (``future``: "will", "is expected to"), which makes it a
plan. A participle after "is", "be" or "to" is no completed event (``not_past``); a date that is a
deadline or a reference point (``looking_ahead`` right before it or opening its clause: "by",
"until") has no verb, and neither has one that an event noun between the verb and the date takes
for itself (``event_nouns``: "announced a strike on March 12"), unless an occasion word makes
the noun the verb's occasion (``occasions``: "approved the plan at a meeting on 19 June"). A date
that opens its sentence ("On March 12,") belongs to the main clause after it, whose first marker
decides within ``intro_reach`` words. The words are ``event_words`` in ``rules/frames.yaml``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence

from factlint.knowledge import KnowledgeBase
from factlint.model import Claim, Source
from factlint.words import lemma_of

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[,;:()\"“”—–?!]|\s[-]\s")
# The date forms that may leave the year out ("March 12", "12 March"), read a year back if need be.
WITHOUT_YEAR = ("date.mdy", "date.dmy")
_YEAR_WORDS = re.compile(r"\b(?:1[89]\d\d|20\d\d|year|years)\b", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class _Token:
    text: str  # lower case; "" for the date itself; a mark for punctuation
    start: int


def names_a_year(sentence: str, published: dt.date | None = None) -> bool:
    """Whether a sentence names a year ("2025", "last year") that a date of it may be in.

    A year after ``published`` ("a launch in 2027" in a 2026 article) is another event's: it says
    nothing of the year of a day written without one.
    """
    for match in _YEAR_WORDS.finditer(sentence):
        written = match.group()
        if not written.isdigit() or published is None or int(written) <= published.year:
            return True
    return False


def completed_verb(source: Source, claim: Claim, kb: KnowledgeBase) -> str | None:
    """The verb of a completed event that governs the date ``claim``, or None."""
    words = kb.event_words
    tokens = _tokens(source, claim)
    date = next((index for index, token in enumerate(tokens) if token.text == ""), None)
    if date is None:
        return None
    segments = _segments(tokens, date, list(words.get("boundaries", ())))
    (opener, clause, at), following = segments
    ahead = _phrases(words.get("looking_ahead", ()))
    if opener in {" ".join(phrase) for phrase in ahead} or _ends_with(clause[:at], ahead):
        return None
    markers = _markers(clause, kb)
    if markers:
        index, length, verb, done = min(
            markers, key=lambda marker: (_distance(marker[0], marker[1], at), marker[0] > at)
        )
        if not done:
            return None
        between = clause[index + length : at] if index < at else clause[at + 1 : index]
        nouns = set(words.get("event_nouns", ()))
        occasions = set(words.get("occasions", ()))
        occasion = _occasion_words(between, nouns, occasions) if index < at else 0
        if _distance(index, length, at) - 1 - occasion > kb.event_reach:
            return None
        if index < at and any(
            _ends_with(between[: k + 1], ahead) and "on" not in between[k + 1 :] for k in range(len(between))
        ):
            return None  # "postponed until March 12"; but "filed for approval on March 12" is done
        if any(
            (word in nouns or _singular(word) in nouns) and not _after_occasion(between[:k], occasions)
            for k, word in enumerate(between)
        ):
            return None  # "announced a strike on March 12": the date is the strike's
        return verb
    if following is None or at > 3:
        return None
    later = _markers(following, kb)
    if not later:
        return None
    index, _, verb, done = min(later)
    return verb if done and index <= kb.event_intro_reach else None


_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this"})


def _occasion_words(between: Sequence[str], nouns: set[str], occasions: set[str]) -> int:
    """How many words of ``between`` tell the occasion ("at a meeting on"): they count for no reach."""
    for k, word in enumerate(between):
        if (word in nouns or _singular(word) in nouns) and _after_occasion(between[:k], occasions):
            start = max(j for j in range(k) if between[j] in occasions)
            return len(between) - start
    return 0


def _after_occasion(before: Sequence[str], occasions: set[str]) -> bool:
    """Whether the words before an event noun end with an occasion word ("at a meeting")."""
    words = [word for word in before if word not in _ARTICLES]
    return bool(words) and words[-1] in occasions


def _tokens(source: Source, claim: Claim) -> list[_Token]:
    """The words and marks of the claim's sentence, with the date as one empty token."""
    sentence = claim.sentence
    offset = source.text.find(sentence, max(0, claim.span.end - len(sentence)))
    if offset == -1 or offset > claim.span.start:
        sentence, offset = source.text[claim.span.start : claim.span.end], claim.span.start
    tokens = [_Token("", claim.span.start)]
    for match in _TOKEN.finditer(sentence):
        start, end = offset + match.start(), offset + match.end()
        if start < claim.span.end and claim.span.start < end:
            continue
        word = match.group().strip().lower().replace("’", "'")
        if word.endswith("'ll"):  # "we'll" is "we will"
            tokens += [_Token(word[:-3], start), _Token("will", start + len(word) - 3)]
        else:
            tokens.append(_Token(word, start))
    return sorted(tokens, key=lambda token: token.start)


def _segments(
    tokens: list[_Token], date: int, boundaries: list[str]
) -> tuple[tuple[str, list[str], int], list[str] | None]:
    """The date's clause (what opened it, its words, the date's place) and the clause after it."""
    openers: list[str] = [""]
    clauses: list[list[str]] = [[]]
    place: tuple[int, int] | None = None
    for index, token in enumerate(tokens):
        word = token.text
        if (word and not word[0].isalpha()) or word in boundaries:
            openers.append(word if word in boundaries else "")
            clauses.append([])
            continue
        if index == date:
            place = (len(clauses) - 1, len(clauses[-1]))
        clauses[-1].append(word)
    if place is None:  # pragma: no cover - the date is always one token
        return ("", [""], 0), None
    k, at = place
    # Only punctuation separates an opening date from its main clause ("On March 12, the ...").
    following = next((words for words in clauses[k + 1 :] if words), None)
    if k + 1 >= len(clauses) or openers[k + 1]:
        following = None
    return (openers[k], clauses[k], at), following


def _phrases(words: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Each of ``words`` as a phrase of lower-case words."""
    return _phrases_of(tuple(map(str, words)))


@functools.lru_cache(maxsize=64)
def _phrases_of(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    # Asked for a few times a date, always of the same lists: split once.
    return tuple(tuple(word.lower().split()) for word in words)


def _ends_with(words: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(len(words) >= len(phrase) and tuple(words[-len(phrase) :]) == phrase for phrase in phrases)


def _markers(words: list[str], kb: KnowledgeBase) -> list[tuple[int, int, str, bool]]:
    """Each verb marker of a clause: where, how many words, the words, and whether it is done."""
    done = _phrases(kb.completed_verbs)
    future = _phrases(kb.event_words.get("future", ()))
    not_past = set(kb.event_words.get("not_past", ()))
    found: list[tuple[int, int, str, bool]] = []
    taken: set[int] = set()
    starts: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        starts.setdefault(word, []).append(index)
    for phrases, completed in ((done, True), (future, False)):
        for phrase in sorted(phrases, key=len, reverse=True):
            # Only where the phrase's first word stands (every place, for an empty phrase).
            places = starts.get(phrase[0], []) if phrase else range(len(words) + 1)
            for index in places:
                if tuple(words[index : index + len(phrase)]) != phrase or index in taken:
                    continue
                if not completed and len(phrase) == 1 and _as_noun(words, index):
                    continue  # "approved the recovery plan at...": a noun, no word of the future
                taken.update(range(index, index + len(phrase)))
                past = completed and not (index > 0 and words[index - 1] in not_past)
                found.append((index, len(phrase), " ".join(phrase), past))
    return found


def _as_noun(words: list[str], index: int) -> bool:
    """Whether a word that may be a noun stands as one: after an article or a noun, not before "to".

    "the plan", "the recovery plan" are nouns; "plans to", "will" and "expects" are not.
    """
    if index == 0 or (index + 1 < len(words) and words[index + 1] == "to"):
        return False
    if lemma_of(words[index])[1] != "NOUN":
        return False
    before = words[index - 1]
    return before in _ARTICLES or lemma_of(before)[1] == "NOUN"


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _distance(index: int, length: int, at: int) -> int:
    """How many places from a marker to the date (1 when they touch)."""
    return at - (index + length - 1) if index < at else index - at

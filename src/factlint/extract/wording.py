"""The words around each figure that the checks need: direction, growth words, parts, valuations.

Read once per source, with the words of ``figure_words`` in ``rules/frames.yaml``:

- a figure's sentence, as where it begins in the text (figures of one sentence share it);
- its direction: a minus sign, or a word of ``rises`` or ``falls`` right after it, else the last
  such word before it in its sentence ("up $1.37", "$1.37 higher", "fell 4%");
- whether one of ``to_words`` or ``from_words`` stands right before it ("to $27.5 billion from
  $23.1 billion");
- the stock figures of its sentence that a direction word or one of ``separate_moves`` between
  them sets apart ("$0.40, while the index gained 1.5%");
- whether its sentence has one of ``earlier_parts`` ("bringing the total to $8 billion");
- whether its sentence says an investment is valued at it: one of ``investment_words``, then one
  of ``valuation_cues`` within 40 characters of its clause, before the figure;
- the figures its sentence lists with it as its parts or as other shares of one whole
  (:mod:`factlint.extract.lists`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from factlint.extract.lists import ListWords, listed_figures
from factlint.extract.numbers import alternation
from factlint.extract.sentence_context import setting
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim, Source, Wording

_NEVER = re.compile(r"(?!)")  # what no words make: a pattern that matches nothing
STOCK_MOVES = "stock."  # the attributes whose figures of one sentence may be moves set apart


class Words:
    """The patterns of one knowledge's ``figure_words``."""

    def __init__(self, kb: KnowledgeBase) -> None:
        words = kb.figure_words
        self.rises = _words_pattern(tuple(words.get("rises", ())))
        self.falls = _words_pattern(tuple(words.get("falls", ())))
        self.apart = phrase_pattern(words.get("separate_moves", ()))
        self.to_words = tuple(words.get("to_words", ()))
        self.from_words = tuple(words.get("from_words", ()))
        self.earlier = phrase_pattern(words.get("earlier_parts", ()))
        self.valued = _valued_pattern(
            tuple(words.get("investment_words", ())), tuple(words.get("valuation_cues", ()))
        )
        self.lists = ListWords.of(
            tuple(words.get("total_before", ())),
            tuple(words.get("total_after", ())),
            (*words.get("partial_lists", ()), *words.get("earlier_parts", ())),
            frozenset(
                word
                for key in ("not_parts", "rises", "falls")
                for phrase in words.get(key, ())
                for word in phrase.lower().split()
            ),
        )


def figure_wordings(source: Source, claims: Sequence[Claim], kb: KnowledgeBase) -> dict[str, Wording]:
    """The wording around each figure (a claim with a quantity) of ``source``, by claim id."""
    words = _words_of(kb)
    text = source.text
    figures = sorted((claim for claim in claims if claim.quantity is not None), key=lambda c: c.span.start)
    sentence = {claim.id: sentence_start(text, claim) for claim in figures}
    apart = _apart(text, figures, sentence, words)
    listed = listed_figures(text, figures, sentence, words.lists)
    earlier: dict[str, bool] = {}
    found = {}
    for claim in figures:
        lowered = claim.sentence.lower()
        if lowered not in earlier:
            earlier[lowered] = words.earlier.search(lowered) is not None
        before = text[sentence[claim.id] : claim.span.start].lower().rstrip(" $€£¥(")
        found[claim.id] = Wording(
            claim.id,
            sentence[claim.id],
            direction=_direction(text, claim, sentence[claim.id], words),
            after_to=_ends_with_any(before, words.to_words),
            after_from=_ends_with_any(before, words.from_words),
            apart=apart.get(claim.id, ()),
            more_parts=earlier[lowered],
            of_investment=_of_investment(claim, words.valued),
            listed=listed.get(claim.id),
            **setting(text, claim, kb),
        )
    return found


def sentence_start(text: str, claim: Claim) -> int:
    """Where the claim's sentence begins in ``text`` (the claim's own start when it is not found)."""
    end = claim.span.start + len(claim.sentence)
    start = text.rfind(claim.sentence, 0, end) if claim.sentence else -1
    ok = start >= 0 and claim.span.end <= start + len(claim.sentence)
    return start if ok else claim.span.start


def _direction(text: str, claim: Claim, sentence: int, words: Words) -> int | None:
    """+1 for a rise, -1 for a fall, None when the sign and the words around the figure do not say."""
    quantity = claim.quantity
    if quantity is not None and quantity.value is not None and quantity.value < 0:
        return -1
    sign = text[max(claim.span.start - 1, 0) : claim.span.start]
    if sign in ("-", "−") or text[claim.span.start : claim.span.start + 1] in ("-", "−"):
        return -1
    after = text[claim.span.end : claim.span.end + 12].lower()
    for pattern, direction in ((words.rises, 1), (words.falls, -1)):
        if pattern.match(after.lstrip(" ")):
            return direction
    before = text[sentence : claim.span.start].lower()
    found = [(match.end(), 1) for match in words.rises.finditer(before)]
    found += [(match.end(), -1) for match in words.falls.finditer(before)]
    return max(found)[1] if found else None


def _apart(
    text: str, figures: Sequence[Claim], sentence: dict[str, int], words: Words
) -> dict[str, tuple[str, ...]]:
    """For each stock figure, the stock figures of its sentence that words between them set apart."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in figures:
        if (claim.attribute or "").startswith(STOCK_MOVES):
            by_sentence.setdefault(sentence[claim.id], []).append(claim)
    apart: dict[str, list[str]] = {}
    for members in by_sentence.values():
        for index, first in enumerate(members):
            for second in members[index + 1 :]:
                between = text[first.span.end : second.span.start].lower()
                if words.rises.search(between) or words.falls.search(between) or words.apart.search(between):
                    apart.setdefault(first.id, []).append(second.id)
                    apart.setdefault(second.id, []).append(first.id)
    return {claim_id: tuple(others) for claim_id, others in apart.items()}


def _ends_with_any(before: str, phrases: Sequence[str]) -> bool:
    """Whether ``before`` ends with one of ``phrases`` standing as a word (no word letter before it).

    The same as searching for the phrase after a non-word character or the start and before the
    end or a final line break, but checked with ``endswith`` instead of trying a pattern at every
    character of the sentence before each figure.
    """
    ends = (before, before[:-1]) if before.endswith("\n") else (before,)
    for end in ends:
        for phrase in phrases:
            if end.endswith(phrase):
                at = len(end) - len(phrase)
                if at == 0 or not _WORD_LETTER.match(end, at - 1):
                    return True
    return False


_WORD_LETTER = re.compile(r"\w")


def _of_investment(claim: Claim, pattern: re.Pattern[str]) -> bool:
    """Whether the claim's sentence says an investment (not a company) is valued at it."""
    sentence = claim.sentence
    before = sentence[: sentence.find(claim.text)] if claim.text in sentence else sentence
    return pattern.search(before) is not None


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of ``phrases`` (lower case) standing as whole words."""
    return _phrase_pattern(tuple(phrases))


# The patterns are asked for once a source, always for the same words: built once.
@functools.lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    if not phrases:
        return _NEVER
    alternatives = alternation((phrase.lower() for phrase in phrases), flexible=False)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@functools.lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return _NEVER
    return re.compile(rf"\b(?:{alternation(words, flexible=False)})\b")


@functools.lru_cache(maxsize=16)
def _valued_pattern(investments: tuple[str, ...], cues: tuple[str, ...]) -> re.Pattern[str]:
    if not investments or not cues:
        return _NEVER
    words = "|".join(re.escape(word) for word in investments)
    said = "|".join(re.escape(cue) for cue in cues)
    return re.compile(rf"\b(?:{words})s?\b[^,;.]{{0,40}}\b(?:{said})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _words_of(kb: KnowledgeBase) -> Words:
    return Words(kb)

"""One source's claims as the sums read them: by sentence, with the parties, day and direction of each."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from factlint.extract.numbers import alternation
from factlint.model import Claim, Evidence, Source
from factlint.rules.context import quote
from factlint.rules.sums.figures import written

PRICE, CHANGE, PERCENT, RANGE = "stock.price", "stock.change", "stock.change_pct", "stock.range"
STOCK = (PRICE, CHANGE, PERCENT, RANGE)


class Sheet:
    """One source's claims: by sentence, with the parties and day each speaks of."""

    def __init__(
        self, source: Source, claims: list[Claim], groups: dict[str, tuple[str, ...]], params: Any
    ) -> None:
        self.source = source
        self.claims = claims
        self.groups = groups
        self.params = params
        self.sentence: dict[str, int] = {}
        for claim in claims:
            end = claim.span.start + len(claim.sentence)
            start = source.text.rfind(claim.sentence, 0, end) if claim.sentence else -1
            ok = start >= 0 and claim.span.end <= start + len(claim.sentence)
            self.sentence[claim.id] = start if ok else claim.span.start
        self._rises = _words(params["rises"])
        self._falls = _words(params["falls"])
        self._apart = phrase_pattern(params["separate_moves"])
        self._stock_subjects: set[str] = set()  # filled below, through parties() as it stands without it
        self._stock_subjects = {
            subject for claim in claims if claim.attribute in STOCK and (subject := self.parties(claim)[0])
        }

    def of(self, attribute: str) -> list[Claim]:
        """The claims of ``attribute`` with a written figure, in text order."""
        return [claim for claim in self.claims if claim.attribute == attribute and written(claim)]

    def together(self, a: Claim, b: Claim) -> bool:
        """Whether two claims stand in one sentence."""
        return self.sentence[a.id] == self.sentence[b.id]

    def parties(self, claim: Claim) -> tuple[str, str]:
        """Subject and counterparty, as matching reconciled them ("AWS" investing is Amazon).

        A stock figure that names no company is of the one company whose stock the source speaks of.
        """
        key = self.groups.get(claim.id)
        subject, counterparty = (key[0], key[1]) if key else (claim.subject or "", claim.counterparty or "")
        if not subject and claim.attribute in STOCK and len(self._stock_subjects) == 1:
            subject = next(iter(self._stock_subjects))
        return subject, counterparty

    def same_parties(self, a: Claim, b: Claim, *, named: bool = False) -> bool:
        """Whether two claims speak of the same parties.

        A claim that names no party fits any, unless ``named`` asks for one subject named by both,
        as figures of different sentences must.
        """
        (subject_a, counterparty_a), (subject_b, counterparty_b) = self.parties(a), self.parties(b)
        if named and (not subject_a or subject_a != subject_b):
            return False
        pairs = ((subject_a, subject_b), (counterparty_a, counterparty_b))
        return all(x == y or not x or not y for x, y in pairs)

    def same_day(self, a: Claim, b: Claim, *, strict: bool = False) -> bool:
        """Whether two stock figures speak of one day.

        Unless ``strict``, a day guessed from the publication date gives way to one the other
        figure's words give (in one sentence, "on Tuesday" is often attached to one figure only).
        """
        if _day(a) == _day(b):
            return True
        if strict:
            return False
        guessed = (None, "publication")
        return (a.refers_to.resolution if a.refers_to else None) in guessed or (
            b.refers_to.resolution if b.refers_to else None
        ) in guessed

    def direction(self, claim: Claim) -> int | None:
        """+1 for a rise, -1 for a fall, None when the words around the figure do not say."""
        quantity = claim.quantity
        if quantity is not None and quantity.value is not None and quantity.value < 0:
            return -1
        text = self.source.text
        sign = text[max(claim.span.start - 1, 0) : claim.span.start]
        if sign in ("-", "−") or text[claim.span.start : claim.span.start + 1] in ("-", "−"):
            return -1
        after = text[claim.span.end : claim.span.end + 12].lower()
        for pattern, direction in ((self._rises, 1), (self._falls, -1)):
            if pattern.match(after.lstrip(" ")):
                return direction
        before = text[self.sentence[claim.id] : claim.span.start].lower()
        found = [(match.end(), 1) for match in self._rises.finditer(before)]
        found += [(match.end(), -1) for match in self._falls.finditer(before)]
        return max(found)[1] if found else None

    def apart(self, a: Claim, b: Claim) -> bool:
        """Whether words between two figures of a sentence make them two moves.

        A direction word or a word of ``separate_moves`` does: "$0.40, while the index gained 1.5%".
        """
        first, second = sorted((a, b), key=lambda claim: claim.span.start)
        between = self.source.text[first.span.end : second.span.start].lower()
        return bool(self._rises.search(between) or self._falls.search(between) or self._apart.search(between))

    def preceded_by(self, claim: Claim, phrases: Sequence[str]) -> bool:
        """Whether the claim's sentence has one of ``phrases`` right before the figure."""
        before = self.source.text[self.sentence[claim.id] : claim.span.start].lower().rstrip(" $€£¥(")
        return any(re.search(rf"(?:^|\W){re.escape(phrase)}$", before) for phrase in phrases)

    def sentence_text(self, claim: Claim) -> str:
        """The claim's sentence in lower case."""
        return claim.sentence.lower()

    def quotes(self, claims: Iterable[Claim]) -> list[Evidence]:
        """The claims as evidence, in text order."""
        return [quote(claim) for claim in sorted(claims, key=lambda c: c.span.start)]


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of ``phrases`` (lower case) standing as whole words."""
    return _phrase_pattern(tuple(phrases))


# The patterns are asked for once a source, always for the same words: built once.
@functools.lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = alternation((phrase.lower() for phrase in phrases), flexible=False)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _words(words: Iterable[str]) -> re.Pattern[str]:
    return _words_pattern(tuple(words))


@functools.lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(words, flexible=False)})\b")


def _day(claim: Claim) -> tuple[Any, ...]:
    time = claim.refers_to
    if time is None:
        return (None,)
    return (time.start, time.end, time.text if time.precision == "session" else None)

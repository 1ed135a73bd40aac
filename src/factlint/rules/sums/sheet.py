"""One source's claims as the sums read them: by sentence, with the parties, day and direction of each.

What the words around each figure say (its sentence, direction, the words before it) was read by
extraction (:class:`factlint.model.Wording`, from ``figure_words`` in ``rules/frames.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factlint.model import Claim, Evidence, Source, Wording
from factlint.rules.context import quote
from factlint.rules.sums.figures import written

PRICE, CHANGE, PERCENT, RANGE = "stock.price", "stock.change", "stock.change_pct", "stock.range"
STOCK = (PRICE, CHANGE, PERCENT, RANGE)


class Sheet:
    """One source's claims: by sentence, with the parties and day each speaks of."""

    def __init__(
        self,
        source: Source,
        claims: list[Claim],
        groups: dict[str, tuple[str, ...]],
        wordings: dict[str, Wording],
    ) -> None:
        self.source = source
        self.claims = claims
        self.groups = groups
        self.wordings = wordings
        self._stock_subjects: set[str] = set()  # filled below, through parties() as it stands without it
        self._stock_subjects = {
            subject for claim in claims if claim.attribute in STOCK and (subject := self.parties(claim)[0])
        }

    def of(self, attribute: str) -> list[Claim]:
        """The claims of ``attribute`` with a written figure, in text order."""
        return [claim for claim in self.claims if claim.attribute == attribute and written(claim)]

    def together(self, a: Claim, b: Claim) -> bool:
        """Whether two claims stand in one sentence."""
        return self.wordings[a.id].sentence == self.wordings[b.id].sentence

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
        return self.wordings[claim.id].direction

    def apart(self, a: Claim, b: Claim) -> bool:
        """Whether words between two stock figures of a sentence make them two moves.

        A direction word or a word of ``separate_moves`` does: "$0.40, while the index gained 1.5%".
        """
        return b.id in self.wordings[a.id].apart

    def quotes(self, claims: Iterable[Claim]) -> list[Evidence]:
        """The claims as evidence, in text order."""
        return [quote(claim) for claim in sorted(claims, key=lambda c: c.span.start)]


def _day(claim: Claim) -> tuple[Any, ...]:
    time = claim.refers_to
    if time is None:
        return (None,)
    return (time.start, time.end, time.text if time.precision == "session" else None)

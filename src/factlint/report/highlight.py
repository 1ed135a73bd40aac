"""Where claims stand in their text: a quote in its sentence, and a source cut into marked pieces.

The HTML template escapes every piece; this module only decides where the cuts fall, so that the
marked text is always exactly the source's text, character for character.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Sequence

from factlint.model import Claim, Evidence, Source

CONTEXT = 120  # characters shown on each side of a quote whose sentence is unknown


@dataclasses.dataclass(frozen=True)
class Piece:
    """A run of a source's text and the claims that cover all of it (none for plain text)."""

    text: str
    claims: tuple[Claim, ...] = ()
    starts: tuple[Claim, ...] = ()

    @property
    def kinds(self) -> str:
        """The claim kinds covering the piece, for a CSS class: "money", "date role"."""
        return " ".join(sorted({claim.kind for claim in self.claims}))

    @property
    def title(self) -> str:
        """What the covering claims are, for a tooltip: "money investment.total; date"."""
        return "; ".join(" ".join(filter(None, (claim.kind, claim.attribute))) for claim in self.claims)


@dataclasses.dataclass(frozen=True)
class InSentence:
    """A quote with the words around it: ``before`` + ``quote`` + ``after`` is the text shown."""

    before: str
    quote: str
    after: str
    located: bool


def marked_pieces(text: str, claims: Iterable[Claim]) -> list[Piece]:
    """``text`` cut at every claim boundary; each piece lists the claims covering it.

    Overlapping claims (a role inside a sentence that also holds a date) split into pieces that
    carry both. Spans outside the text are ignored. ``"".join(p.text for p in pieces) == text``.
    """
    inside = [claim for claim in claims if claim.span.end <= len(text) and claim.span.start < claim.span.end]
    cuts = sorted({0, len(text), *(c.span.start for c in inside), *(c.span.end for c in inside)})
    ordered = sorted(inside, key=lambda claim: (claim.span.start, -claim.span.end, claim.id))
    pieces = []
    active: list[Claim] = []  # the claims open at the current cut, in ``ordered`` order
    upcoming = 0
    for start, end in itertools.pairwise(cuts):
        active = [claim for claim in active if claim.span.end > start]
        starting = []
        while upcoming < len(ordered) and ordered[upcoming].span.start == start:
            starting.append(ordered[upcoming])
            upcoming += 1
        # Claims that began earlier are ordered before those beginning here.
        active.extend(starting)
        pieces.append(Piece(text[start:end], tuple(active), tuple(starting)))
    return pieces


def in_sentence(evidence: Evidence, source: Source | None, claim: Claim | None) -> InSentence:
    """The evidence's quote inside its sentence, found in the source text where possible."""
    span = evidence.span
    if source is None or span is None or span.end > len(source.text):
        return InSentence("", evidence.quote, "", False)
    text = source.text
    start, end = _sentence_bounds(text, span.start, span.end, claim.sentence if claim else None)
    return InSentence(text[start : span.start], text[span.start : span.end], text[span.end : end], True)


def _sentence_bounds(text: str, start: int, end: int, sentence: str | None) -> tuple[int, int]:
    """The claim's own sentence around ``[start, end)`` when it can be found, else a window."""
    if sentence:
        at = text.find(sentence, max(0, end - len(sentence)))
        while at != -1 and at <= start:
            if end <= at + len(sentence):
                return at, at + len(sentence)
            at = text.find(sentence, at + 1)
    return _word_edge(text, max(0, start - CONTEXT), -1), _word_edge(text, min(len(text), end + CONTEXT), 1)


def _word_edge(text: str, at: int, step: int) -> int:
    """``at`` moved outward to the nearest whitespace, so that a window does not cut a word."""
    limit = 0 if step < 0 else len(text)
    while at != limit and not text[at if step > 0 else at - 1].isspace():
        at += step
    return at


def claims_by_source(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Claims grouped by their source id, in the order they were found."""
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.source_id, []).append(claim)
    return grouped

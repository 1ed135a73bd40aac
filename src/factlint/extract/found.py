"""What an extractor returns before it becomes a claim: a kind, a span and a value."""

from __future__ import annotations

import bisect
import dataclasses

from factlint.model import Description, Listing, Quantity, Role, TimeRef


@dataclasses.dataclass(frozen=True)
class Found:
    """One extracted value at ``[start, end)`` of the text, by the extractor named."""

    kind: str
    start: int
    end: int
    extractor: str
    quantity: Quantity | None = None
    time: TimeRef | None = None
    role: Role | None = None
    listing: Listing | None = None
    subject: str | None = None
    counterparty: str | None = None
    attribute: str | None = None
    aspect: str | None = None
    modality: str | None = None
    refers_to: TimeRef | None = None
    described: Description | None = None


class Occupied:
    """Non-overlapping spans, sorted once, so that overlap checks cost a bisection."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        ordered = sorted(spans or [])
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with one of the spans."""
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start


def without_overlaps(found: list[Found]) -> list[Found]:
    """``found`` in text order, dropping every item that overlaps one kept before it."""
    kept: list[Found] = []
    reach = -1
    for item in sorted(found, key=lambda item: (item.start, -item.end)):
        if item.start >= reach:
            kept.append(item)
            reach = item.end
    return kept

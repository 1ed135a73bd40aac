"""What an extractor returns before it becomes a claim: a kind, a span and a value."""

from __future__ import annotations

import bisect
import dataclasses

from factlint.model import Quantity, TimeRef


@dataclasses.dataclass(frozen=True)
class Found:
    """One extracted value at ``[start, end)`` of the text, by the extractor named."""

    kind: str
    start: int
    end: int
    extractor: str
    quantity: Quantity | None = None
    time: TimeRef | None = None


class Occupied:
    """Non-overlapping spans already claimed, kept sorted, so overlap checks cost a bisection."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans or []):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with a claimed span."""
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start

    def add(self, start: int, end: int) -> None:
        """Claim ``[start, end)`` (callers add only spans that do not overlap)."""
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)

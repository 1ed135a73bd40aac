"""What an extractor returns before it becomes a claim: a kind, a span and a value."""

from __future__ import annotations

import dataclasses

from factlint.model import Quantity


@dataclasses.dataclass(frozen=True)
class Found:
    """One extracted value at ``[start, end)`` of the text, by the extractor named."""

    kind: str
    start: int
    end: int
    extractor: str
    quantity: Quantity | None = None

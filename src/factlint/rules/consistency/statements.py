"""A value a document gives for a labelled thing, and which of them can be one value."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from factlint.model import Span


@dataclasses.dataclass(frozen=True)
class Statement:
    """One value given for a labelled thing: from the front matter (no span) or the text."""

    label: tuple[str, ...]
    kind: str  # "number" or "date"
    quote: str
    shown: str
    span: Span | None = None
    value: float | None = None
    unit: str = ""
    step: float = 0.0
    first: dt.date | None = None
    last: dt.date | None = None
    key: str | None = None
    moment: dt.datetime | None = None
    unit_word: str = ""
    from_meta: bool = False
    at: int | None = None
    linked: bool = True
    context: frozenset[object] = frozenset()
    places: frozenset[str] = frozenset()


def same(one: Statement, other: Statement, cap: float) -> bool:
    """Whether two statements can give the same value (rounding aside; time zones are a note)."""
    if one.kind == "date":
        if one.first is None or other.first is None:
            return True
        return one.first <= (other.last or other.first) and other.first <= (one.last or one.first)
    if one.value is None or other.value is None:
        return True
    if not one.from_meta and not other.from_meta and one.unit != other.unit:
        return True  # figures in different units say nothing against each other
    pairs = [(one.value, other.value)]
    for meta, body in ((one, other), (other, one)):
        if meta.from_meta and body.unit == "%" and abs(meta.value or 0.0) <= 1:
            pairs.append(((meta.value or 0.0) * 100, body.value or 0.0))
    for a, b in pairs:
        size = max(abs(a), abs(b))
        allowed = min(max(one.step, other.step) * 0.98, cap * size) if size else 0.0
        if abs(a - b) <= max(allowed, 1e-9 * max(size, 1.0)):
            return True
    return False


def clusters(items: Sequence[Statement], cap: float) -> list[list[Statement]]:
    """Statements that can give one value, together; in order of first appearance.

    The text's values are swept in order of size, so that a long list costs its sort; a front-matter
    value joins the first cluster it can be.
    """
    body = [item for item in items if not item.from_meta]
    body.sort(key=lambda item: (item.unit, item.first or dt.date.min, item.value or 0.0))
    found: list[list[Statement]] = []
    for item in body:
        if found and same(item, found[-1][-1], cap):
            found[-1].append(item)
        else:
            found.append([item])
    for meta in (item for item in items if item.from_meta):
        joined = next(
            (cluster for cluster in found if any(same(meta, other, cap) for other in cluster)), None
        )
        if joined is not None:
            joined.insert(0, meta)
        else:
            found.insert(0, [meta])
    return sorted(found, key=lambda cluster: min(_order(item) for item in cluster))


def _order(item: Statement) -> int:
    return -1 if item.span is None else item.span.start

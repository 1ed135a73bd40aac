"""The labelled values extraction found in a document's text, as the statements FL101 compares.

Extraction (:mod:`factlint.extract.labelled`) reads each number and date of the text with the label
written before it and what its sentence says besides it; here each becomes a :class:`Statement`,
whose ``context`` (the other dates and the parts of its sentence) and ``places`` tell two values of
one label apart.
"""

from __future__ import annotations

from factlint.model import Labelled, Reading
from factlint.rules.consistency.statements import Statement


def stated(reading: Reading) -> list[Statement]:
    """The statements of a document's text, in the order extraction found them."""
    return [statement(item) for item in reading.labelled]


def statement(item: Labelled) -> Statement:
    """One labelled value as a statement of the text."""
    return Statement(
        item.label,
        item.kind,
        item.quote,
        item.shown,
        item.span,
        value=item.value,
        unit=item.unit,
        step=item.step,
        first=item.first,
        last=item.last,
        unit_word=item.unit_word,
        at=item.at,
        linked=item.linked,
        context=frozenset((*item.dates, *item.scopes)),
        places=frozenset(item.places),
    )

"""Claims as a pandas table: one row per claim, the columns every later tool reads.

pandas is imported only here, so commands that do not build tables start fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from factlint.model import Claim

if TYPE_CHECKING:
    import pandas

COLUMNS = (
    "source",
    "start",
    "end",
    "quote",
    "sentence",
    "kind",
    "subject",
    "counterparty",
    "attribute",
    "aspect",
    "value",
    "unit",
    "low",
    "high",
    "qualifier",
    "vague",
    "time_start",
    "time_end",
    "time_precision",
    "time_resolved",
    "extractor",
)

NUMBER_COLUMNS = ("value", "low", "high")
TEXT_COLUMNS = tuple(column for column in COLUMNS if column not in {"start", "end", "vague", *NUMBER_COLUMNS})


def claim_row(claim: Claim) -> dict[str, object]:
    """One claim as a flat row (None where a claim has no such field)."""
    quantity, time = claim.quantity, claim.refers_to or claim.time
    return {
        "source": claim.source_id,
        "start": claim.span.start,
        "end": claim.span.end,
        "quote": claim.text,
        "sentence": claim.sentence,
        "kind": claim.kind,
        "subject": claim.subject,
        "counterparty": claim.counterparty,
        "attribute": claim.attribute,
        "aspect": claim.aspect,
        "value": quantity.value if quantity else None,
        # A role's title or a listing's EXCHANGE:TICKER stands in the unit column, "former" in qualifier.
        "unit": quantity.unit if quantity else _label(claim),
        "low": quantity.low if quantity else None,
        "high": quantity.high if quantity else None,
        "qualifier": quantity.qualifier
        if quantity
        else ("former" if claim.role and claim.role.former else None),
        "vague": quantity.vague if quantity else False,
        "time_start": time.start.isoformat() if time and time.start else None,
        "time_end": time.end.isoformat() if time and time.end else None,
        "time_precision": time.precision if time else None,
        "time_resolved": time.resolution if time else None,
        "extractor": claim.extractor,
    }


def _label(claim: Claim) -> str | None:
    """What stands in the unit column for claims without a quantity: a title, a listing."""
    if claim.role is not None:
        return claim.role.title
    if claim.listing is not None:
        return f"{claim.listing.exchange}:{claim.listing.ticker}"
    return None


def claims_table(claims: Iterable[Claim]) -> pandas.DataFrame:
    """A DataFrame with :data:`COLUMNS`, a row a claim (:func:`factlint.claims_table` extracts sources)."""
    import pandas

    frame = pandas.DataFrame([claim_row(claim) for claim in claims], columns=list(COLUMNS))
    frame = frame.astype({"start": "int64", "end": "int64", "vague": "bool"})
    for column in TEXT_COLUMNS:  # missing text is None, not NaN
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    for column in NUMBER_COLUMNS:
        frame[column] = frame[column].astype("float64")
    return frame

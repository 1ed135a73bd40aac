"""Structured claims from a table: one row a claim, typed values, one-line errors naming the file.

The table has the columns ``source, subject, attribute, value`` and, optionally, ``unit,
qualifier, as_of, counterparty`` (names in any case; CSV, or TSV by its ``.tsv`` extension).
Every cell is read as text; values are typed by :mod:`factlint.structured.values`. Rows whose
value says nothing ("", "Not Available") are counted and left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd

from factlint.bulk import collector_paused
from factlint.knowledge import KnowledgeBase
from factlint.match.textvalues import is_missing
from factlint.model import Claim, Span, TimeRef
from factlint.structured.values import Value, parse_moment, parse_value

REQUIRED = ("source", "subject", "attribute", "value")
OPTIONAL = ("unit", "qualifier", "as_of", "counterparty")


class TableError(ValueError):
    """A table that cannot be read, with a message that names the file."""


@dataclasses.dataclass(frozen=True)
class Table:
    """The claims of a table, their typed values by claim id, and the rows left out."""

    claims: tuple[Claim, ...]
    values: dict[str, Value]
    skipped: int = 0


def read_frame(path: Path) -> pd.DataFrame:
    """The table at ``path`` with every cell as text and column names in lower case."""
    separator = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        frame = pd.read_csv(path, sep=separator, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise TableError(f"{path}: cannot read the table: {str(exc).splitlines()[0]}") from exc
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    missing = [column for column in REQUIRED if column not in frame.columns]
    if missing:
        raise TableError(
            f"{path}: missing column(s) {', '.join(missing)}; a claims table needs {', '.join(REQUIRED)}"
        )
    return frame


def claims_from_frame(frame: pd.DataFrame, kb: KnowledgeBase, name: str = "table") -> Table:
    """A claim for every row of ``frame`` that has a value."""
    with collector_paused():
        return _claims_from_frame(frame, kb, name)


def _claims_from_frame(frame: pd.DataFrame, kb: KnowledgeBase, name: str) -> Table:
    columns = {column: frame[column].tolist() for column in (*REQUIRED, *OPTIONAL) if column in frame.columns}
    blank = [""] * len(frame)
    claims: list[Claim] = []
    values: dict[str, Value] = {}
    skipped = 0
    for row, (source, subject, attribute, text, unit, qualifier, as_of, counterparty) in enumerate(
        zip(*(columns.get(column, blank) for column in (*REQUIRED, *OPTIONAL)), strict=True)
    ):
        if is_missing(text) or not str(source).strip():
            skipped += 1
            continue
        value = parse_value(text, kb, unit or None, qualifier or None)
        ident = f"{name}:{row + 2}"  # the line of the row in the file, after the header
        claims.append(
            Claim(
                id=ident,
                source_id=str(source).strip(),
                span=Span(0, len(value.text)),
                text=value.text,
                sentence="",
                kind=value.kind,
                extractor="table",
                attribute=" ".join(str(attribute).split()).lower() or None,
                subject=" ".join(str(subject).split()).lower() or None,
                counterparty=" ".join(str(counterparty).split()).lower() or None,
                quantity=value.quantity,
                refers_to=_as_of(as_of),
            )
        )
        values[ident] = value
    return Table(tuple(claims), values, skipped)


def read_table(path: Path, kb: KnowledgeBase) -> Table:
    """The claims of the table at ``path`` (raises :class:`TableError` naming the file)."""
    return claims_from_frame(read_frame(path), kb, path.name)


def _as_of(text: str) -> TimeRef | None:
    """The time a row speaks of, from its ``as_of`` cell (a date in any common format)."""
    cell = str(text).strip()
    if not cell:
        return None
    if cell.isdigit() and len(cell) == 4:
        year = int(cell)
        return TimeRef(cell, dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "absolute")
    moment = parse_moment(cell)
    if (
        moment is None
        or moment.quantity is None
        or moment.quantity.low is None
        or moment.quantity.high is None
    ):
        return TimeRef(cell)
    start = dt.date(1970, 1, 1) + dt.timedelta(seconds=moment.quantity.low)
    end = dt.date(1970, 1, 1) + dt.timedelta(seconds=moment.quantity.high)
    return TimeRef(cell, start, end, moment.kind, "absolute")

"""Structured claims: a table of (source, subject, attribute, value) rows, typed and reconciled.

``read_table(path, kb)`` reads the table (:mod:`factlint.structured.table`), values are typed by
:mod:`factlint.structured.values`, and ``table_consensus(table, kb)`` gives the consensus per
(subject, attribute) with agreement, conflicts and source weights
(:mod:`factlint.structured.consensus`).
"""

from factlint.structured.consensus import COLUMNS, Consensus, table_consensus
from factlint.structured.table import Table, TableError, claims_from_frame, read_table

__all__ = [
    "COLUMNS",
    "Consensus",
    "Table",
    "TableError",
    "claims_from_frame",
    "read_table",
    "table_consensus",
]

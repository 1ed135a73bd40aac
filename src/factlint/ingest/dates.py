"""Moved to :mod:`factlint.dates`; these names stay until ``rules/consistency`` stops using them."""

from __future__ import annotations

from factlint.dates import MONTHS, parse_iso, parse_written

__all__ = ["MONTHS", "parse_iso", "parse_written"]

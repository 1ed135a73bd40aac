"""The JSON report: ``to_dict`` of the Report with a generator marker, byte-identical per input."""

from __future__ import annotations

import json
from typing import Any

from factlint.model import Report, to_dict

SCHEMA = "factlint-report/1"


def report_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-compatible data: ``generator`` and ``schema`` first, then the fields."""
    return {"generator": "factlint", "schema": SCHEMA, **to_dict(report)}


def dumps(data: Any) -> str:
    """Deterministic JSON text: two-space indent, UTF-8 characters kept, no NaN, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_json(report: Report) -> str:
    """The whole report as JSON text."""
    return dumps(report_dict(report))

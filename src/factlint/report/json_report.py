"""The JSON report: ``to_dict`` of the Report with a generator marker, byte-identical per input."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
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
    return "".join(stream_json(report))


_RECORDS = ("sources", "findings", "claims", "groups")


def stream_json(report: Report) -> Iterator[str]:
    """The JSON report's text in pieces, a record at a time, as ``dumps(report_dict(report))`` writes it.

    Only one record is turned into data at a time, so an archive's report never sits in memory
    twice (as records and as one nested structure of dicts).
    """
    fields = {"generator": "factlint", "schema": SCHEMA}
    fields.update({field.name: getattr(report, field.name) for field in dataclasses.fields(report)})
    yield "{"
    for index, (key, value) in enumerate(fields.items()):
        yield ("," if index else "") + "\n  " + json.dumps(key) + ": "
        if key in _RECORDS and value:
            yield "["
            for number, record in enumerate(value):
                yield ("," if number else "") + "\n    " + _indented(to_dict(record), "    ")
            yield "\n  ]"
        else:
            yield _indented(to_dict(value), "  ")
    yield "\n}\n"


def _indented(data: Any, prefix: str) -> str:
    """``data`` as indented JSON nested ``prefix`` deep (its first line left for the caller to place)."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False).replace("\n", "\n" + prefix)


LINES_SCHEMA = "factlint-report-lines/1"


def stream_json_lines(report: Report) -> Iterator[str]:
    """The report as JSON Lines, made one line at a time as it is written.

    A header first (generator, schema, version, inputs, counts), then each source, claim, group
    and finding as ``{"record": KIND, ...}`` with the JSON report's fields, in its order.
    """
    yield _line(
        {
            "generator": "factlint",
            "schema": LINES_SCHEMA,
            "record": "header",
            "version": report.version,
            "inputs": list(report.inputs),
            "counts": {
                "sources": len(report.sources),
                "claims": len(report.claims),
                "groups": len(report.groups),
                "findings": len(report.findings),
            },
        }
    )
    for kind, records in (
        ("source", report.sources),
        ("claim", report.claims),
        ("group", report.groups),
        ("finding", report.findings),
    ):
        for record in records:
            yield _line({"record": kind, **to_dict(record)})


def _line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False) + "\n"

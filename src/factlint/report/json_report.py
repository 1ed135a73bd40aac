"""The JSON report: ``to_dict`` of the Report with a generator marker, byte-identical per input."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

from factlint.model import Report, record_fields, to_dict

SCHEMA = "factlint-report/2"


def report_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-compatible data: ``generator`` and ``schema`` first, then the fields."""
    return {"generator": "factlint", "schema": SCHEMA, **to_dict(report)}


def dumps(data: Any) -> str:
    """Deterministic JSON text: two-space indent, UTF-8 characters kept, no NaN, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_json(report: Report) -> str:
    """The whole report as JSON text (see :func:`report_json`)."""
    return "".join(stream_json(report))


_RECORDS = ("sources", "findings", "claims", "groups")


def stream_json(report: Report) -> Iterator[str]:
    """The JSON report's text in pieces, a record at a time: :func:`report_json` of the report.

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
                yield ("," if number else "") + "\n    " + _line_of(record)
            yield "\n  ]"
        else:
            yield _line_of(value)
    yield "\n}\n"


def report_json(data: dict[str, Any]) -> str:
    """The JSON report's layout: a field a line, and in each list of records a record a line.

    Records on one line each keep a report of thousands of sources quick to write (the standard
    library writes unindented JSON in C) and easy to compare line by line.
    """
    lines = []
    for key, value in data.items():
        if key in _RECORDS and value:
            records = ",\n".join("    " + _line_of(record) for record in value)
            lines.append(f"  {json.dumps(key)}: [\n{records}\n  ]")
        else:
            lines.append(f"  {json.dumps(key)}: {_line_of(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _line_of(data: Any) -> str:
    """``data`` (``to_dict`` of it, or records) as JSON on one line, UTF-8 kept, no NaN."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, default=_jsonable)


def _jsonable(value: Any) -> Any:
    """What the encoder writes for a value it does not know: as :func:`to_dict` has it.

    A record becomes its fields; a dict among them goes through ``to_dict``, which writes any
    key as text (front matter may have others), and so does what is not a record (a date, any
    other mapping). The encoder then writes tuples as lists and text enums as their text.
    """
    fields = record_fields(value)
    if fields is None:
        return to_dict(value)
    for name, field in fields.items():
        if type(field) is dict:
            fields[name] = to_dict(field)
    return fields


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
            yield _line({"record": kind, **_jsonable(record)})


def _line(data: dict[str, Any]) -> str:
    return _line_of(data) + "\n"

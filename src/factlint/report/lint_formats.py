r"""Findings for tools: linter lines, JSON, GitHub annotations, JUnit XML and SARIF 2.1.0.

Every format is a view of :func:`factlint.model.to_dict` of the findings, located ``path:line:col``
once, here at the edge (see :mod:`factlint.report.text`). Paths and messages come from the input,
so each format escapes them its own way (:mod:`factlint.report.escapes`): the text lines show
every control character as an escape, GitHub commands are escaped as ``@actions/core`` does,
JUnit holds only characters XML allows, SARIF URIs are percent-encoded, and JSON keeps the exact
text (a lone surrogate from a file name that is not UTF-8 as a ``\udcff`` escape).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from factlint.model import Finding, Severity, Source, to_dict
from factlint.report.escapes import (
    github_data,
    github_property,
    uri_reference,
    visible,
    without_surrogates,
    xml_text,
)
from factlint.report.text import location, place
from factlint.version import __version__

FORMATS = ("text", "json", "github", "junit", "sarif")
_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(findings: Sequence[Finding], sources: Mapping[str, Source], fmt: str) -> str:
    """The findings in format ``fmt`` (one of :data:`FORMATS`), ending with a newline when not empty."""
    if fmt == "json":
        text = json.dumps([_record(f, sources) for f in findings], indent=2, ensure_ascii=False) + "\n"
        # Lone surrogates only occur inside JSON strings, where "\udcff" is their exact escape.
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    if fmt == "github":
        return "".join(_github(f, sources) + "\n" for f in findings)
    if fmt == "junit":
        return _junit(findings, sources)
    if fmt == "sarif":
        return json.dumps(_sarif(findings, sources), indent=2, ensure_ascii=False) + "\n"
    return "".join(_text(f, sources) for f in findings)


def _text(finding: Finding, sources: Mapping[str, Source]) -> str:
    """The linter line, then the other quotes (the sources it is checked against), indented."""
    return "".join(piece for piece, _ in text_pieces(finding, sources))


def text_pieces(finding: Finding, sources: Mapping[str, Source]) -> list[tuple[str, str]]:
    """The text format of one finding as ``(text, role)`` pieces for a terminal to colour.

    Roles are "" (plain), "where", "severity", "rule" and "quote"; the pieces joined are exactly
    the plain text: ``format_line`` and then each other quote on an indented line.
    """
    pieces = [
        (visible(location(finding, sources)), "where"),
        (": ", ""),
        (f"{finding.code} {finding.severity.value}", "severity"),
        (" " + visible(finding.message), ""),
        (" " + visible(f"[{finding.rule}]"), "rule"),
        ("\n", ""),
    ]
    for evidence in finding.evidence[1:]:
        source = sources.get(evidence.source_id)
        where = source.path if source else evidence.source_id
        if source is not None and evidence.span is not None:
            number, column = source.offsets.line_col(evidence.span.start)
            where = f"{source.path}:{number}:{column}"
        pieces += [
            (f"    {visible(where)}: ", "where"),
            (f"“{visible(evidence.quote)}”", "quote"),
            ("\n", ""),
        ]
    return pieces


def _record(finding: Finding, sources: Mapping[str, Source]) -> dict:
    record = to_dict(finding)
    record["location"] = location(finding, sources)
    return record


def _split(finding: Finding, sources: Mapping[str, Source]) -> tuple[str, int, int]:
    """The path, line and column of a finding (line and column 1 when it has no located quote)."""
    path, line, column = place(finding, sources)
    return path, line or 1, column or 1


def _github(finding: Finding, sources: Mapping[str, Source]) -> str:
    """One workflow command; the path is kept exact so that GitHub puts the annotation on the file."""
    path, line, column = _split(finding, sources)
    message = github_data(_printable(f"{finding.message} [{finding.rule}]"))
    properties = (
        f"file={github_property(path)},line={line},col={column},title={github_property(finding.code)}"
    )
    return f"::{_GITHUB[finding.severity]} {properties}::{message}"


def _junit(findings: Sequence[Finding], sources: Mapping[str, Source]) -> str:
    failures = [f for f in findings if f.severity != Severity.INFO]
    cases = []
    for finding in findings:
        path, line, column = _split(finding, sources)
        name = _attribute(f"{finding.code} {path}:{line}:{column}")
        body = escape(xml_text(_printable(f"{finding.message}\n{finding.explanation}")))
        tag = "failure" if finding.severity != Severity.INFO else "skipped"
        cases.append(
            f"  <testcase classname={_attribute(finding.rule)} name={name}>"
            f"<{tag} message={_attribute(_printable(finding.message))}>{body}</{tag}></testcase>"
        )
    head = f'<testsuite name="factlint" tests="{len(findings)}" failures="{len(failures)}">'
    return '<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join([head, *cases, "</testsuite>"]) + "\n"


def _attribute(text: str) -> str:
    """An XML attribute value, quoted, holding ``text`` exactly where XML can (see :func:`xml_text`)."""
    return quoteattr(xml_text(text))


def _sarif(findings: Sequence[Finding], sources: Mapping[str, Source]) -> dict:
    rules = {finding.code: without_surrogates(finding.rule) for finding in findings}
    results = []
    for finding in findings:
        path, line, column = _split(finding, sources)
        results.append(
            {
                "ruleId": finding.code,
                "level": _SARIF[finding.severity],
                "message": {"text": without_surrogates(finding.message)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri_reference(path)},
                            "region": {"startLine": line, "startColumn": column},
                        }
                    }
                ],
            }
        )
    driver = {
        "name": "factlint",
        "version": __version__,
        "rules": [{"id": code, "name": name} for code, name in sorted(rules.items())],
    }
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def _printable(text: str) -> str:
    """A message for people: every control character an escape but the newlines of its lines."""
    return visible(text, keep="\n")

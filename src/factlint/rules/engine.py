"""The rule engine: every enabled rule of the catalogue run over one run's material."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from factlint.model import Finding
from factlint.rules.catalogue import Rule
from factlint.rules.checks import KINDS
from factlint.rules.context import Context
from factlint.rules.selection import Selection


def run_checks(
    context: Context, catalogue: Mapping[str, Rule], selection: Selection | None = None
) -> list[Finding]:
    """The findings of every enabled rule, in a stable order (source, position, code)."""
    selection = selection or Selection()
    findings: list[Finding] = []
    for rule in catalogue.values():
        if not selection.enabled(rule):
            continue
        severity = selection.severity(rule)
        for finding in KINDS[rule.kind].run(context, rule):
            findings.append(
                dataclasses.replace(finding, severity=severity) if finding.severity != severity else finding
            )
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple:
    first = finding.evidence[0] if finding.evidence else None
    start = first.span.start if first is not None and first.span is not None else -1
    return (finding.path or "", start, finding.code, finding.message)

"""The rule engine: every enabled rule of the catalogue run over one run's material.

The findings pass through the sources' suppressions (:mod:`factlint.rules.suppressions`); the
kinds registered ``late`` (unused suppressions) run after that.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from factlint.model import Finding
from factlint.rules.catalogue import Rule
from factlint.rules.checks import KINDS
from factlint.rules.context import Context
from factlint.rules.selection import Selection
from factlint.rules.suppressions import apply


def run_checks(
    context: Context, catalogue: Mapping[str, Rule], selection: Selection | None = None
) -> list[Finding]:
    """The findings of every enabled rule, in a stable order (source, position, code)."""
    selection = selection or Selection()
    enabled = [rule for rule in catalogue.values() if selection.enabled(rule)]
    findings = _run([rule for rule in enabled if not KINDS[rule.kind].late], context, selection)
    findings, unused = apply(findings, context.sources)
    late = dataclasses.replace(context, unused_suppressions=tuple(unused))
    findings += _run([rule for rule in enabled if KINDS[rule.kind].late], late, selection)
    return sorted(findings, key=_order)


def _run(rules: list[Rule], context: Context, selection: Selection) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        severity = selection.severity(rule)
        for finding in KINDS[rule.kind].run(context, rule):
            findings.append(
                dataclasses.replace(finding, severity=severity) if finding.severity != severity else finding
            )
    return findings


def _order(finding: Finding) -> tuple:
    first = finding.evidence[0] if finding.evidence else None
    start = first.span.start if first is not None and first.span is not None else -1
    return (finding.path or "", start, finding.code, finding.message)

"""The rule engine: every enabled rule of the catalogue run over one run's material.

The findings pass through the sources' suppressions (:mod:`factlint.rules.suppressions`); the
kinds registered ``late`` (unused suppressions) run after that. The kinds registered ``document``
read one source at a time, so with ``jobs`` > 1 they run over chunks of the sources in worker
processes; the findings, put in one total order, are the same either way.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import multiprocessing
from collections.abc import Mapping
from typing import Any

from factlint.model import Claim, Finding
from factlint.rules.catalogue import Rule
from factlint.rules.checks import KINDS
from factlint.rules.context import Context
from factlint.rules.selection import Selection
from factlint.rules.suppressions import apply

PARALLEL_FROM = 64  # sources: fewer are checked here, as starting workers would cost more


def run_checks(
    context: Context, catalogue: Mapping[str, Rule], selection: Selection | None = None, jobs: int = 1
) -> list[Finding]:
    """The findings of every enabled rule, in a stable order (source, position, code)."""
    selection = selection or Selection()
    enabled = [rule for rule in catalogue.values() if selection.enabled(rule)]
    early = [rule for rule in enabled if not KINDS[rule.kind].late]
    apart = [rule for rule in early if KINDS[rule.kind].document]
    if jobs > 1 and apart and len(context.sources) >= PARALLEL_FROM:
        findings = _run([rule for rule in early if rule not in apart], context, selection)
        findings += _run_apart(apart, context, selection, jobs)
    else:
        findings = _run(early, context, selection)
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


def _run_apart(rules: list[Rule], context: Context, selection: Selection, jobs: int) -> list[Finding]:
    """The document kinds' findings, from ``jobs`` forked worker processes each given ranges of sources.

    The workers are forked, so they share the run's material with this process instead of
    receiving it pickled (which cost more than the checks saved); where processes cannot be
    forked, the checks run here.
    """
    if "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - not Linux or macOS
        return _run(rules, context, selection)
    claims: dict[str, list[Claim]] = {}
    for claim in context.claims:
        claims.setdefault(claim.source_id, []).append(claim)
    touching: dict[str, list[int]] = {}
    for index, group in enumerate(context.groups):
        for source_id in dict.fromkeys(claim.source_id for claim in group.claims):
            touching.setdefault(source_id, []).append(index)
    size = max(8, len(context.sources) // (jobs * 8))
    ranges = [(start, start + size) for start in range(0, len(context.sources), size)]
    _SHARED.update(rules=rules, context=context, selection=selection, claims=claims, touching=touching)
    try:
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            return [finding for part in pool.map(_check_range, ranges) for finding in part]
    finally:
        _SHARED.clear()


_SHARED: dict[str, Any] = {}  # the run's material, inherited by forked workers


def _check_range(bounds: tuple[int, int]) -> list[Finding]:
    """The document kinds' findings for the sources ``bounds`` (start, stop) of the shared context."""
    whole: Context = _SHARED["context"]
    sources = whole.sources[bounds[0] : bounds[1]]
    claims = tuple(claim for source in sources for claim in _SHARED["claims"].get(source.id, ()))
    indexes = sorted({index for source in sources for index in _SHARED["touching"].get(source.id, ())})
    part = Context(sources, claims, tuple(whole.groups[index] for index in indexes), whole.kb)
    return _run(_SHARED["rules"], part, _SHARED["selection"])


def _order(finding: Finding) -> tuple:
    """A total order: place, code and message, then the rest, so no two runs order ties apart."""
    first = finding.evidence[0] if finding.evidence else None
    start = first.span.start if first is not None and first.span is not None else -1
    return (
        finding.path or "",
        start,
        finding.code,
        finding.message,
        finding.explanation,
        tuple((e.source_id, e.quote, e.span.start if e.span else -1) for e in finding.evidence),
    )

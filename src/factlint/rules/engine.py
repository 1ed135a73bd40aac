"""The rule engine: every enabled rule of the catalogue run over one run's material.

The findings pass through the sources' suppressions (:mod:`factlint.rules.suppressions`); the
kinds registered ``late`` (unused suppressions) run after that. The kinds registered ``document``
read one source at a time, so with ``jobs`` > 1 they run over chunks of the sources in worker
processes, and the ``heavy`` kinds (which spend seconds importing great-expectations) run whole in
one of the workers meanwhile; the findings, put in one total order, are the same either way.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import gc
import multiprocessing
from collections.abc import Iterator, Mapping
from typing import Any

from factlint.model import Claim, Finding
from factlint.rules.catalogue import Rule
from factlint.rules.checks import KINDS
from factlint.rules.context import Context
from factlint.rules.selection import Selection
from factlint.rules.suppressions import Suppression, apply, declared_in

PARALLEL_FROM = 64  # sources: fewer are checked here, as starting workers would cost more


def run_checks(
    context: Context, catalogue: Mapping[str, Rule], selection: Selection | None = None, jobs: int = 1
) -> list[Finding]:
    """The findings of every enabled rule, in a stable order (source, position, code)."""
    selection = selection or Selection()
    enabled = [rule for rule in catalogue.values() if selection.enabled(rule)]
    early = [rule for rule in enabled if not KINDS[rule.kind].late]
    if (
        jobs > 1
        and len(context.sources) >= PARALLEL_FROM
        and _forks()
        and any(_forkable(rule) for rule in early)
    ):
        findings, declared = _run_forked(early, context, selection, jobs)
    else:
        findings, declared = _run(early, context, selection), declared_in(context)
    findings, unused = apply(findings, context.sources, declared)
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


def _forkable(rule: Rule) -> bool:
    """Whether ``rule`` runs in a worker when there are workers: a document or a heavy rule."""
    return KINDS[rule.kind].document or KINDS[rule.kind].heavy


def _forks() -> bool:
    """Whether worker processes can be forked here (Linux, macOS)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _run_forked(
    rules: list[Rule], context: Context, selection: Selection, jobs: int
) -> tuple[list[Finding], list[Suppression]]:
    """The findings of ``rules`` (as :func:`_run` orders them, the document rules' last) and the suppressions.

    The heavy rules go to a forked worker first, as one task; the document rules' ranges of
    sources follow, for whichever worker is free; this process runs the other rules and reads the
    sources' suppressions meanwhile. Since this process works too, ``jobs - 1`` workers keep the
    ``jobs`` cores busy: each worker copies the pages of the run's material it touches, and one
    more of them cost a story of 100,000 tiny files some 370 MB at the peak of the run. The
    workers are forked, so they share the run's material with this process instead of receiving
    it pickled (which cost more than the checks saved).
    """
    kinds = [KINDS[rule.kind] for rule in rules]
    heavy = [rule for rule, kind in zip(rules, kinds, strict=True) if kind.heavy and not kind.document]
    apart = [rule for rule, kind in zip(rules, kinds, strict=True) if kind.document]
    _SHARED.update(context=context, selection=selection, apart=apart, heavy=heavy, **_by_source(context))
    try:
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=max(1, jobs - 1), mp_context=multiprocessing.get_context("fork")
        ) as pool:
            with _frozen():  # the workers are forked at the first task
                weighed = pool.submit(_check_heavy) if heavy else None
                parts = [
                    pool.submit(_check_range, bounds) for bounds in (_ranges(context, jobs) if apart else [])
                ]
            here = {
                index: _run([rule], context, selection)
                for index, (rule, kind) in enumerate(zip(rules, kinds, strict=True))
                if not kind.heavy and not kind.document
            }
            declared = declared_in(context)
            weighed_findings = iter(weighed.result() if weighed is not None else [])
            findings: list[Finding] = []
            for index, kind in enumerate(kinds):
                if not kind.document:
                    findings += here[index] if index in here else next(weighed_findings)
            return findings + [finding for part in parts for finding in part.result()], declared
    finally:
        _SHARED.clear()


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """The objects alive now moved out of the collector's sight (:func:`gc.freeze`) until the end.

    Workers forked meanwhile inherit them so: their collections neither walk the run's material
    again nor write to every page of it (which made the kernel copy those pages into the worker).
    A program that froze objects itself is left as it is (unfreezing would free its objects too).
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _ranges(context: Context, jobs: int) -> list[tuple[int, int]]:
    """The (start, stop) ranges of sources the document rules are checked over, about eight a worker."""
    size = max(8, len(context.sources) // (jobs * 8))
    return [(start, start + size) for start in range(0, len(context.sources), size)]


def _by_source(context: Context) -> dict[str, dict[str, list]]:
    """Each source's claims, and the indexes of the groups that hold any of its claims."""
    claims: dict[str, list[Claim]] = {}
    for claim in context.claims:
        claims.setdefault(claim.source_id, []).append(claim)
    touching: dict[str, list[int]] = {}
    for index, group in enumerate(context.groups):
        for source_id in dict.fromkeys(claim.source_id for claim in group.claims):
            touching.setdefault(source_id, []).append(index)
    return {"claims": claims, "touching": touching}


_SHARED: dict[str, Any] = {}  # the run's material, inherited by forked workers


def _check_heavy() -> list[list[Finding]]:
    """Each heavy rule's findings over the whole shared context."""
    return [_run([rule], _SHARED["context"], _SHARED["selection"]) for rule in _SHARED["heavy"]]


def _check_range(bounds: tuple[int, int]) -> list[Finding]:
    """The document kinds' findings for the sources ``bounds`` (start, stop) of the shared context."""
    whole: Context = _SHARED["context"]
    sources = whole.sources[bounds[0] : bounds[1]]
    claims = tuple(claim for source in sources for claim in _SHARED["claims"].get(source.id, ()))
    indexes = sorted({index for source in sources for index in _SHARED["touching"].get(source.id, ())})
    groups = tuple(whole.groups[index] for index in indexes)
    readings = {source.id: whole.readings[source.id] for source in sources if source.id in whole.readings}
    part = dataclasses.replace(whole, sources=sources, claims=claims, groups=groups, readings=readings)
    return _run(_SHARED["apart"], part, _SHARED["selection"])


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

"""Plain summaries shared by every view: one row per file, counts by severity."""

from __future__ import annotations

from collections import Counter
from typing import Any

from factlint.model import Claim, Finding, Report, Severity, Source, to_dict


def problem_row(finding: Finding) -> dict[str, Any]:
    """The short form of an input problem."""
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "message": finding.message,
    }


def source_row(source: Source) -> dict[str, Any]:
    """One source as the ``factlint sources`` command lists it."""
    return {
        "id": source.id,
        "path": source.path,
        "readable": True,
        "format": source.format,
        "encoding": source.encoding,
        "title": source.title,
        "outlet": source.outlet,
        "byline": source.byline,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "published_from": source.published_from,
        "dates": to_dict(source.dates),
        "words": source.words,
        "problems": [problem_row(found) for found in source.problems],
    }


def rejected_row(finding: Finding) -> dict[str, Any]:
    """A file that could not be read, in the same shape as :func:`source_row`."""
    return {
        "id": finding.source_id,
        "path": finding.path,
        "readable": False,
        "format": None,
        "encoding": None,
        "title": None,
        "outlet": None,
        "byline": None,
        "url": None,
        "published": None,
        "published_from": None,
        "dates": {},
        "words": 0,
        "problems": [problem_row(finding)],
    }


def file_rows(report: Report) -> list[dict[str, Any]]:
    """Every input file in reading order: sources, then the files that could not be read."""
    read = {source.id for source in report.sources}
    rejected = [
        found for found in report.findings if found.code.startswith("FL9") and found.source_id not in read
    ]
    return [source_row(source) for source in report.sources] + [rejected_row(found) for found in rejected]


def severity_counts(findings: tuple[Finding, ...]) -> dict[str, int]:
    """Findings per severity, most severe first, zeros included."""
    counts = Counter(found.severity for found in findings)
    return {level.value: counts.get(level, 0) for level in Severity}


def worst(findings: tuple[Finding, ...]) -> Severity | None:
    """The most severe level among ``findings``."""
    return max((found.severity for found in findings), key=lambda level: level.rank, default=None)


def claim_matrix(report: Report) -> dict[str, Any]:
    """Groups told by two or more sources as rows, sources as columns, and each cell's standing.

    A cell holds the source's figures for the fact as written (qualifiers included) and a state:
    ``ok`` in the consensus, ``off`` flagged by the reconciliation, ``other`` neither. Rows that
    share no source are apart: ``tables`` holds one table for each set of sources linked by the
    facts they tell (one for a story, one a story in an archive), each with only its own columns;
    ``rows`` are all the rows, in group order.
    """
    from factlint.match.labels import say

    order = {source.id: index for index, source in enumerate(report.sources)}
    rows = []
    for group in report.groups:
        sources = {claim.source_id for claim in group.claims}
        if len(sources) < 2 or group.label is None:
            continue
        inside = {v.claim_id for v in group.verdicts if v.in_consensus}
        flagged = set(group.flagged)
        mine: dict[str, list[Claim]] = {}
        for claim in group.claims:
            mine.setdefault(claim.source_id, []).append(claim)
        cells = {}
        for source_id in sorted(mine, key=lambda sid: order.get(sid, len(order))):
            theirs = mine[source_id]
            state = (
                "off"
                if any(c.id in flagged for c in theirs)
                else "ok"
                if any(c.id in inside for c in theirs)
                else "other"
            )
            cells[source_id] = {"texts": sorted({say(c).rsplit(" (", 1)[0] for c in theirs}), "state": state}
        scores = [v.score for v in group.verdicts]
        rows.append(
            {
                "fact": " · ".join(
                    part for part in (group.key[0], group.key[1], group.key[2], group.key[3]) if part
                ),
                "period": group.key[4] if len(group.key) > 4 else "",
                "consensus": group.consensus_text,
                "label": group.label,
                "reason": group.reason,
                "agreement": sum(scores) / len(scores) if scores else 1.0,
                "cells": cells,
            }
        )
    return {"rows": rows, "tables": _tables(rows, report.sources)}


def _tables(rows: list[dict[str, Any]], sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    """The rows split into tables of linked sources (union-find), ordered by their first source."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for row in rows:
        first, *rest = list(row["cells"])
        for other in rest:
            parent[root(other)] = root(first)
    tables: dict[str, dict[str, Any]] = {}
    for source in sources:
        if source.id in parent:
            tables.setdefault(root(source.id), {"columns": [], "rows": []})["columns"].append(source)
    for row in rows:
        tables[root(next(iter(row["cells"])))]["rows"].append(row)
    return list(tables.values())


def overall_agreement(report: Report) -> float | None:
    """The mean agreement score of the claims in groups told by two or more sources (None: no such group)."""
    scores = [
        verdict.score
        for group in report.groups
        if len({claim.source_id for claim in group.claims}) > 1
        for verdict in group.verdicts
    ]
    return sum(scores) / len(scores) if scores else None

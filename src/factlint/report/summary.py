"""Plain summaries shared by every view: one row per file, counts by severity."""

from __future__ import annotations

from collections import Counter
from typing import Any

from factlint.model import Finding, Report, Severity, Source


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
        "dates": dict(source.dates),
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

"""The one-line, linter-style view of a finding: ``path[:line:col]: CODE severity message [rule]``."""

from __future__ import annotations

from collections.abc import Mapping

from factlint.model import Finding, Source
from factlint.report.escapes import visible

__all__ = ["format_line", "location", "place", "visible"]


def place(
    finding: Finding, sources: Mapping[str, Source] | None = None
) -> tuple[str, int | None, int | None]:
    """The path, line and column of a finding's first located evidence, else its path and no line."""
    sources = sources or {}
    for evidence in finding.evidence:
        source = sources.get(evidence.source_id)
        if source is not None and evidence.span is not None:
            line, column = source.offsets.line_col(evidence.span.start)
            return source.path, line, column
    source = sources.get(finding.source_id or "")
    return finding.path or (source.path if source else None) or finding.source_id or "-", None, None


def location(finding: Finding, sources: Mapping[str, Source] | None = None) -> str:
    """``path:line:col`` of a finding's first located evidence, else its path (or source id)."""
    path, line, column = place(finding, sources)
    return path if line is None else f"{path}:{line}:{column}"


def format_line(finding: Finding, sources: Mapping[str, Source] | None = None) -> str:
    """One line for a terminal or a log; control characters from the input are made visible."""
    return visible(
        f"{location(finding, sources)}: {finding.code} {finding.severity.value} "
        f"{finding.message} [{finding.rule}]"
    )

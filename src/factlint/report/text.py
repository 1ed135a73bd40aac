"""The one-line, linter-style view of a finding: ``path[:line:col]: CODE severity message [rule]``."""

from __future__ import annotations

from collections.abc import Mapping

from factlint.model import Finding, Source


def location(finding: Finding, sources: Mapping[str, Source] | None = None) -> str:
    """``path:line:col`` of a finding's first located evidence, else its path (or source id)."""
    sources = sources or {}
    for evidence in finding.evidence:
        source = sources.get(evidence.source_id)
        if source is not None and evidence.span is not None:
            line, column = source.offsets.line_col(evidence.span.start)
            return f"{source.path}:{line}:{column}"
    source = sources.get(finding.source_id or "")
    return finding.path or (source.path if source else None) or finding.source_id or "-"


def format_line(finding: Finding, sources: Mapping[str, Source] | None = None) -> str:
    """One line for a terminal or a log; control characters from the input are made visible."""
    return visible(
        f"{location(finding, sources)}: {finding.code} {finding.severity.value} "
        f"{finding.message} [{finding.rule}]"
    )


def visible(text: str) -> str:
    r"""``text`` with control characters from the input written as escapes (``\n``, ``\x1b``)."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)

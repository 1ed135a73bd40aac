"""Suppressions, like ``noqa``: a writer silences a finding they have judged, where it stands.

- In the text, ``<!-- factlint: ignore FL203 -->`` (codes, prefixes or dotted names, separated by
  spaces or commas) silences the matching findings located on its line or on the next one.
- In the front matter, ``factlint: {ignore: [FL203]}`` silences them in the whole document.

They are found when a source is read (:mod:`factlint.ingest.suppressions`) and reach the rules
in the run's :class:`~factlint.model.Reading`. A suppression that silenced nothing is reported
(FL104), so that stale ones do not pile up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from factlint.model import Finding, Source, Suppression
from factlint.rules.context import Context

__all__ = ["Suppression", "apply", "declared_in", "matches"]


def matches(finding: Finding, selector: str) -> bool:
    """Whether ``selector`` (a code, a code prefix or a dotted name or prefix) names ``finding``."""
    selector = selector.strip()
    if selector.upper().startswith("FL"):
        return finding.code.startswith(selector.upper())
    return finding.rule == selector or finding.rule.startswith(selector.rstrip(".") + ".")


def declared_in(context: Context) -> list[Suppression]:
    """The suppressions the context's sources declare, in source order."""
    return [
        item
        for source_id in dict.fromkeys(source.id for source in context.sources)
        for item in context.reading(source_id).suppressions
    ]


def apply(
    findings: Sequence[Finding], sources: Iterable[Source], declared: Sequence[Suppression]
) -> tuple[list[Finding], list[Suppression]]:
    """The findings left after the ``declared`` suppressions, and the suppressions that silenced nothing."""
    by_id = {source.id: source for source in sources}
    if not declared:
        return list(findings), []
    by_source: dict[str | None, list[tuple[int, Suppression]]] = {}
    for index, item in enumerate(declared):
        by_source.setdefault(item.source_id, []).append((index, item))
    used: set[int] = set()
    kept = []
    for finding in findings:
        line = _line(finding, by_id)
        silenced = False
        for index, item in by_source.get(finding.source_id, []):
            if not any(matches(finding, s) for s in item.selectors):
                continue
            if item.line == 0 or (line is not None and line in (item.line, item.line + 1)):
                used.add(index)
                silenced = True
        if not silenced:
            kept.append(finding)
    return kept, [item for index, item in enumerate(declared) if index not in used]


def _line(finding: Finding, sources: Mapping[str, Source]) -> int | None:
    for evidence in finding.evidence:
        source = sources.get(evidence.source_id)
        if source is not None and evidence.span is not None and evidence.source_id == finding.source_id:
            return source.offsets.line_col(evidence.span.start)[0]
    return None

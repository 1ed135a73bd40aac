"""The finding for one label that a document gives incompatible values for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from factlint.model import Evidence, Finding, Source, Span
from factlint.rules.consistency.statements import Statement, clusters
from factlint.rules.consistency.timezones import zone_note
from factlint.rules.context import Context, finding

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule


def disagreement(
    context: Context, rule: Rule, source: Source, label: tuple[str, ...], items: Sequence[Statement]
) -> Finding | None:
    """A finding when ``items`` give two or more values for ``label`` (None when they give one)."""
    found = clusters(items, context.kb.rounding_cap)
    if len(found) < 2:
        return None
    meta = next((item for item in items if item.from_meta), None)
    note = zone_note(meta, found, rule.params["zones"]) if meta else ""
    values = " vs ".join(_describe(cluster, source) for cluster in found)
    # The odd one out first (so that the finding points at it), then the rest.
    ordered = sorted(
        found,
        key=lambda cluster: (
            any(item.from_meta for item in cluster),
            len(cluster),
            -min(item.span.start for item in cluster if item.span) if any(i.span for i in cluster) else 0,
        ),
    )
    evidence = [_evidence(source, cluster[0]) for cluster in ordered]
    words = " ".join(label)
    return finding(
        context,
        rule,
        source.id,
        evidence,
        explanation=(
            f"the document gives “{words}” {len(found)} values: {values}{note}; one of them is wrong, "
            "or the text should say what each refers to"
        ),
        fix="give one value, or say what each value refers to",
        label=words,
        count=len(found),
        values=values,
        note=note,
    )


def line_list(lines: Sequence[int]) -> str:
    """Where a value stands: "line 14", or "lines 3, 9" (six at the most)."""
    return ("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines[:6]))


def _evidence(source: Source, item: Statement) -> Evidence:
    """A statement as evidence: its label and value as written, located from the label on."""
    if item.span is None:
        return Evidence(source.id, item.quote)
    start = item.at if item.at is not None and item.at <= item.span.start else item.span.start
    return Evidence(source.id, item.quote, Span(start, item.span.end))


def _describe(cluster: Sequence[Statement], source: Source) -> str:
    """A value and where the document gives it: "100 (front matter; line 14)"."""
    meta = [item.shown for item in cluster if item.from_meta]
    lines = sorted({source.offsets.line_col(item.span.start)[0] for item in cluster if item.span is not None})
    places = ["front matter"] if meta else []
    if lines:
        places.append(line_list(lines))
    elif not meta:
        places.append("text")
    return f"{meta[0] if meta else cluster[0].shown} ({'; '.join(places)})"

"""Suppressions, like ``noqa``: a writer silences a finding they have judged, where it stands.

- In the text, ``<!-- factlint: ignore FL203 -->`` (codes, prefixes or dotted names, separated by
  spaces or commas) silences the matching findings located on its line or on the next one.
- In the front matter, ``factlint: {ignore: [FL203]}`` silences them in the whole document.

A suppression that silenced nothing is reported (FL104), so that stale ones do not pile up.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from factlint.ingest.names import real
from factlint.model import Finding, Source

_INLINE = re.compile(r"<!--\s*factlint:\s*ignore\s+(?P<selectors>[^>]*?)\s*-->", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Suppression:
    """Selectors silenced in one source: on ``line`` and the next, or everywhere when ``line`` is 0."""

    source_id: str
    path: str
    line: int
    selectors: tuple[str, ...]
    text: str


def suppressions_of(source: Source) -> list[Suppression]:
    """The suppressions a source declares, in its front matter and in its raw text."""
    found = []
    settings = source.meta.get("factlint") if isinstance(source.meta, Mapping) else None
    ignore = settings.get("ignore") if isinstance(settings, Mapping) else None
    if isinstance(ignore, str):
        ignore = [ignore]
    if isinstance(ignore, list) and ignore:
        selectors = tuple(str(item).strip() for item in ignore if str(item).strip())
        found.append(Suppression(source.id, source.path, 0, selectors, f"factlint: ignore {list(selectors)}"))
    raw = _raw(source.path)
    if raw and "factlint" in raw:
        for number, line in enumerate(raw.splitlines(), start=1):
            for match in _INLINE.finditer(line):
                selectors = tuple(part for part in re.split(r"[\s,]+", match.group("selectors")) if part)
                if selectors:
                    found.append(Suppression(source.id, source.path, number, selectors, match.group(0)))
    return found


def _raw(path: str) -> str:
    try:
        return Path(real(path)).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def matches(finding: Finding, selector: str) -> bool:
    """Whether ``selector`` (a code, a code prefix or a dotted name or prefix) names ``finding``."""
    selector = selector.strip()
    if selector.upper().startswith("FL"):
        return finding.code.startswith(selector.upper())
    return finding.rule == selector or finding.rule.startswith(selector.rstrip(".") + ".")


def declared_in(sources: Iterable[Source]) -> list[Suppression]:
    """The suppressions the sources declare (reading each source's file), in source order."""
    by_id = {source.id: source for source in sources}
    return [item for source in by_id.values() for item in suppressions_of(source)]


def apply(
    findings: Sequence[Finding], sources: Iterable[Source], declared: list[Suppression] | None = None
) -> tuple[list[Finding], list[Suppression]]:
    """The findings left after the suppressions, and the suppressions that silenced nothing.

    ``declared`` is :func:`declared_in` of ``sources`` when the caller has read it already.
    """
    by_id = {source.id: source for source in sources}
    if declared is None:
        declared = declared_in(by_id.values())
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

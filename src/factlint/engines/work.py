"""The work on one file: read it, parse it, extract its claims, through the cache when there is one."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from factlint.cache import Cache
from factlint.extract import extract
from factlint.ingest import problems as kinds
from factlint.ingest.problems import problem
from factlint.ingest.reader import parse_source, read_bytes
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim, Finding, Source


@dataclasses.dataclass(frozen=True)
class Read:
    """One file's outcome (a source, or the FL9xx finding saying why it was not read) and claims."""

    outcome: Source | Finding
    claims: tuple[Claim, ...] = ()
    cached: bool = False


def read_file(
    path: str | os.PathLike[str],
    source_id: str,
    max_bytes: int,
    kb: KnowledgeBase,
    cache: Cache | None = None,
) -> Read:
    """Read, parse and extract one file; a cached entry for the same bytes and rules is reused."""
    data = read_bytes(path, source_id, max_bytes)
    if isinstance(data, Finding):
        return Read(data)
    shown = Path(path).as_posix()
    key = cache.key(data, shown, source_id, max_bytes) if cache is not None else ""
    if cache is not None:
        stored = cache.get(key)
        if isinstance(stored, Read):
            return dataclasses.replace(stored, cached=True)
    outcome = parse_source(data, shown, source_id, max_bytes)
    claims: tuple[Claim, ...] = ()
    if isinstance(outcome, Source):
        try:
            claims = tuple(extract(outcome, kb))
        except Exception as exc:  # one file's failure must not stop the run; its source still counts
            detail = f"internal error while extracting claims: {type(exc).__name__}: {exc}"[:300]
            failed = problem(kinds.INTERNAL, shown, detail, source_id)
            outcome = dataclasses.replace(outcome, problems=(*outcome.problems, failed))
    read = Read(outcome, claims)
    if cache is not None:
        cache.put(key, read)
    return read

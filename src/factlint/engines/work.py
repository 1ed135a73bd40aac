"""The work on one file: read it, parse it, extract its claims, through the cache when there is one."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from factlint.cache import Cache
from factlint.extract import extract
from factlint.extract.reading import read_beside
from factlint.ingest import problems as kinds
from factlint.ingest.problems import problem
from factlint.ingest.reader import parse_source, read_bytes
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim, Finding, Reading, Source, stored
from factlint.strict_records import RecordError, decode


@dataclasses.dataclass(frozen=True)
class Read:
    """One file's outcome (a source, or the FL9xx finding saying why it was not read) and claims.

    ``reading`` is what extraction read in the source beside its claims (None when there is no
    source): labelled values, settings, suppressions, passages, wordings.

    ``cache_problem`` says why the outcome could not be stored in the cache (None when it was, or
    when there is no cache).
    """

    outcome: Source | Finding
    claims: tuple[Claim, ...] = ()
    reading: Reading | None = None
    cached: bool = False
    cache_problem: str | None = None


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
        hit = from_json(cache.get(key))
        if hit is not None:
            return hit
    outcome = parse_source(data, shown, source_id, max_bytes)
    claims: tuple[Claim, ...] = ()
    reading = None
    if isinstance(outcome, Source):
        try:
            claims = tuple(extract(outcome, kb))
            reading = read_beside(outcome, claims, kb, data)
        except Exception as exc:  # one file's failure must not stop the run; its source still counts
            detail = f"internal error while extracting claims: {type(exc).__name__}: {exc}"[:300]
            failed = problem(kinds.INTERNAL, shown, detail, source_id)
            outcome = dataclasses.replace(outcome, problems=(*outcome.problems, failed))
            claims, reading = (), read_beside(outcome, None, kb, data)
    read = Read(outcome, claims, reading)
    if cache is not None:
        return dataclasses.replace(read, cache_problem=cache.put(key, to_json(read)))
    return read


def to_json(read: Read) -> dict[str, Any]:
    """A cache entry's value for ``read``: plain JSON data, never code."""
    kind = "source" if isinstance(read.outcome, Source) else "finding"
    return {
        "kind": kind,
        "outcome": stored(read.outcome),
        "claims": [stored(claim) for claim in read.claims],
        "reading": None if read.reading is None else stored(read.reading),
    }


def from_json(value: Any) -> Read | None:
    """The :class:`Read` a cache entry's value holds (``cached``), or None when it holds no sound one."""
    if type(value) is not dict or type(value.get("claims")) is not list:
        return None
    kind = {"source": Source, "finding": Finding}.get(value.get("kind"))  # type: ignore[arg-type]
    if kind is None:
        return None
    try:
        outcome = decode(kind, value.get("outcome"))
        claims = tuple(decode(Claim, claim) for claim in value["claims"])
        reading = None if value.get("reading") is None else decode(Reading, value["reading"])
    except RecordError:
        return None
    if kind is Source and reading is None:  # a source is always stored with its reading
        return None
    return Read(outcome, claims, reading, cached=True)

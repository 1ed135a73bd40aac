"""Runs the stages in order for the CLI, the pytest plugin and the API; no stage imports a later one."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from factlint.bulk import collector_paused
from factlint.cache import CacheWarning
from factlint.engines import LocalEngine
from factlint.engines.local import Engine
from factlint.engines.work import Read
from factlint.ingest import DEFAULT_MAX_BYTES
from factlint.ingest.corpus import assemble, list_files
from factlint.ingest.names import shown
from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.match import reconcile
from factlint.memory import stage
from factlint.model import Claim, ClaimGroup, Reading, Report, Source
from factlint.rules.catalogue import Rule, load_catalogue
from factlint.rules.context import Context
from factlint.rules.engine import run_checks
from factlint.rules.selection import Selection
from factlint.version import __version__

STORY_SCOPES = ("corpus", "folder")


def story_map(sources: Iterable[Source], scope: str) -> dict[str, str] | None:
    """Each source's story for ``scope``: None when the corpus is one story, else its folder."""
    if scope not in STORY_SCOPES:
        raise ValueError(f"stories must be one of {', '.join(STORY_SCOPES)}, not {scope!r}")
    if scope == "corpus":
        return None
    return {source.id: Path(source.path).parent.as_posix() for source in sources}


def match_claims(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    kb: KnowledgeBase,
    engine: Engine | None = None,
    stories: str = "corpus",
) -> tuple[ClaimGroup, ...]:
    """The claims grouped by the fact they speak of (by ``engine``) and reconciled, story by story.

    Reconciling builds a few records for every claim, all without reference cycles: the cyclic
    garbage collector is paused meanwhile (see :mod:`factlint.bulk`), since each of its full
    passes would walk every claim of the corpus again.
    """
    engine = engine or LocalEngine()
    grouped = engine.group(claims, kb, story_map(sources, stories))
    with collector_paused():
        return tuple(reconcile(grouped, kb, published={source.id: source.published for source in sources}))


def build_report(
    paths: Iterable[str | os.PathLike[str]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    kb: KnowledgeBase | None = None,
    *,
    catalogue: Mapping[str, Rule] | None = None,
    selection: Selection | None = None,
    progress: Callable[[int, int], None] | None = None,
    engine: Engine | None = None,
    stories: str = "corpus",
) -> Report:
    """Read ``paths``, extract their claims, reconcile them, run the checks; everything found.

    Input problems (FL9xx) come first, then the findings of the checks in source order.
    ``progress(done, total)`` is called as each source's claims are extracted. ``engine`` reads
    and extracts the files (by default one after another in this process, without a cache).
    ``stories`` is "corpus" (all the sources tell one story) or "folder" (each folder's sources
    tell one, as in an archive): claims are only matched within a story.
    """
    kb = kb or default_knowledge()
    catalogue = load_catalogue() if catalogue is None else catalogue
    inputs = tuple(os.fspath(path) for path in paths)
    files, rejected = list_files(inputs)
    engine = engine or LocalEngine()
    with stage("reading"):
        reads = engine.read(files, kb, max_bytes, progress)
    _say_cache_problems(reads)
    corpus = assemble((read.outcome for read in reads), rejected)
    claims = tuple(claim for read in reads for claim in read.claims)
    with stage("matching claims"):
        groups = match_claims(claims, corpus.sources, kb, engine, stories)
    readable = tuple(source for source in corpus.sources if source.text)
    with stage("checking the rules"):
        findings = run_checks(
            Context(readable, claims, groups, kb, readings=readings_by_source(reads)),
            catalogue,
            selection,
            jobs=getattr(engine, "jobs", 1),
        )
    return Report(
        version=__version__,
        inputs=tuple(map(shown, inputs)),
        sources=corpus.sources,
        findings=(*corpus.problems, *findings),
        claims=claims,
        groups=groups,
    )


def readings_by_source(reads: Iterable[Read]) -> dict[str, Reading]:
    """What extraction read beside the claims of each source read, by source id (for :class:`Context`)."""
    return {read.reading.source_id: read.reading for read in reads if read.reading is not None}


def _say_cache_problems(reads: Iterable[Read]) -> None:
    """One warning when files could not be stored in the cache (the run itself is whole)."""
    failed = [read.cache_problem for read in reads if read.cache_problem]
    if failed:
        more = f" (and {len(failed) - 1} more file(s))" if len(failed) > 1 else ""
        warnings.warn(f"{failed[0]}{more}; the run goes on without it", CacheWarning, stacklevel=3)

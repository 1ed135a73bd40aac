"""The local engine: files read one after another, or across worker processes with ``jobs`` > 1.

Worker processes get the knowledge once each (when they start) and files in chunks; results come
back in the order of the files, so a parallel run gives the same report as a serial one.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import gc
import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from factlint.bulk import collector_paused
from factlint.cache import Cache
from factlint.engines.work import Read, read_file
from factlint.knowledge import KnowledgeBase
from factlint.match.grouping import group
from factlint.memory import OutOfMemory
from factlint.model import Claim, ClaimGroup

Progress = Callable[[int, int], None]

_WORKER: dict[str, object] = {}  # the knowledge, limit and cache of a worker process
READING = "reading"  # the stage of the engine, as an out-of-memory message names it


class Engine(Protocol):
    """What reads and extracts a corpus: the local engine, or Dask."""

    def read(
        self,
        files: Sequence[tuple[Path, str]],
        kb: KnowledgeBase,
        max_bytes: int,
        progress: Progress | None = None,
    ) -> list[Read]:
        """Each file's :class:`Read`, in the order given."""
        ...

    def group(
        self, claims: Sequence[Claim], kb: KnowledgeBase, stories: Mapping[str, str] | None = None
    ) -> list[ClaimGroup]:
        """The claims' groups, as :func:`factlint.match.group` makes them."""
        ...


@dataclasses.dataclass
class LocalEngine:
    """Read and extract in this process (``jobs`` 1) or in ``jobs`` worker processes."""

    jobs: int = 1
    cache: Cache | None = None

    def read(
        self,
        files: Sequence[tuple[Path, str]],
        kb: KnowledgeBase,
        max_bytes: int,
        progress: Progress | None = None,
    ) -> list[Read]:
        """Each file's :class:`Read`, in the order given."""
        jobs = max(1, min(self.jobs, len(files)))
        if jobs == 1:
            results = []
            for done, (path, source_id) in enumerate(files, 1):
                try:
                    results.append(read_file(path, source_id, max_bytes, kb, self.cache))
                except MemoryError as exc:
                    raise OutOfMemory(READING, [str(path)]) from exc
                _tell(progress, done, len(files))
            return results
        chunk = max(1, min(64, len(files) // (jobs * 8)))
        # Each worker writes the number of the file it reads (1-based, 0 between files) in its
        # slot, so that the files in flight are known when one is killed.
        reading = multiprocessing.Array("q", jobs)
        workers = multiprocessing.Value("i", 0)
        items = [(number, path, source_id) for number, (path, source_id) in enumerate(files, 1)]
        results = []
        try:
            with concurrent.futures.ProcessPoolExecutor(
                max_workers=jobs,
                initializer=_start_worker,
                initargs=(kb, max_bytes, self.cache, reading, workers),
            ) as pool:
                for read in pool.map(_work, items, chunksize=chunk):
                    results.append(read)
                    _tell(progress, len(results), len(files))
        except concurrent.futures.process.BrokenProcessPool as exc:
            flight = [str(files[number - 1][0]) for number in sorted(set(reading[:])) if number > 0]
            raise OutOfMemory(READING, flight, killed=True) from exc
        return results

    def group(
        self, claims: Sequence[Claim], kb: KnowledgeBase, stories: Mapping[str, str] | None = None
    ) -> list[ClaimGroup]:
        """The claims' groups, made here in this process.

        The cyclic garbage collector is paused meanwhile (see :mod:`factlint.bulk`).
        """
        with collector_paused():
            return group(claims, kb, stories)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _start_worker(kb: KnowledgeBase, max_bytes: int, cache: Cache | None, reading: Any, workers: Any) -> None:
    with workers.get_lock():
        slot = workers.value
        workers.value += 1
    _WORKER.update(kb=kb, max_bytes=max_bytes, cache=cache, reading=reading, slot=slot)
    # The knowledge and compiled patterns live as long as the worker: the collector need not
    # walk them again, and may wait for more garbage between collections (about 6% less time).
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)


def _work(item: tuple[int, Path, str]) -> Read:
    number, path, source_id = item
    reading, slot = _WORKER["reading"], _WORKER["slot"]
    reading[slot] = number  # type: ignore[index]
    try:
        return read_file(path, source_id, _WORKER["max_bytes"], _WORKER["kb"], _WORKER["cache"])  # type: ignore[arg-type]
    except MemoryError as exc:
        raise OutOfMemory(READING, [str(path)]) from exc
    finally:
        reading[slot] = 0  # type: ignore[index]


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)

"""The Dask engine: an archive read as partitions of a dask bag and grouped by a dataframe shuffle.

Reading and extraction run the same per-file work as the local engine
(:func:`factlint.engines.work.read_file`) over the partitions of a ``dask.bag``; grouping puts
the prepared claims (:func:`factlint.match.grouping.prepare`) in a ``dask.dataframe`` shuffled on
the blocking keys' story and attribute (each claim pickled: a shuffle moves bytes), and groups
each partition with :func:`factlint.match.grouping.group_prepared`. Both keep the order of the
local engine, so the report is byte-identical.

With no scheduler address a ``LocalCluster`` of ``workers`` processes is started (and stopped);
with one (``tcp://host:8786``) the run goes to that cluster, whose workers must see the files, the
rules and the cache folder at the same paths (a shared file system) and have factlint installed.
Dask is an optional extra: ``pip install 'factlint[dask]'``.
"""

from __future__ import annotations

import dataclasses
import logging
import pickle
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from factlint.cache import Cache
from factlint.engines.local import Progress
from factlint.engines.work import Read, read_file
from factlint.knowledge import KnowledgeBase
from factlint.match.grouping import Prepared, group_prepared, prepare
from factlint.model import Claim, ClaimGroup


def dask_available() -> bool:
    """Whether dask with its dataframe and distributed parts can be imported."""
    try:
        import dask.bag
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


@dataclasses.dataclass
class DaskEngine:
    """Read, extract and group on a Dask cluster; a context manager that owns its client."""

    scheduler: str | None = None
    workers: int = 2
    cache: Cache | None = None
    partitions: int | None = None
    _client: Any = dataclasses.field(default=None, init=False, repr=False)
    _cluster: Any = dataclasses.field(default=None, init=False, repr=False)
    _knowledge: tuple[KnowledgeBase, Any] | None = dataclasses.field(default=None, init=False, repr=False)

    def __enter__(self) -> DaskEngine:
        self.client()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def client(self) -> Any:
        """The distributed client, connecting (or starting a local cluster) on first use."""
        if self._client is None:
            try:
                from distributed import Client, LocalCluster
            except ImportError as exc:
                raise RuntimeError("the dask engine needs dask: pip install 'factlint[dask]'") from exc
            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                self._cluster = LocalCluster(
                    n_workers=max(1, self.workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # any free port: never clash with a running cluster
                    silence_logs=logging.ERROR,  # its shuffle notices are not the user's business
                )
                self._client = Client(self._cluster)
        return self._client

    def knowledge(self, kb: KnowledgeBase) -> Any:
        """``kb`` on every worker, sent once per engine (a future the tasks take as an argument)."""
        if self._knowledge is None or self._knowledge[0] is not kb:
            self._knowledge = (kb, self.client().scatter(kb, broadcast=True, hash=False))
        return self._knowledge[1]

    def close(self) -> None:
        """Close the client, and the local cluster if this engine started one."""
        self._knowledge = None
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def _partitions(self, count: int) -> int:
        return max(1, min(count, self.partitions or max(1, self.workers) * 4))

    def read(
        self,
        files: Sequence[tuple[Path, str]],
        kb: KnowledgeBase,
        max_bytes: int,
        progress: Progress | None = None,
    ) -> list[Read]:
        """Each file's :class:`Read`, in the order given, computed as partitions of a bag."""
        import dask.bag as bag

        if not files:
            return []
        items = [(str(path), source_id) for path, source_id in files]
        client = self.client()
        knowledge = self.knowledge(kb)
        partitions = bag.from_sequence(items, npartitions=self._partitions(len(items)))
        reads = partitions.map_partitions(_read_partition, knowledge, max_bytes, self.cache)
        results = list(client.compute(reads, sync=True))
        if progress is not None:
            progress(len(results), len(files))
        return results

    def group(
        self, claims: Sequence[Claim], kb: KnowledgeBase, stories: Mapping[str, str] | None = None
    ) -> list[ClaimGroup]:
        """The groups of :func:`factlint.match.group`, made by a shuffle on story and attribute."""
        import dask
        import dask.dataframe as dd
        import pandas as pd

        prepared = prepare(claims, kb, stories)
        if not prepared:
            return []
        frame = pd.DataFrame(
            {
                "story": [item.story for item in prepared],
                "attribute": [item.key[2] for item in prepared],
                "order": range(len(prepared)),
                "item": pd.Series([pickle.dumps(item, protocol=5) for item in prepared], dtype=object),
            }
        )
        client = self.client()
        knowledge = self.knowledge(kb)
        meta = pd.DataFrame(
            {
                "story": pd.Series(dtype=object),
                "key": pd.Series(dtype=object),
                "seq": pd.Series(dtype="int64"),
                "group": pd.Series(dtype=object),
            }
        )
        with dask.config.set({"dataframe.convert-string": False}):
            table = dd.from_pandas(frame, npartitions=self._partitions(len(prepared)), sort=False)
            shuffled = table.shuffle(on=["story", "attribute"])
            grouped = shuffled.map_partitions(_group_partition, knowledge, meta=meta)
            result = client.compute(grouped, sync=True)
        rows = zip(result["story"], result["key"], result["seq"], result["group"], strict=True)
        return [row[3] for row in sorted(rows, key=lambda row: row[:3])]


def _read_partition(
    items: Sequence[tuple[str, str]], kb: KnowledgeBase, max_bytes: int, cache: Cache | None
) -> list[Read]:
    return [read_file(path, source_id, max_bytes, kb, cache) for path, source_id in items]


def _group_partition(frame: Any, kb: KnowledgeBase) -> Any:
    """Group each (story, attribute) of one partition, claims in their original order."""
    import pandas as pd

    rows: list[tuple[str, tuple[str, ...], int, ClaimGroup]] = []
    ordered = frame.sort_values("order", kind="stable")
    pairs: dict[tuple[str, str], list[Prepared]] = {}
    for story, attribute, item in zip(ordered["story"], ordered["attribute"], ordered["item"], strict=True):
        pairs.setdefault((story, attribute), []).append(pickle.loads(item))
    for (story, _), items in pairs.items():
        for seq, found in enumerate(group_prepared(items, kb)):
            rows.append((story, found.key[:4], seq, found))
    return pd.DataFrame(
        {
            "story": pd.Series([row[0] for row in rows], dtype=object),
            "key": pd.Series([row[1] for row in rows], dtype=object),
            "seq": pd.Series([row[2] for row in rows], dtype="int64"),
            "group": pd.Series([row[3] for row in rows], dtype=object),
        }
    )

"""Many paths to one corpus: the files :mod:`~factlint.ingest.walker` lists, each read once."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable

from factlint.ingest.reader import DEFAULT_MAX_BYTES, read_source
from factlint.ingest.walker import SUFFIXES, list_files
from factlint.model import Finding, Source

__all__ = ["SUFFIXES", "Corpus", "assemble", "list_files", "read_corpus"]


@dataclasses.dataclass(frozen=True)
class Corpus:
    """The sources read, and the files that could not be read (as FL9xx findings)."""

    sources: tuple[Source, ...]
    rejected: tuple[Finding, ...] = ()

    @property
    def problems(self) -> tuple[Finding, ...]:
        """Every input problem: rejected files first, then each source's own, in reading order."""
        return self.rejected + tuple(found for source in self.sources for found in source.problems)


def read_corpus(paths: Iterable[str | os.PathLike[str]], max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read every file named, and every article file (by suffix) inside every folder named."""
    files, rejected = list_files(paths)
    return assemble(
        (read_source(path, source_id=source_id, max_bytes=max_bytes) for path, source_id in files), rejected
    )


def assemble(results: Iterable[Source | Finding], rejected: Iterable[Finding] = ()) -> Corpus:
    """The corpus of files read in order: sources kept, unreadable files after ``rejected``."""
    sources: list[Source] = []
    refused = list(rejected)
    for result in results:
        if isinstance(result, Source):
            sources.append(result)
        else:
            refused.append(result)
    return Corpus(tuple(sources), tuple(refused))

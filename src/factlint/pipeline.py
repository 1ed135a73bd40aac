"""Runs the stages in order for the CLI, the pytest plugin and the API; no stage imports a later one."""

from __future__ import annotations

import os
from collections.abc import Iterable

from factlint import __version__
from factlint.ingest import DEFAULT_MAX_BYTES, read_corpus
from factlint.model import Report


def build_report(paths: Iterable[str | os.PathLike[str]], max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Read ``paths`` and return everything found; later stages add claims, groups and findings."""
    inputs = tuple(os.fspath(path) for path in paths)
    corpus = read_corpus(inputs, max_bytes=max_bytes)
    return Report(
        version=__version__,
        inputs=inputs,
        sources=corpus.sources,
        findings=corpus.problems,
    )

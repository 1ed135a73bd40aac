"""Runs the stages in order for the CLI, the pytest plugin and the API; no stage imports a later one."""

from __future__ import annotations

import os
from collections.abc import Iterable

from factlint import __version__
from factlint.extract import extract
from factlint.ingest import DEFAULT_MAX_BYTES, read_corpus
from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.match import group, reconcile
from factlint.model import Report


def build_report(
    paths: Iterable[str | os.PathLike[str]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    kb: KnowledgeBase | None = None,
) -> Report:
    """Read ``paths``, extract their claims, group and reconcile them, and return everything found.

    The rules add findings in a later version.
    """
    kb = kb or default_knowledge()
    inputs = tuple(os.fspath(path) for path in paths)
    corpus = read_corpus(inputs, max_bytes=max_bytes)
    claims = tuple(claim for source in corpus.sources for claim in extract(source, kb))
    published = {source.id: source.published for source in corpus.sources}
    groups = reconcile(group(claims, kb), kb, published=published)
    return Report(
        version=__version__,
        inputs=inputs,
        sources=corpus.sources,
        findings=corpus.problems,
        claims=claims,
        groups=tuple(groups),
    )

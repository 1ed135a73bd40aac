"""Many paths to one corpus: folders walked in sorted order, each file read once, ids kept unique."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from factlint.generated import is_generated
from factlint.ingest import problems as kinds
from factlint.ingest.problems import problem
from factlint.ingest.reader import DEFAULT_MAX_BYTES, read_source
from factlint.model import Finding, Source

SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


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


def list_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """Every file to read as ``(path, source id)``, each once, and the paths that do not exist.

    Folders are walked in sorted order; ids are paths inside the folder given (or file names),
    made unique in order.
    """
    files: list[tuple[Path, str]] = []
    rejected: list[Finding] = []
    seen_files: set[Path] = set()
    used_ids: set[str] = set()
    for path, relative in _files(paths, rejected):
        try:
            identity = path.resolve()
        except (OSError, RuntimeError):
            identity = path.absolute()
        if identity in seen_files:
            continue
        seen_files.add(identity)
        files.append((path, _unique(relative, path.as_posix(), used_ids)))
    return files, rejected


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


def _files(paths: Iterable[str | os.PathLike[str]], rejected: list[Finding]) -> Iterator[tuple[Path, str]]:
    """``(path, id)`` for each file: a folder's files sorted, ids relative to that folder."""
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for path in _walk(root):
                yield path, path.relative_to(root).as_posix()
        elif root.exists():
            yield root, root.name
        else:
            rejected.append(problem(kinds.UNREADABLE, root.as_posix(), "does not exist"))


def _walk(root: Path, visited: set[Path] | None = None) -> Iterator[Path]:
    """Article files under ``root``, depth first in sorted order.

    Hidden entries and factlint's own reports are passed over. Links are followed, each real
    folder once (so a loop ends); a broken link is still yielded, so that reading it reports it.
    """
    visited = set() if visited is None else visited
    try:
        real = root.resolve()
        if real in visited:
            return
        visited.add(real)
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(root, entry.name)
        if entry.is_dir():
            yield from _walk(path, visited)
        elif (
            path.suffix.lower() in SUFFIXES
            and (entry.is_symlink() or entry.is_file())
            and not is_generated(path)
        ):
            yield path


def _unique(preferred: str, fallback: str, used: set[str]) -> str:
    """``preferred`` unless taken, then ``fallback``, then a numbered variant."""
    for candidate in (preferred, fallback):
        if candidate not in used:
            used.add(candidate)
            return candidate
    number = 2
    while f"{fallback}~{number}" in used:
        number += 1
    used.add(f"{fallback}~{number}")
    return f"{fallback}~{number}"

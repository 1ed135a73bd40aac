"""The whole-run cache: a report's rendered files, reused while nothing that makes them changes.

The per-file cache (:mod:`factlint.cache`) spares reading and extraction for unchanged files, but
matching, the checks and rendering still run over the whole corpus. factlint's output is
deterministic, so when every input file (path, id and bytes), the rule and knowledge folders,
the options that shape the report and factlint itself are as they were, the report is the same
bytes: the rendering stored last time is copied instead. Entries live beside the per-file ones,
under ``runs/`` in the cache folder; only the newest :data:`KEEP` are kept.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from factlint.cache import TAG, fingerprint

RUNS = "runs"
KEEP = 4  # run entries kept; each holds full reports, so older ones are removed
_SUMMARY = "summary.pickle"


@dataclasses.dataclass(frozen=True)
class RunSummary:
    """What a command prints and decides besides the files: input problems, severities."""

    problem_lines: tuple[str, ...]
    severities: frozenset[str]
    has_sources: bool


def run_key(
    files: Sequence[tuple[Path, str]],
    rejected: Iterable[object],
    *,
    inputs: Sequence[str],
    rule_folders: Iterable[str | os.PathLike[str]],
    options: Mapping[str, object],
    max_bytes: int,
) -> str:
    """A digest of everything a report is made from.

    Each file counts by its shown path, id and bytes (a file over ``max_bytes`` by its size, as it
    is refused unread); each rule folder by every file in it; ``options`` by their ``repr``.
    """
    digest = hashlib.sha256(f"{TAG}\0run\0{fingerprint(())}\0{max_bytes}".encode())
    for name in inputs:
        digest.update(b"\0input\0" + name.encode("utf-8", "surrogatepass"))
    for key in sorted(options):
        digest.update(f"\0option\0{key}={options[key]!r}".encode("utf-8", "surrogatepass"))
    for folder in rule_folders:
        digest.update(b"\0rules\0" + _tree_digest(Path(folder)))
    for problem in rejected:
        digest.update(b"\0rejected\0" + repr(problem).encode("utf-8", "surrogatepass"))
    for path, source_id in files:
        digest.update(b"\0file\0" + f"{path.as_posix()}\0{source_id}\0".encode("utf-8", "surrogatepass"))
        digest.update(_file_digest(path, max_bytes))
    return digest.hexdigest()


def _file_digest(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return f"size {size}".encode()
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError as exc:  # the run reports it; the same failure gives the same report
        return f"error {type(exc).__name__} {exc.errno}".encode()


def _tree_digest(folder: Path) -> bytes:
    digest = hashlib.sha256()
    if folder.is_file():
        digest.update(folder.read_bytes())
        return digest.digest()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


class RunCache:
    """Rendered reports by run key, in ``<cache folder>/runs/<key>/``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.root = Path(folder) / RUNS

    def lookup(self, key: str, outputs: Iterable[str]) -> RunSummary | None:
        """The stored summary when every one of ``outputs`` is stored under ``key``, else None."""
        entry = self.root / key
        if not all((entry / name).is_file() for name in outputs):
            return None
        try:
            with open(entry / _SUMMARY, "rb") as handle:
                tag, summary = pickle.load(handle)
        except Exception:  # a damaged or foreign entry is a miss, whatever it raises
            return None
        if tag != TAG or not isinstance(summary, RunSummary):
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # used now: pruning keeps it
        return summary

    def stored(self, key: str, output: str) -> Path:
        """Where the rendering ``output`` of run ``key`` is kept."""
        return self.root / key / output

    def store(self, key: str, summary: RunSummary, outputs: Mapping[str, Path]) -> None:
        """Keep copies of the files in ``outputs`` (name to written file) and the summary.

        The entry is built aside and renamed into place, so a reader never sees half of one; a
        cache that cannot be written is skipped.
        """
        building: Path | None = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            building = Path(tempfile.mkdtemp(dir=self.root, prefix=".tmp-"))
            for name, written in outputs.items():
                shutil.copyfile(written, building / name)
            with open(building / _SUMMARY, "wb") as handle:
                pickle.dump((TAG, summary), handle, protocol=pickle.HIGHEST_PROTOCOL)
            entry = self.root / key
            if entry.exists():
                shutil.rmtree(entry, ignore_errors=True)
            os.replace(building, entry)
        except OSError:
            if building is not None:
                shutil.rmtree(building, ignore_errors=True)
            return
        self._prune(keep=entry)

    def _prune(self, keep: Path) -> None:
        """Remove all but the :data:`KEEP` entries written or used last."""
        entries = sorted(
            (path for path in self.root.iterdir() if path.is_dir()),
            key=lambda path: (path == keep, path.stat().st_mtime_ns),
            reverse=True,
        )
        for old in entries[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)

"""The whole-run cache: a report's rendered files, reused while nothing that makes them changes.

The per-file cache (:mod:`factlint.cache`) spares reading and extraction for unchanged files, but
matching, the checks and rendering still run over the whole corpus. factlint's output is
deterministic, so when every input file (path, id and bytes), the rule and knowledge folders,
the options that shape the report and factlint itself are as they were, the report is the same
bytes: the rendering stored last time is copied instead. Entries live beside the per-file ones,
under ``runs/`` in the cache folder; only the newest :data:`KEEP` are kept. An entry's summary is
JSON holding the SHA-256 of each file rendered, and a copy whose bytes do not match it is refused
(:class:`factlint.report.output.DamagedCopy`), so a truncated or altered report is never handed out.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factlint.cache import (
    RUN_SUMMARY,
    RUNS,
    TAG,
    check_folder,
    fingerprint,
    open_private,
    sign,
    signed,
)
from factlint.ingest.names import shown
from factlint.temporary import TEMPORARY, is_stale, temporary_name

KEEP = 4  # run entries kept; each holds full reports, so older ones are removed
_SUMMARY = RUN_SUMMARY
_BUILDING = TEMPORARY


@dataclasses.dataclass(frozen=True)
class RunSummary:
    """What a command prints and decides besides the files: input problems, severities.

    ``digests`` are the SHA-256 of each rendered file by name (html, json, jsonl), once stored.
    """

    problem_lines: tuple[str, ...]
    severities: frozenset[str]
    digests: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The summary as plain JSON data."""
        return {
            "problem_lines": list(self.problem_lines),
            "severities": sorted(self.severities),
            "digests": dict(sorted(self.digests.items())),
        }

    @classmethod
    def from_json(cls, data: Any) -> RunSummary | None:
        """The summary ``data`` describes, or None when it is not one."""
        if type(data) is not dict:
            return None
        lines, severities, digests = data.get("problem_lines"), data.get("severities"), data.get("digests")
        if not (
            type(lines) is list
            and all(type(line) is str for line in lines)
            and type(severities) is list
            and all(type(level) is str for level in severities)
            and type(digests) is dict
            and all(type(value) is str and re.fullmatch(r"[0-9a-f]{64}", value) for value in digests.values())
        ):
            return None
        return cls(tuple(lines), frozenset(severities), digests)


@dataclasses.dataclass(frozen=True)
class RunKey:
    """A run's key, and the digest of each file's bytes it was made from (by shown path)."""

    key: str
    files: Mapping[str, str]


def run_key(
    files: Sequence[tuple[Path, str]],
    rejected: Iterable[object],
    *,
    inputs: Sequence[str],
    rule_folders: Iterable[str | os.PathLike[str]],
    rules: Iterable[Any],
    knowledge_files: Iterable[str | os.PathLike[str]],
    options: Mapping[str, object],
    max_bytes: int,
) -> RunKey:
    """A digest of everything a report is made from.

    Each input file counts by its shown path, id and bytes (a file over ``max_bytes`` by its size,
    as it is refused unread). The rules count by their declarations (``repr``: every parameter and
    the file each came from) and every file their suites name; each rule folder and each folder
    of knowledge by where it is and every file in it (symbolic links followed). ``options`` count
    by their ``repr``; factlint by its version, the bytes of its package, the versions of the
    libraries it needs and the working folder.
    """
    digest = hashlib.sha256(f"{TAG}\0run\0{fingerprint(())}\0{max_bytes}\0{_libraries()}".encode())
    digest.update(f"\0cwd\0{Path.cwd()}".encode("utf-8", "surrogatepass"))
    for name in inputs:
        digest.update(b"\0input\0" + name.encode("utf-8", "surrogatepass"))
    for key in sorted(options):
        digest.update(f"\0option\0{key}={options[key]!r}".encode("utf-8", "surrogatepass"))
    folders = [*map(Path, rule_folders), *{Path(file).parent for file in knowledge_files}]
    for folder in folders:
        named = f"\0rules\0{folder}\0{folder.resolve()}\0"
        digest.update(named.encode("utf-8", "surrogatepass") + _tree_digest(folder))
    for rule in rules:
        digest.update(b"\0rule\0" + repr(rule).encode("utf-8", "surrogatepass"))
        for path in _named_files(rule):
            digest.update(f"\0suite\0{path}\0".encode("utf-8", "surrogatepass") + _tree_digest(path))
    for problem in rejected:
        digest.update(b"\0rejected\0" + repr(problem).encode("utf-8", "surrogatepass"))
    read: dict[str, str] = {}
    for path, source_id in files:
        digest.update(b"\0file\0" + f"{path.as_posix()}\0{source_id}\0".encode("utf-8", "surrogatepass"))
        bytes_digest = _file_digest(path, max_bytes)
        read[shown(path.as_posix())] = bytes_digest.hex()  # as the run's sources name it
        digest.update(bytes_digest)
    return RunKey(digest.hexdigest(), read)


def _named_files(rule: Any) -> list[Path]:
    """The files or folders a rule's parameters name (its ``suites``), where it would look."""
    params = getattr(rule, "params", {}) or {}
    here = Path(rule.path).parent if getattr(rule, "path", "") else Path.cwd()
    return [here / str(name) for name in params.get("suites") or ()]


@functools.cache
def _libraries() -> str:
    """The versions of the libraries factlint declares it needs."""
    try:
        wanted = importlib.metadata.requires("factlint") or []
    except importlib.metadata.PackageNotFoundError:
        return ""
    versions = []
    for line in sorted(wanted):
        name = re.split(r"[\s;<>=!~\[]", line, maxsplit=1)[0]
        try:
            versions.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return ",".join(versions)


def _file_digest(path: Path, max_bytes: int) -> bytes:
    """The digest of a file's bytes; a pipe or device swapped in is never waited on."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as opened:
            status = os.fstat(opened.fileno())
            if not stat.S_ISREG(status.st_mode):
                return b"not a regular file"
            if status.st_size > max_bytes:
                return f"size {status.st_size}".encode()
            return hashlib.sha256(opened.read()).digest()
    except OSError as exc:  # the run reports it; the same failure gives the same report
        return f"error {type(exc).__name__} {exc.errno}".encode()


def _tree_digest(folder: Path) -> bytes:
    """The names and bytes of every file under ``folder`` (or of ``folder``, a file), links followed."""
    digest = hashlib.sha256()
    if folder.is_file():
        digest.update(folder.read_bytes())
        return digest.digest()
    seen: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree
            dirs.clear()
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(names):
            path = Path(root, name)
            if not path.is_file():  # a pipe or a device would never end; a broken link has no bytes
                digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass") + b"\0?")
                continue
            digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass") + b"\0")
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError:
                digest.update(b"unreadable")
    return digest.digest()


class RunCache:
    """Rendered reports by run key, in ``<cache folder>/runs/<key>/``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.root = Path(folder) / RUNS
        self._problem: tuple[str | None] | None = None

    @property
    def problem(self) -> str | None:
        """Why the cache folder cannot be used (None when it can); see :func:`check_folder`."""
        if self._problem is None:
            self._problem = (check_folder(self.root.parent),)
        return self._problem[0]

    def lookup(self, key: str, outputs: Iterable[str]) -> RunSummary | None:
        """The stored summary when every one of ``outputs`` is stored under ``key``, else None.

        Each output's digest is in the summary; :func:`factlint.report.output.copy_report`
        checks the bytes against it as it copies them.
        """
        entry = self.root / key
        if self.problem is not None:
            return None
        try:
            with open_private(entry / _SUMMARY) as handle:
                data = signed(handle.read(1 << 24))  # a summary is a few lines; more is not one
            if data is None:
                return None
            stored = json.loads(data)
        except (OSError, ValueError, RecursionError):  # missing, damaged or foreign: a miss
            return None
        if type(stored) is not dict or stored.get("tag") != TAG or stored.get("key") != key:
            return None
        summary = RunSummary.from_json(stored.get("summary"))
        if summary is None or not all(name in summary.digests for name in outputs):
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # used now: pruning keeps it
        return summary

    def stored(self, key: str, output: str) -> Path:
        """Where the rendering ``output`` of run ``key`` is kept."""
        return self.root / key / output

    def building(self) -> Path | None:
        """A fresh folder of this cache to render a run into (None when it cannot be written)."""
        if self.problem is not None:
            return None
        try:
            self.root.mkdir(mode=0o700, exist_ok=True)
            return Path(tempfile.mkdtemp(dir=self.root, prefix=temporary_name(_BUILDING)))
        except OSError:
            return None

    def keep(self, key: str, building: Path, summary: RunSummary) -> str | None:
        """Make the run rendered in ``building`` (this run's own folder) the entry of ``key``.

        The summary records the digest of every file rendered there. The folder is renamed into
        place, so a reader never sees half an entry. None when kept; else why not (the cache
        could not be written), and the folder is removed.
        """
        try:
            digests = {
                path.name: _sha256(path) for path in sorted(building.iterdir()) if path.name != _SUMMARY
            }
            stored = {
                "tag": TAG,
                "key": key,
                "summary": dataclasses.replace(summary, digests=digests).to_json(),
            }
            with open(building / _SUMMARY, "wb") as handle:
                handle.write(sign(json.dumps(stored).encode()))
            entry = self.root / key
            if entry.exists():
                shutil.rmtree(entry, ignore_errors=True)
            os.replace(building, entry)
        except OSError as exc:
            shutil.rmtree(building, ignore_errors=True)
            return f"cache {self.root.parent}: this run could not be stored ({exc.strerror or exc})"
        self._prune(keep=entry)
        return None

    def forget(self, key: str) -> None:
        """Remove the entry of ``key`` (found damaged)."""
        shutil.rmtree(self.root / key, ignore_errors=True)

    def _prune(self, keep: Path) -> None:
        """Remove all but the :data:`KEEP` entries written or used last.

        Runs being written stay, unless the process writing them is gone (killed, crashed).
        """
        dated = []
        for path in self.root.iterdir():
            if is_stale(path.name, _BUILDING):
                shutil.rmtree(path, ignore_errors=True)
                continue
            try:
                if path.is_dir() and not path.name.startswith(_BUILDING):
                    dated.append((path == keep, path.stat().st_mtime_ns, path))
            except OSError:  # another run renamed or removed it meanwhile
                continue
        for _, _, old in sorted(dated, reverse=True)[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()

"""The incremental cache: each file's reading and claims, kept on disk between runs.

An entry is keyed by the file's bytes, its path and id, the size limit, the knowledge files'
bytes and factlint's version, so a changed file, a changed rule or a new release is read afresh
and an unchanged one is not. Entries are pickles written by factlint itself in
``.factlint-cache/`` (or ``$FACTLINT_CACHE_DIR``), one file each, replaced atomically; an entry
that cannot be read is treated as missing, never as an error. Do not point the cache at a folder
others can write to: a pickle is trusted code.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factlint import __version__

DEFAULT_DIR = ".factlint-cache"
ENVIRONMENT = "FACTLINT_CACHE_DIR"
TAG = "factlint-cache-1"  # the layout of an entry; bump when it changes


def cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The cache folder: the one given, else ``$FACTLINT_CACHE_DIR``, else ``.factlint-cache``."""
    return Path(explicit or os.environ.get(ENVIRONMENT) or DEFAULT_DIR)


def fingerprint(files: Iterable[str | os.PathLike[str]]) -> str:
    """A digest of factlint's version and code, the Python version and the knowledge files' bytes."""
    digest = hashlib.sha256(f"{TAG}\0{__version__}\0{sys.version_info[:2]}\0{code_digest()}".encode())
    for name in sorted(os.fspath(file) for file in files):
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
        try:
            digest.update(Path(name).read_bytes())
        except OSError:
            digest.update(b"\0missing")
    return digest.hexdigest()


@functools.cache
def code_digest() -> str:
    """A digest of factlint's package: its modules, templates and data.

    A changed extractor or template never meets an old entry.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Cache:
    """Entries in one folder for one fingerprint of the rules."""

    def __init__(self, folder: str | os.PathLike[str], rules: str) -> None:
        self.folder = Path(folder)
        self.rules = rules

    def key(self, data: bytes, path: str, source_id: str, max_bytes: int) -> str:
        """The key of one file's entry."""
        digest = hashlib.sha256(self.rules.encode())
        for part in (path, source_id, str(max_bytes)):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0" + hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        """The entry stored under ``key``, or None (missing, unreadable or from another layout)."""
        try:
            with open(self._path(key), "rb") as handle:
                tag, value = pickle.load(handle)
        except Exception:  # a damaged or foreign entry is a miss, whatever it raises
            return None
        return value if tag == TAG else None

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key``; a cache that cannot be written is silently skipped."""
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pickle")
            with os.fdopen(handle, "wb") as out:
                pickle.dump((TAG, value), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except OSError:
            return


def clear(folder: str | os.PathLike[str]) -> int:
    """Remove a cache folder that factlint made; the number of entries removed.

    A folder holding anything but factlint's entries is left alone (ValueError), so that a
    mistyped ``--cache-dir`` never deletes a user's files.
    """
    root = Path(folder)
    if not root.exists():
        return 0
    entries = 0
    for path in root.rglob("*"):
        if path.is_dir() and len(path.name) == 2 and path.parent == root:
            continue
        if path.is_file() and path.suffix == ".pickle" and path.parent.parent == root:
            entries += 1
            continue
        if _in_runs(root, path):
            entries += path.is_dir() and path.parent.parent == root
            continue
        raise ValueError(f"{root} holds {path.relative_to(root)}, which factlint did not write; not cleared")
    shutil.rmtree(root)
    return entries


def _in_runs(root: Path, path: Path) -> bool:
    """Whether ``path`` is part of the whole-run entries (see :mod:`factlint.runcache`).

    That is ``runs/``, a folder named by a key (or one being written) in it, and the report
    files and summary of such a folder; anything else is not factlint's.
    """
    from factlint.runcache import ENTRY_FILES, RUNS, is_entry

    parts = path.relative_to(root).parts
    if parts[0] != RUNS or len(parts) > 3:
        return False
    if len(parts) == 1:
        return path.is_dir()
    if len(parts) == 2:
        return path.is_dir() and is_entry(parts[1])
    return path.is_file() and is_entry(parts[1]) and (parts[2] in ENTRY_FILES or parts[1].startswith("."))

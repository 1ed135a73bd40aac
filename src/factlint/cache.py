"""The incremental cache: each file's reading and claims, kept on disk between runs.

An entry is keyed by the file's bytes, its path and id, the size limit, the knowledge files'
bytes and factlint's version, so a changed file, a changed rule or a new release is read afresh
and an unchanged one is not. Entries are JSON documents (never pickles: nothing read from the
cache can run code) in ``.factlint-cache/`` (or ``$FACTLINT_CACHE_DIR``), one file each, written
0600 in folders made 0700 and replaced atomically. Each entry is signed with a key kept in the
user's own 0600 file (:func:`key_file`), so an entry that someone else wrote (a repository that
ships a cache folder, whose keys anyone can compute from a release) is never believed. A folder
that another user owns or may write to is not used at all (:func:`check_folder`); an entry that
cannot be read, is not this user's, is not signed with this user's key or does not hold what its
key promises is treated as missing, never as an error. The cache is an optimisation only: when it
fails, the run goes on without it and says so once (:class:`CacheWarning`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factlint.temporary import TEMPORARY, remove_stale, temporary_name
from factlint.version import __version__

DEFAULT_DIR = ".factlint-cache"
ENVIRONMENT = "FACTLINT_CACHE_DIR"
TAG = "factlint-cache-2"  # the layout of an entry; bump when it changes
SUFFIX = ".json"
MAX_ENTRY_BYTES = 256 << 20  # an entry larger than this was not written by factlint: a miss
# The whole-run entries' layout (see factlint.runcache): runs/<key>/{html,json,jsonl,summary}.
RUNS = "runs"
RUN_SUMMARY = "summary.json"
RUN_FILES = frozenset({"html", "json", "jsonl", RUN_SUMMARY, "summary.pickle"})


class CacheWarning(UserWarning):
    """The cache could not be used or written; the run went on without it."""


def cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The cache folder: the one given, else ``$FACTLINT_CACHE_DIR``, else ``.factlint-cache``."""
    return Path(explicit or os.environ.get(ENVIRONMENT) or DEFAULT_DIR)


def check_folder(folder: str | os.PathLike[str]) -> str | None:
    """Make the cache folder (0700) if it is missing; None when it is safe to use, else why not.

    Safe means a folder (or a link to one) that this user owns and that neither its group nor
    others may write to: anything in it could otherwise have been put there by someone else.
    """
    root = Path(folder)
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = root.stat()
    except OSError as exc:
        return f"cache {root}: cannot be made or read ({exc.strerror or exc}); running without it"
    if not stat.S_ISDIR(status.st_mode):
        return f"cache {root}: is not a folder; running without it"
    if status.st_uid != os.geteuid():
        return f"cache {root}: belongs to another user (uid {status.st_uid}); running without it"
    if status.st_mode & 0o022:
        return (
            f"cache {root}: others may write to it (mode {stat.S_IMODE(status.st_mode):o}); running "
            f"without it (chmod 700 {root} to use it)"
        )
    return None


def key_file() -> Path:
    """The user's signing key: ``$XDG_CONFIG_HOME/factlint/cache-key`` (``~/.config`` by default)."""
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config, "factlint", "cache-key")


@functools.cache
def signing_key() -> tuple[bytes, str | None]:
    """The user's key for signing entries, made (0600) on first use; and why it is not kept, if not.

    A key that cannot be read nor made (no home folder, a read-only one) is replaced by one for
    this process alone: the run still works, but what it stores is not reused by later runs.
    """
    path = key_file()
    for _ in range(2):
        try:
            with open_private(path) as handle:
                if os.fstat(handle.fileno()).st_mode & 0o077:
                    return secrets.token_bytes(
                        32
                    ), f"{path}: others may read it; chmod 600 it to reuse the cache"
                key = handle.read(4096)
            if len(key) >= 32:
                return key, None
            return secrets.token_bytes(32), f"{path}: holds no key; remove it to make a new one"
        except FileNotFoundError:
            pass
        except OSError as exc:
            return secrets.token_bytes(32), f"{path}: cannot be read ({exc.strerror or exc})"
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another run made it meanwhile: read that one
            continue
        except OSError as exc:
            return secrets.token_bytes(32), f"{path}: cannot be made ({exc.strerror or exc})"
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_hex(32).encode())
    return secrets.token_bytes(32), f"{path}: cannot be made"


def sign(data: bytes) -> bytes:
    """``data`` with its signature (this user's key) on a first line of its own."""
    mac = hmac.new(signing_key()[0], data, hashlib.sha256).hexdigest().encode()
    return mac + b"\n" + data


def signed(stored: bytes) -> bytes | None:
    """The data that :func:`sign` made ``stored`` of, when this user's key signed it; else None."""
    mac, _, data = stored.partition(b"\n")
    expected = hmac.new(signing_key()[0], data, hashlib.sha256).hexdigest().encode()
    return data if hmac.compare_digest(mac, expected) else None


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


def open_private(path: Path) -> Any:
    """``path`` opened for reading in binary, if it is a private regular file of this user's.

    Else OSError: a file that another user owns or may write, or a link, is never read.
    """
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    status = os.fstat(handle)
    if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid() or status.st_mode & 0o022:
        os.close(handle)
        raise PermissionError(f"{path}: not a private file of this user's")
    return os.fdopen(handle, "rb")


class Cache:
    """Entries in one folder for one fingerprint of the rules: JSON documents by key.

    The folder is made and checked (:func:`check_folder`) at the first use in each process; an
    unsafe one is never read nor written. Any failure to read or write is a miss (reading) or a
    message (writing), never an exception.
    """

    def __init__(self, folder: str | os.PathLike[str], rules: str) -> None:
        self.folder = Path(folder)
        self.rules = rules
        self._problem: tuple[int, str | None] | None = None  # (pid, what check_folder said)

    @property
    def problem(self) -> str | None:
        """Why the folder cannot be used (None when it can), checked once per process."""
        if self._problem is None or self._problem[0] != os.getpid():
            self._problem = (os.getpid(), check_folder(self.folder))
        return self._problem[1]

    def key(self, data: bytes, path: str, source_id: str, max_bytes: int) -> str:
        """The key of one file's entry."""
        digest = hashlib.sha256(self.rules.encode())
        for part in (path, source_id, str(max_bytes)):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0" + hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{SUFFIX}"

    def get(self, key: str) -> Any | None:
        """The JSON value stored under ``key``, or None (missing, unreadable, foreign or another layout)."""
        if self.problem is not None:
            return None
        try:
            with open_private(self._path(key)) as handle:
                stored = handle.read(MAX_ENTRY_BYTES + 1)
            if len(stored) > MAX_ENTRY_BYTES:  # no file factlint reads makes one so large
                return None
            data = signed(stored)
            if data is None:
                return None
            entry = json.loads(data)
        except (OSError, ValueError, RecursionError):
            return None
        if type(entry) is not dict or entry.get("tag") != TAG or entry.get("key") != key:
            return None
        return entry.get("value")

    def put(self, key: str, value: Any) -> str | None:
        """Store the JSON-able ``value`` under ``key``; None when stored, else why it was not."""
        if self.problem is not None:
            return self.problem
        target = self._path(key)
        try:
            target.parent.mkdir(mode=0o700, exist_ok=True)
            data = sign(json.dumps({"tag": TAG, "key": key, "value": value}, separators=(",", ":")).encode())
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=temporary_name(), suffix=SUFFIX)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError as exc:
            return f"cache {self.folder}: an entry could not be written ({exc.strerror or exc})"
        return None

    def sweep(self) -> None:
        """Remove the temporary files of writers that died, in every folder of entries."""
        if self.problem is not None:
            return
        with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
            for entry in entries:
                if len(entry.name) == 2 and entry.is_dir(follow_symlinks=False):
                    remove_stale(Path(entry.path))


def clear(folder: str | os.PathLike[str]) -> int:
    """Remove a cache folder that factlint made; the number of entries removed.

    A folder holding anything but factlint's entries is left alone (ValueError), so that a
    mistyped ``--cache-dir`` never deletes a user's files. A cache folder that is a link keeps
    the link and its target folder; what factlint wrote in it is removed.
    """
    root = Path(folder)
    if not root.exists():
        return 0
    if not root.is_dir():
        raise ValueError(f"{root} is not a folder; not cleared")
    entries = 0
    for path in root.rglob("*"):
        if path.is_dir() and len(path.name) == 2 and path.parent == root:
            continue
        if path.is_file() and path.parent.parent == root and _is_entry_file(path.name):
            entries += not path.name.startswith(TEMPORARY)
            continue
        if _in_runs(root, path):
            entries += path.is_dir() and path.parent.parent == root
            continue
        raise ValueError(f"{root} holds {path.relative_to(root)}, which factlint did not write; not cleared")
    if root.is_symlink():
        for child in root.iterdir():
            shutil.rmtree(child)
    else:
        shutil.rmtree(root)
    return entries


def _is_entry_file(name: str) -> bool:
    """An entry, one of an older layout (``.pickle``) or one being written."""
    return name.endswith((SUFFIX, ".pickle"))


def _in_runs(root: Path, path: Path) -> bool:
    """Whether ``path`` is part of the whole-run entries (see :mod:`factlint.runcache`).

    That is ``runs/``, a folder named by a key (or one being written) in it, and the report
    files and summary of such a folder; anything else is not factlint's.
    """
    parts = path.relative_to(root).parts
    if parts[0] != RUNS or len(parts) > 3:
        return False
    if len(parts) == 1:
        return path.is_dir()
    if len(parts) == 2:
        return path.is_dir() and is_entry(parts[1])
    return path.is_file() and is_entry(parts[1]) and (parts[2] in RUN_FILES or parts[1].startswith("."))


def is_entry(name: str) -> bool:
    """Whether ``name`` is that of a run entry (a key) or of one being written."""
    return (len(name) == 64 and all(char in "0123456789abcdef" for char in name)) or name.startswith(
        TEMPORARY
    )

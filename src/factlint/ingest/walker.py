"""The one walk over the files and folders given, for the command line, the engines and pytest.

Folders are walked depth first in sorted order, without recursion (so no tree is too deep).
Links are followed, each real folder and file once, so a loop ends (``selfdir -> .``,
``sub/up -> ..``). Every entry that could hold an article but cannot be used is a finding
naming it: a missing path, a broken link, a link loop, a folder that cannot be listed, a
named pipe, socket or device (never opened: reading one could block). Names are shown with
:func:`~factlint.ingest.names.shown`, so that an undecodable name never crashes a writer.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from factlint.generated import is_generated
from factlint.ingest import problems as kinds
from factlint.ingest.names import shown
from factlint.ingest.problems import problem
from factlint.model import Finding

SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")

_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


@dataclasses.dataclass(frozen=True)
class Entry:
    """One article file to read, or one entry that cannot be read and the finding that says why.

    ``path`` is the real name (to open); ``shown`` its printable form, which the source's path
    and every finding about it carry; ``root`` the path given that it was found under.
    """

    path: Path
    shown: str
    root: str
    source_id: str | None = None
    problem: Finding | None = None


def walk(paths: Iterable[str | os.PathLike[str]]) -> list[Entry]:
    """Every article file under ``paths`` once, and every unusable entry, in walking order.

    A file's id is its path inside the folder given (or its name when it was given itself),
    made unique in order.
    """
    entries: list[Entry] = []
    seen: set[object] = set()
    used_ids: set[str] = set()
    for given in paths:
        root = os.fspath(given)
        for path, relative, failure in _entries(Path(root), seen):
            display = shown(path.as_posix())
            source_id = None if relative is None else _unique(shown(relative), display, used_ids)
            found = None if failure is None else problem(kinds.UNREADABLE, display, failure, source_id)
            entries.append(Entry(path, display, root, source_id, found))
    return entries


def list_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """Every file to read as ``(path, source id)``, each once, and the findings of the entries not read."""
    files: list[tuple[Path, str]] = []
    rejected: list[Finding] = []
    for entry in walk(paths):
        if entry.problem is not None:
            rejected.append(entry.problem)
        elif entry.source_id is not None:
            files.append((entry.path, entry.source_id))
    return files, rejected


def _entries(root: Path, seen: set[object]) -> Iterator[tuple[Path, str | None, str | None]]:
    """``(path, id or None, why it cannot be read or None)`` for ``root`` and what is under it."""
    status, failure = _stat(root)
    if status is None:
        yield root, None, failure
        return
    if not stat.S_ISDIR(status.st_mode):
        if _claim(root, status, seen):
            yield root, root.name, _not_regular(status)
        return
    if not _claim(root, status, seen):
        return
    listing, failure = _list(root)
    if listing is None:
        yield root, None, failure
        return
    stack = [iter(listing)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        wanted = path.suffix.lower() in SUFFIXES
        status, failure = _stat(entry)
        if status is None:
            if wanted or (not path.suffix and _is_link(entry)):  # a link to a folder, perhaps
                yield path, _relative(path, root), failure
        elif stat.S_ISDIR(status.st_mode):
            if _claim(path, status, seen):
                listing, failure = _list(path)
                if listing is None:
                    yield path, None, failure
                else:
                    stack.append(iter(listing))
        elif (
            wanted
            and (not stat.S_ISREG(status.st_mode) or not is_generated(path))
            and _claim(path, status, seen)
        ):
            yield path, _relative(path, root), _not_regular(status)


def _stat(entry: Path | os.DirEntry[str]) -> tuple[os.stat_result | None, str | None]:
    """The entry's status with links followed, or None and why it has none."""
    try:
        return (entry.stat() if isinstance(entry, os.DirEntry) else os.stat(entry)), None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "a symbolic link loop; skipped"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if _is_link(entry):
                return None, f"a broken symbolic link (to {_target(entry)}); skipped"
            return None, "does not exist"
        return None, f"cannot be read: {exc.strerror or exc}"


def _is_link(entry: Path | os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _target(entry: Path | os.DirEntry[str]) -> str:
    """Where a link points, as written in it."""
    try:
        return shown(os.readlink(entry))
    except OSError as exc:
        return f"? {exc.strerror or exc}"


def _list(folder: Path) -> tuple[list[os.DirEntry[str]] | None, str | None]:
    """The folder's entries that are not hidden, sorted by name; or None and why not."""
    try:
        with os.scandir(folder) as found:
            entries = [entry for entry in found if not entry.name.startswith(".")]
    except OSError as exc:
        return None, f"folder cannot be read: {exc.strerror or exc}; the files in it were skipped"
    entries.sort(key=lambda entry: entry.name)
    return entries, None


def _claim(path: Path, status: os.stat_result, seen: set[object]) -> bool:
    """True the first time a real file or folder is met (by device and inode), else False."""
    identity: object = (status.st_dev, status.st_ino) if status.st_ino else os.path.realpath(path)
    if identity in seen:
        return False
    seen.add(identity)
    return True


def _not_regular(status: os.stat_result) -> str | None:
    """None for a regular file, else what the entry is (it is never opened)."""
    if stat.S_ISREG(status.st_mode):
        return None
    kind = next((name for test, name in _SPECIAL if test(status.st_mode)), "not a regular file")
    return f"{kind}, not an article file; skipped"


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


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

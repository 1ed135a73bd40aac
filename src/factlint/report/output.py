"""Writing report files safely: never over an input, never over a file factlint did not write."""

from __future__ import annotations

import contextlib
import hashlib
import io
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import BinaryIO

from factlint.generated import is_generated
from factlint.temporary import is_stale, temporary_name


class OutputRefused(Exception):
    """Writing the file would destroy something the user wrote."""


class DamagedCopy(OSError):
    """A stored report whose bytes are not those it was stored with; nothing was written."""


def write_report(
    path: str | os.PathLike[str],
    content: str | Iterable[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Path:
    """Write ``content`` (text, or pieces of it as they are made) to ``path`` atomically.

    The text goes to a temporary file, which is then renamed over ``path``.
    Refuses to replace a file named in ``inputs`` and, unless ``force``, any existing file that
    does not carry a factlint marker in its first bytes.
    """
    return _write_text(check_output(path, inputs, force), content)


def _write_text(target: Path, content: str | Iterable[str]) -> Path:
    def write(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
        if isinstance(content, str):
            text.write(content)
        else:
            text.writelines(content)
        text.flush()
        text.detach()

    return _replace(target, write)


def copy_report(
    path: str | os.PathLike[str],
    stored: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
    sha256: str | None = None,
) -> Path:
    """Copy a report rendered earlier (``stored``) to ``path``, as :func:`write_report` writes.

    With ``sha256``, the bytes copied must have that digest, else :class:`DamagedCopy` is raised
    and ``path`` is left as it was.
    """

    def write(stream: BinaryIO) -> None:
        digest = hashlib.sha256()
        with open(stored, "rb") as source:
            while chunk := source.read(1 << 20):
                digest.update(chunk)
                stream.write(chunk)
        if sha256 is not None and digest.hexdigest() != sha256:
            raise DamagedCopy(f"{stored}: its bytes are not those that were stored")

    return _replace(check_output(path, inputs, force), write)


def write_reports(
    outputs: Sequence[tuple[str | os.PathLike[str], Callable[[], str | Iterable[str]]]],
    inputs: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
    workers: int = 1,
) -> list[Path]:
    """Write each ``(path, render)`` of ``outputs``: :func:`write_report` of ``render()``.

    Every path is checked before anything is written, so a refused one writes none. With
    ``workers`` > 1 (where processes can fork) the outputs after the first are rendered and
    written in forked processes at the same time as the first, here.
    """
    shielded = list(inputs)
    targets = [check_output(path, shielded, force) for path, _ in outputs]
    forking = workers > 1 and len(outputs) > 1 and "fork" in multiprocessing.get_all_start_methods()
    if not forking:
        return [_write_text(target, render()) for target, (_, render) in zip(targets, outputs, strict=True)]
    context = multiprocessing.get_context("fork")
    children = []
    for target, (_, render) in list(zip(targets, outputs, strict=True))[1:]:
        receiving, sending = context.Pipe(duplex=False)
        child = context.Process(target=_write_in_child, args=(target, render, sending), daemon=True)
        child.start()
        sending.close()
        children.append((target, child, receiving))
    _write_text(targets[0], outputs[0][1]())
    failures = []
    for target, child, receiving in children:
        try:
            problem = receiving.recv()
        except EOFError:  # killed before it could say (out of memory, a signal)
            problem = "stopped without a word"
        child.join()
        if problem is not None or child.exitcode != 0:
            failures.append(f"{target}: {problem or f'exit code {child.exitcode}'}")
    if failures:
        raise OSError("; ".join(failures))
    return targets


def _write_in_child(target: Path, render: Callable[[], str | Iterable[str]], report: Connection) -> None:
    """Write one output in a forked process and say how it went (None, or what went wrong)."""
    try:
        _write_text(target, render())
    except BaseException as exc:  # the parent says it; the child must not raise past here
        report.send(f"{type(exc).__name__}: {exc}")
    else:
        report.send(None)
    finally:
        report.close()


def check_output(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]], force: bool) -> Path:
    """``path``, unless writing it would destroy an input or a file the user wrote.

    Then it raises :class:`OutputRefused`.
    """
    target = Path(path)
    resolved = target.resolve()
    for given in inputs:
        source = Path(given).resolve()
        if resolved == source:
            raise OutputRefused(f"{target}: is an input of this run; choose another output path")
    if target.is_dir():
        raise OutputRefused(f"{target}: is a folder; give a file name")
    if target.exists() and not force and not is_generated(target):
        raise OutputRefused(f"{target}: exists and was not written by factlint; use --force to replace it")
    return target


def _replace(target: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Write ``target`` through a temporary file renamed over it, so it is never half written.

    The file gets the mode a new file gets under the umask (as ``open`` would give it); what an
    earlier run killed while writing ``target`` left behind is removed first.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{target.name}."
    remove_stale_temporaries(target.parent, prefix)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=temporary_name(prefix), suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def remove_stale_temporaries(folder: Path, prefix: str) -> None:
    """Remove ``prefix*.tmp`` files in ``folder`` whose writer (the pid in the name) is gone."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if (
                entry.name.endswith(".tmp")
                and is_stale(entry.name, prefix)
                and entry.is_file(follow_symlinks=False)
            ):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _umask() -> int:
    """The process's umask (set back at once: the standard library reads it only by setting it)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask

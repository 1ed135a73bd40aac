"""Running out of memory as one line: which stage, which file if known, and what to try.

A worker process killed by the kernel's out-of-memory killer breaks its pool
(``BrokenProcessPool``), and an allocation that fails raises ``MemoryError``; either used to end
a run with a traceback and exit code 1, the code for findings. :class:`OutOfMemory` carries the
stage and files instead, and the command line prints it and exits 2.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool

ADVICE = "try --jobs 1 or a smaller --max-size"


class OutOfMemory(Exception):
    """A stage ran out of memory (or lost a worker process), reading ``files`` if known."""

    def __init__(self, stage: str, files: Sequence[str] = (), killed: bool = False) -> None:
        super().__init__(stage, tuple(files), killed)
        self.stage, self.files, self.killed = stage, tuple(files), killed

    def __str__(self) -> str:
        where = f" {' or '.join(_shown(name) for name in self.files)}" if self.files else ""
        how = " (a worker process was killed)" if self.killed else ""
        return f"ran out of memory while {self.stage}{where}{how}; {ADVICE}"


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Turn ``MemoryError`` or a broken worker pool within the block into :class:`OutOfMemory`."""
    try:
        yield
    except OutOfMemory:
        raise
    except MemoryError as exc:
        raise OutOfMemory(name) from exc
    except BrokenProcessPool as exc:
        raise OutOfMemory(name, killed=True) from exc


def _shown(name: str) -> str:
    """A file name that prints on any terminal (bytes that are not UTF-8 as escapes)."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")

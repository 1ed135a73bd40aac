"""A progress bar on standard error while sources are read, only for a person at a terminal.

Piped, captured or in CI (not a terminal) it prints nothing at all, so logs and machine output
stay clean; at a terminal it appears once a run has at least ``threshold`` sources and is removed
once the last source is read (so no drawing thread is left when later stages fork workers).
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

THRESHOLD = 20  # fewer sources than this are read before a bar would be worth drawing


class SourceProgress:
    """A callback ``progress(done, total)`` that draws a bar when it is worth it; a context manager."""

    def __init__(self, console: Console | None = None, threshold: int = THRESHOLD) -> None:
        self.console = console or Console(stderr=True)
        self.threshold = threshold
        self._bar: Progress | None = None
        self._task: int | None = None

    def __call__(self, done: int, total: int) -> None:
        """Record that ``done`` of ``total`` sources have been read and their claims extracted."""
        if self._bar is None:
            if total < self.threshold or not self.console.is_terminal:
                return
            self._bar = Progress(
                TextColumn("reading sources"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("sources", total=total)
        assert self._task is not None
        self._bar.update(self._task, completed=done, total=total)
        if done >= total:  # reading is over: no drawing thread is left while later stages fork workers
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> SourceProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

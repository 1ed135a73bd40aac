"""The ``factlint`` command line: each command's docstring is its ``--help``, with an example.

A thin face over :mod:`factlint.run_setup`: each command group lives in a module of its own
(listed in :data:`COMMANDS`) and is imported only when it runs or ``--help`` lists it, so that
``factlint check`` does not import what ``factlint report`` or ``reconcile`` need (jinja2,
pandas). The options the commands share are in :mod:`factlint.cli.options`.
"""

from __future__ import annotations

import gc
import importlib
import sys
import warnings
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import click

from factlint.cache import CacheWarning
from factlint.cli.common import ExitCode
from factlint.memory import OutOfMemory
from factlint.version import __version__

__all__ = ["COMMANDS", "ExitCode", "main"]

# Each command: the module defining it and its name there.
COMMANDS = {
    "cache": ("factlint.cli.cache", "cache"),
    "check": ("factlint.cli.check", "check"),
    "claims": ("factlint.cli.reading", "claims"),
    "explain": ("factlint.cli.catalogue", "explain"),
    "reconcile": ("factlint.cli.reconcile", "reconcile"),
    "report": ("factlint.cli.report", "report"),
    "rules": ("factlint.cli.catalogue", "rules_command"),
    "sources": ("factlint.cli.reading", "sources"),
    "validate": ("factlint.cli.validate", "validate"),
}


class _Commands(click.Group):
    """The command group: commands imported when asked for; running out of memory is exit code 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, name = COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (OutOfMemory, MemoryError, BrokenProcessPool) as exc:
            if not isinstance(exc, OutOfMemory):
                exc = OutOfMemory(
                    f"running {ctx.invoked_subcommand}", killed=not isinstance(exc, MemoryError)
                )
            click.echo(f"factlint: {exc}", err=True)
            sys.exit(ExitCode.USAGE)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint")
def main() -> None:
    """Find where news sources disagree before publication."""
    # A run holds a corpus's claims for its whole length: collecting garbage less often spares
    # walking them again and again (a tenth of the parent's time in a 10,000-article run).
    gc.set_threshold(10_000, 50, 50)
    _say_cache_warnings()


def _say_cache_warnings() -> None:
    """Print each distinct cache warning once, as one line of its own, on standard error."""
    warnings.filterwarnings("always", category=CacheWarning)
    shown = warnings.showwarning
    if getattr(shown, "factlint", False):
        return

    def show(message: Any, category: Any, filename: str, lineno: int, *args: Any, **kwargs: Any) -> None:
        if isinstance(category, type) and issubclass(category, CacheWarning):
            click.echo(f"factlint: warning: {message}", err=True)
        else:
            shown(message, category, filename, lineno, *args, **kwargs)

    show.factlint = True  # type: ignore[attr-defined]
    warnings.showwarning = show

"""The options the commands share, and the :class:`~factlint.run_setup.Flags` they ask for.

``--rules``, ``--select``, ``--ignore``, ``--severity`` and the engine options keep their values in
the click context (they are not parameters of each command); :func:`flags` collects them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from factlint.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from factlint.cache import ENVIRONMENT
from factlint.ingest import DEFAULT_MAX_BYTES
from factlint.run_setup import Flags

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "kib": 1024,
    "m": 1000**2,
    "mb": 1024**2,
    "mib": 1024**2,
    "g": 1000**3,
    "gb": 1024**3,
    "gib": 1024**3,
}


class ByteSize(click.ParamType):
    """A size such as ``10MB``, ``500KiB`` or ``2000000``."""

    name = "size"

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.match(str(value))
        unit = (match.group(2) or "").lower() if match else ""
        if not match or unit not in _UNITS:
            self.fail(f"{value!r} is not a size such as 10MB or 500KB", param, ctx)
        return int(float(match.group(1)) * _UNITS[unit])


def remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep an option's value in the context, for :func:`flags`."""
    ctx.meta[f"factlint.{param.name}"] = value
    return value


def _selectors(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    return remember(
        ctx, param, tuple(part.strip() for item in value for part in item.split(",") if part.strip())
    )


def rules_folders_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--rules DIR`` (repeatable), kept in the context for :func:`flags`."""
    return click.option(
        "--rules",
        "rules_dirs",
        multiple=True,
        expose_value=False,
        callback=remember,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help=help_text,
    )


def format_option(formats: list[str], help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format``: one of ``formats``, the first by default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(formats),
        default=formats[0],
        show_default=True,
        help=help_text,
    )


def rule_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--rules DIR``, ``--select`` and ``--ignore``, kept in the context for :func:`flags`."""
    for option in (
        click.option(
            "--severity",
            "severities",
            multiple=True,
            expose_value=False,
            callback=_selectors,
            metavar="SELECTOR=LEVEL",
            help="Change a rule's severity (FL204=error, sources=info); repeatable.",
        ),
        click.option(
            "--ignore",
            multiple=True,
            expose_value=False,
            callback=_selectors,
            help="Skip these rules: codes, code prefixes (FL2) or dotted names (time); repeatable.",
        ),
        click.option(
            "--select",
            multiple=True,
            expose_value=False,
            callback=_selectors,
            help="Run only these rules: codes, code prefixes or dotted names; repeatable.",
        ),
        rules_folders_option("A folder of rules and knowledge layered over the bundled rules/; repeatable."),
    ):
        command = option(command)
    return command


def engine_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--jobs``, ``--no-cache``, ``--cache-dir`` and ``--stories``, kept for :func:`flags`."""
    for option in (
        click.option(
            "--stories",
            type=click.Choice(["corpus", "folder"]),
            default="corpus",
            show_default=True,
            expose_value=False,
            callback=remember,
            help="One story told by every source, or one per folder (an archive): claims are matched "
            "only within a story.",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            expose_value=False,
            callback=remember,
            help="With --engine dask: a running Dask scheduler (tcp://host:8786) instead of a local "
            "cluster of --jobs workers.",
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            expose_value=False,
            callback=remember,
            help="Where files are read, extracted and grouped: here, or on Dask (pip install "
            "'factlint[dask]').",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False, path_type=Path),
            expose_value=False,
            callback=remember,
            help=f"Where the cache lives [default: ${ENVIRONMENT} or {DEFAULT_CACHE_DIR}].",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            expose_value=False,
            callback=remember,
            help="Read and extract every file afresh, and store nothing.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=0),
            default=None,
            expose_value=False,
            callback=remember,
            help="Worker processes reading and extracting files; 0 for one per core "
            "[default: 1, with --engine dask one per core].",
        ),
    ):
        command = option(command)
    return command


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads sources shares: PATHS, ``--max-size`` and the rules."""

    @click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
    @click.option(
        "--max-size",
        type=ByteSize(),
        default=DEFAULT_MAX_BYTES,
        show_default="10MB",
        help="Skip files larger than this (FL905).",
    )
    @rule_options
    @engine_options
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    return wrapper


def output_file_option(*names: str, help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """An option naming a file to write, none by default (``-o/--output``, ``--json``...)."""
    return click.option(*names, type=click.Path(dir_okay=False, path_type=Path), default=None, help=help)


def output_options(formats: list[str], help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` (one of ``formats``, ``table`` first) and ``-o/--output`` for a listing command."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = output_file_option("-o", "--output", help="Write to this file instead of standard output.")(
            command
        )
        return format_option(formats, help_text)(command)

    return decorate


def fail_on_option(default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--fail-on LEVEL``: the severity from which findings make the exit code 1."""
    return click.option(
        "--fail-on",
        type=click.Choice(["error", "warning", "info", "never"]),
        default=default,
        show_default=True,
        help="Exit 1 when a finding is at or over this severity.",
    )


def flags(ctx: click.Context, *, quick: bool = False) -> Flags:
    """What the options of the running command ask for (``quick``: the heavy rules left out)."""
    meta = ctx.meta
    return Flags(
        rules=tuple(meta.get("factlint.rules_dirs", ())),
        select=meta.get("factlint.select", ()),
        ignore=meta.get("factlint.ignore", ()),
        severities=meta.get("factlint.severities", ()),
        quick=quick,
        engine=meta.get("factlint.engine") or "local",
        jobs=meta.get("factlint.jobs"),
        scheduler=meta.get("factlint.scheduler"),
        no_cache=bool(meta.get("factlint.no_cache")),
        cache_dir=meta.get("factlint.cache_dir"),
        stories=meta.get("factlint.stories", "corpus"),
    )

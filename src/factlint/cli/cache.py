"""``factlint cache``: the incremental cache of files read and claims extracted."""

from __future__ import annotations

from pathlib import Path

import click

from factlint.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from factlint.cache import ENVIRONMENT, clear
from factlint.cache import cache_dir as folder_of
from factlint.cli.common import usage


@click.group()
def cache() -> None:
    """The incremental cache of files read and claims extracted (.factlint-cache/)."""


@cache.command("clear")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"The cache to clear [default: ${ENVIRONMENT} or {DEFAULT_CACHE_DIR}].",
)
def cache_clear(cache_dir: Path | None) -> None:
    """Remove the cache; the next run reads and extracts every file afresh.

    Example: factlint cache clear
    """
    folder = folder_of(cache_dir)
    try:
        removed = clear(folder)
    except ValueError as exc:
        usage(exc)
    click.echo(f"removed {removed} cached file(s) from {folder}", err=True)

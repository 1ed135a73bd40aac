"""``factlint sources`` and ``factlint claims``: what was read from PATHS, as tables."""

from __future__ import annotations

from pathlib import Path

import click

from factlint.cli.common import build, command_setup, emit, no_input, print_problems
from factlint.cli.options import format_option, output_options, reading_options
from factlint.report.json_report import dumps
from factlint.report.summary import file_rows
from factlint.report.terminal import print_claims, print_sources
from factlint.run_setup import usable_cache_folder
from factlint.tables import claims_table


@click.command()
@reading_options
@format_option(["table", "json"], "A table for people or JSON for scripts.")
def sources(paths: tuple[str, ...], max_size: int, output_format: str) -> None:
    """List the sources read from PATHS (files and folders) with their metadata.

    Example: factlint sources fixtures/amazon-anthropic --format json
    """
    setup = command_setup()
    report = build(setup, paths, max_size, usable_cache_folder(setup.cache))
    rows = file_rows(report)
    if output_format == "json":
        click.echo(dumps(rows), nl=False)
    else:
        print_sources(rows)
    print_problems(report)
    no_input(report)


@click.command()
@reading_options
@output_options(
    ["table", "csv", "json", "parquet"], "A table for people; CSV, JSON (records) or Parquet for tools."
)
def claims(paths: tuple[str, ...], max_size: int, output_format: str, output: Path | None) -> None:
    """List every claim found in PATHS: its quote, kind, value, unit, interval and sentence.

    Example: factlint claims fixtures/amazon-anthropic --format csv
    """
    setup = command_setup()
    report = build(setup, paths, max_size, usable_cache_folder(setup.cache))
    print_problems(report)
    no_input(report)
    frame = claims_table(report.claims)
    if output_format == "table":
        print_claims(frame)
        return
    if output_format == "parquet":
        if output is None:
            raise click.UsageError("--format parquet needs -o FILE")
        try:
            frame.to_parquet(output, index=False)
        except ImportError as exc:
            raise click.UsageError(f"parquet output needs pyarrow: pip install pyarrow ({exc})") from exc
        return
    if output_format == "csv":
        text = frame.to_csv(index=False, lineterminator="\n")
    else:
        text = dumps(frame.astype(object).where(frame.notna(), None).to_dict(orient="records"))
    emit(text, output)

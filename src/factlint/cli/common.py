"""What the commands share: exit codes, the run's set-up from the options, building a report."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import click

from factlint.cli.options import flags
from factlint.located import RuleFileError
from factlint.model import Finding, Report, Severity
from factlint.pipeline import build_report
from factlint.report.progress import SourceProgress
from factlint.report.text import format_line
from factlint.run_setup import RunSetup, SetupError, build_setup, open_engine, project_settings


class ExitCode(enum.IntEnum):
    """What the process tells its caller."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


def usage(message: object) -> NoReturn:
    """Say what is wrong with the command line or an input (one line) and exit 2."""
    click.echo(f"factlint: {message}", err=True)
    sys.exit(ExitCode.USAGE)


def command_setup(start: Path | None = None, *, upward: bool = False, quick: bool = False) -> RunSetup:
    """The run's set-up: the settings found in ``start`` (default: here), then the options.

    A mistake in a rule, knowledge or settings file is one line naming the place, and exit code 2.
    """
    try:
        settings = project_settings(start, upward=upward)
        return build_setup(settings, flags(click.get_current_context(), quick=quick))
    except SetupError as exc:
        usage(exc)


def build(setup: RunSetup, paths: tuple[str, ...], max_size: int, cache_folder: Path | None) -> Report:
    """The report of ``paths``, with the cache in ``cache_folder`` (none: no cache).

    A mistake in the engine options, or in a file the rules read only while checking (a suite),
    is exit code 2.
    """
    try:
        with open_engine(setup, cache_folder) as engine, SourceProgress() as progress:
            return build_report(
                paths,
                max_bytes=max_size,
                kb=setup.kb,
                catalogue=setup.catalogue,
                selection=setup.selection,
                progress=progress,
                engine=engine,
                stories=setup.stories,
            )
    except (SetupError, RuleFileError) as exc:
        usage(exc)


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    """Whether any of ``findings`` is at or over ``fail_on`` (never, for ``never``)."""
    return fails_at((found.severity.value for found in findings), fail_on)


def fails_at(severities: Iterable[str], fail_on: str) -> bool:
    """Whether any of ``severities`` (their names) is at or over ``fail_on``."""
    return fail_on != "never" and any(Severity(level).rank >= Severity(fail_on).rank for level in severities)


def emit(text: str, output: Path | None) -> None:
    """Machine output to standard output, or to ``output`` when given."""
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def problem_lines(report: Report) -> list[str]:
    """A line for each input problem (FL9xx) of ``report``."""
    sources = {source.id: source for source in report.sources}
    return [format_line(finding, sources) for finding in report.findings if finding.code.startswith("FL9")]


def print_problems(report: Report) -> None:
    """Each input problem of ``report`` on standard error."""
    for line in problem_lines(report):
        click.echo(line, err=True)


def no_input(report: Report) -> None:
    """Exit 2 when nothing among the inputs could be read."""
    if not report.sources:
        usage("no readable input among: " + " ".join(report.inputs))

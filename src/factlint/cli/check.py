"""``factlint check``: a draft's findings against its sources, as a linter tells them."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click

from factlint.cli.common import ExitCode, build, command_setup, fails, print_problems, usage
from factlint.cli.options import ByteSize, engine_options, fail_on_option, format_option, rule_options
from factlint.ingest import DEFAULT_MAX_BYTES
from factlint.ingest.names import shown
from factlint.model import Severity
from factlint.report.lint_formats import render
from factlint.report.terminal import print_findings
from factlint.run_setup import usable_cache_folder


@click.command()
@click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("more_sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--against",
    "sources",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Source files or folders to check the draft against (the values after it count too).",
)
@format_option(
    ["text", "json", "github", "junit", "sarif"],
    "Linter lines for people; JSON, GitHub annotations, JUnit XML or SARIF for CI.",
)
@fail_on_option("error")
@click.option(
    "--max-size", type=ByteSize(), default=DEFAULT_MAX_BYTES, show_default="10MB", help="Skip larger files."
)
@rule_options
@engine_options
def check(
    draft: Path,
    more_sources: tuple[Path, ...],
    sources: tuple[Path, ...],
    output_format: str,
    fail_on: str,
    max_size: int,
) -> None:
    """Check a draft before publication against its sources and the knowledge.

    Prints only the findings about the draft, each located DRAFT:LINE:COL with the conflicting
    source quoted beneath; settings come from the nearest factlint.toml or pyproject.toml above
    the draft. Exit codes: 0 clean, 1 a finding at or over --fail-on, 2 a usage or input error.

    Example: factlint check drafts/anthropic.md --against fixtures/amazon-anthropic
    """
    # A quick run: the heavy rules (great-expectations) only when selected.
    setup = command_setup(draft.parent, upward=True, quick=True)
    paths = tuple(map(str, (draft, *sources, *more_sources)))
    report = build(setup, paths, max_size, usable_cache_folder(setup.cache))
    drafted = shown(draft.as_posix())  # the draft is read first, under the name the walker shows
    written = next((source for source in report.sources if source.path == drafted), None)
    others = tuple(finding for finding in report.findings if finding.path != drafted)
    print_problems(dataclasses.replace(report, findings=others))
    if written is None:
        for finding in report.findings:
            if finding.code.startswith("FL9") and finding.path == drafted:
                click.echo(f"factlint: {finding.path}: {finding.message}", err=True)
        usage(f"the draft {drafted} could not be read")
    about = [f for f in report.findings if f.source_id == written.id and not f.code.startswith("FL9")]
    by_id = {source.id: source for source in report.sources}
    if output_format == "text":
        print_findings(about, by_id)
    else:
        click.echo(render(about, by_id, output_format), nl=False)
    counts = {level.value: sum(1 for f in about if f.severity == level) for level in Severity}
    summary = ", ".join(f"{count} {level}" for level, count in counts.items() if count) or "no findings"
    click.echo(f"{drafted}: {summary} (against {len(report.sources) - 1} source(s))", err=True)
    if fails(about, fail_on):
        sys.exit(ExitCode.FINDINGS)

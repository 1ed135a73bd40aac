"""``factlint validate``: the claims table checked with the great-expectations suites."""

from __future__ import annotations

import json
import sys

import click

from factlint.cli.common import ExitCode, command_setup, no_input, print_problems, usage
from factlint.cli.options import ByteSize, format_option, rules_folders_option
from factlint.ingest import DEFAULT_MAX_BYTES
from factlint.pipeline import build_report
from factlint.tables import claims_table
from factlint.validate import SuiteError, default_suites, run_suites, user_suites


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@rules_folders_option("A rules folder whose expectations/*.yaml suites run too (FL502); repeatable.")
@format_option(["table", "json"], "One line an expectation, or JSON.")
@click.option(
    "--max-size", type=ByteSize(), default=DEFAULT_MAX_BYTES, show_default="10MB", help="Skip larger files."
)
def validate(paths: tuple[str, ...], output_format: str, max_size: int) -> None:
    """Check the claims table with the great-expectations suites in rules/expectations/.

    Runs the bundled suite (the table's own sanity) and each --rules DIR's expectations/*.yaml
    (facts a desk pins; format in src/factlint/validate.py) over the claims of PATHS, and prints
    each expectation with its result, unexpected count and examples. Exit codes: 0 all hold, 1 an
    expectation failed, 2 a usage or input error (a malformed suite file is named).

    Example: factlint validate fixtures/amazon-anthropic --rules newsroom
    """
    setup = command_setup()
    try:
        suites = (*default_suites(), *user_suites(setup.folders))
    except SuiteError as exc:
        usage(exc)
    report = build_report(paths, max_bytes=max_size, kb=setup.kb, catalogue={})
    print_problems(report)
    no_input(report)
    outcomes = run_suites(claims_table(report.claims), suites)
    if output_format == "json":
        click.echo(json.dumps([outcome.to_dict() for outcome in outcomes], indent=2, ensure_ascii=False))
    else:
        for outcome in outcomes:
            verdict = "ok  " if outcome.success else "FAIL"
            line = f"{verdict} {outcome.suite.name}: {outcome.expectation.label}"
            if not outcome.success:
                examples = ", ".join(map(str, outcome.examples))
                line += f" — {outcome.unexpected_count} unexpected" + (f": {examples}" if examples else "")
            click.echo(line)
    failed = sum(1 for outcome in outcomes if not outcome.success)
    click.echo(
        f"{len(outcomes)} expectation(s) in {len(suites)} suite(s) over {len(report.claims)} claims: "
        + (f"{failed} failed" if failed else "all hold"),
        err=True,
    )
    if failed:
        sys.exit(ExitCode.FINDINGS)

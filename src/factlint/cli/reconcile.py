"""``factlint reconcile``: the consensus of a table of structured claims."""

from __future__ import annotations

from pathlib import Path

import click

from factlint.cli.common import emit, usage
from factlint.cli.options import output_options
from factlint.knowledge import default_knowledge
from factlint.report.json_report import dumps
from factlint.report.terminal import print_consensus


@click.command()
@click.argument("table", type=click.Path(dir_okay=False, path_type=Path))
@output_options(
    ["table", "csv", "json"], "A table for people (with the source weights); CSV or JSON for tools."
)
def reconcile(table: Path, output_format: str, output: Path | None) -> None:
    """Reconcile a table of structured claims: the consensus per subject and attribute.

    TABLE is a CSV (or .tsv) file with the columns source, subject, attribute, value and,
    optionally, unit, qualifier, as_of, counterparty. Values are typed: numbers, money ("$1.2
    billion"), percentages, dates and times in any common format, and text (names and lists
    compared after normalisation). Each row of the output gives the winning value, its interval,
    the agreement (the weighted share of sources behind it), the supporting and conflicting
    sources, and a label with its reason; sources are weighted by how often they agree.

    Example: factlint reconcile scraped-figures.csv --format csv -o consensus.csv
    """
    # factlint.structured imports pandas and dateparser (about two seconds): imported here, it is
    # not paid by ``factlint --help``, which loads this module to list the command.
    import pandas as pd

    from factlint.structured import COLUMNS, TableError, read_table, table_consensus

    if output is not None and output_format == "table":
        raise click.UsageError("-o writes CSV or JSON: add --format csv or --format json")
    if output is not None and output.resolve() == table.resolve():
        raise click.UsageError(f"{output} is the input table; choose another output file")
    kb = default_knowledge()
    try:
        consensus = table_consensus(read_table(table, kb), kb)
    except TableError as exc:
        usage(exc)
    if consensus.skipped:
        click.echo(f"factlint: {table}: {consensus.skipped} row(s) without a value left out", err=True)
    if output_format == "table":
        print_consensus(consensus)
        return
    if output_format == "json":
        weights = [
            {"source": source, "weight": weight} for source, weight in sorted(consensus.weights.items())
        ]
        text = dumps({"consensus": list(consensus.rows), "weights": weights})
    else:
        text = pd.DataFrame(list(consensus.rows), columns=list(COLUMNS)).to_csv(
            index=False, lineterminator="\n"
        )
    emit(text, output)

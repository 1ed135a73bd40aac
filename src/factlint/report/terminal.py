"""Terminal tables with rich; colour and width adapt to the terminal, plain text when piped."""

from __future__ import annotations

import os
from typing import Any

from rich.console import Console
from rich.table import Table

from factlint.report.escapes import visible


def _console() -> Console:
    """A console for standard output; piped or captured, 200 columns wide so columns are not cut."""
    console = Console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 200
    return console


def print_sources(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    """A table of the files read: id, publication date with provenance, outlet, title, words."""
    console = console or _console()
    table = Table(show_edge=False, pad_edge=False)
    widest_id = max((len(visible(row["id"] or row["path"] or "")) for row in rows), default=2)
    table.add_column("id", no_wrap=True, min_width=min(widest_id, 40))
    table.add_column("published", no_wrap=True, min_width=24)
    table.add_column("words", justify="right", no_wrap=True, min_width=5)
    table.add_column("problems", justify="right", no_wrap=True, min_width=8)
    table.add_column("outlet", no_wrap=True, overflow="ellipsis", min_width=8, ratio=1)
    table.add_column("title", no_wrap=True, overflow="ellipsis", min_width=8, ratio=2)
    for row in rows:
        if not row["readable"]:
            published = "[red]not read[/red]"
        elif row["published"]:
            published = f"{row['published']} [dim]({row['published_from']})[/dim]"
        else:
            published = "[yellow]unknown[/yellow]"
        table.add_row(
            _plain(row["id"] or row["path"]),
            published,
            str(row["words"]),
            str(len(row["problems"])),
            _plain(row["outlet"] or ""),
            _plain(row["title"] or ""),
        )
    console.print(table)


def _plain(text: str) -> str:
    r"""Source text shown literally: rich markup escaped, control characters written as escapes.

    Rich passes ESC through, so an ANSI sequence in a title would reach the terminal; it shows as
    ``\x1b[2J`` instead, and a right-to-left override as ``\u202e`` (see :func:`visible`).
    """
    from rich.markup import escape

    return escape(visible(text))


def print_claims(frame: Any, console: Console | None = None) -> None:
    """A table of claims: source, quote, kind, interval with qualifier, and the sentence."""
    console = console or _console()
    table = Table(show_edge=False, pad_edge=False)
    widest_source = max((len(str(source)) for source in frame["source"]), default=6)
    widest_quote = max((len(str(quote)) for quote in frame["quote"]), default=5)
    table.add_column("source", no_wrap=True, min_width=min(widest_source, 30), overflow="ellipsis")
    table.add_column("quote", no_wrap=True, min_width=min(widest_quote, 30))
    table.add_column("kind", no_wrap=True, min_width=7)
    table.add_column("interval", no_wrap=True, min_width=30)
    table.add_column("sentence", no_wrap=True, overflow="ellipsis", min_width=20, max_width=90)
    for row in frame.itertuples(index=False):
        table.add_row(_plain(row.source), _plain(row.quote), row.kind, _interval(row), _plain(row.sentence))
    console.print(table)


def _interval(row: Any) -> str:
    """The interval a claim allows, its unit and qualifier: ``[0, 2.5e+10] USD up_to``."""
    if row.vague:
        return f"vague {row.unit}"

    def number(value: Any) -> str:
        return "∞" if value is None or value != value else f"{value:,.6g}"

    qualifier = f" {row.qualifier}" if isinstance(row.qualifier, str) else ""
    return f"[{number(row.low)}, {number(row.high)}] {row.unit}{qualifier}"


def print_consensus(consensus: Any, console: Console | None = None) -> None:
    """The consensus per subject and attribute, then the sources by weight."""
    console = console or _console()
    table = Table(show_edge=False, pad_edge=False)
    for column in ("subject", "attribute", "as_of", "value", "agreement", "sources", "label", "conflicting"):
        table.add_column(
            column, overflow="fold", justify="right" if column in ("agreement", "sources") else "left"
        )
    colours = {"agree": "green", "conflict": "red", "stale": "yellow", "qualifier_dropped": "yellow"}
    for row in consensus.rows:
        colour = colours.get(str(row["label"]), "default")
        table.add_row(
            _plain(str(row["subject"])),
            _plain(str(row["attribute"])),
            _plain(str(row["as_of"])),
            _plain(str(row["value"])),
            f"{row['agreement']:.2f}",
            str(row["sources"]),
            f"[{colour}]{row['label']}[/{colour}]",
            _plain(str(row["conflicting"])),
        )
    console.print(table)
    weights = Table(show_edge=False, pad_edge=False, title="source weights")
    weights.add_column("source", overflow="fold")
    weights.add_column("weight", justify="right")
    for source, weight in sorted(consensus.weights.items(), key=lambda item: (-item[1], item[0])):
        weights.add_row(_plain(source), f"{weight:.3f}")
    console.print(weights)


SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_findings(findings: Any, sources: Any, console: Console | None = None) -> None:
    """The linter lines of ``factlint check``: coloured at a terminal, the plain text otherwise."""
    from rich.text import Text

    from factlint.report.lint_formats import text_pieces

    console = console or _console()
    for finding in findings:
        roles = {
            "where": "bold",
            "severity": SEVERITY_STYLES.get(finding.severity.value, ""),
            "rule": "dim",
            "quote": "italic",
        }
        text = Text.assemble(*((piece, roles.get(role, "")) for piece, role in text_pieces(finding, sources)))
        console.print(text, end="", soft_wrap=True, highlight=False, markup=False)

"""``factlint rules`` and ``factlint explain``: the rule catalogue and one rule's documentation."""

from __future__ import annotations

import click

from factlint.cli.common import command_setup, usage
from factlint.cli.options import format_option, rule_options
from factlint.report.json_report import dumps


@click.command(name="rules")
@rule_options
@format_option(
    ["table", "json", "markdown"], "Lines for people, JSON for tools, or the Markdown table of docs/rules.md."
)
def rules_command(output_format: str) -> None:
    """List the rule catalogue: code, name, severity and what each rule finds.

    Example: factlint rules --select FL2
    """
    setup = command_setup()
    selection = setup.selection
    chosen = [rule for rule in setup.catalogue.values() if selection.enabled(rule)]
    if output_format == "markdown":
        click.echo("| code | name | severity | what it finds |\n| --- | --- | --- | --- |")
        for rule in chosen:
            click.echo(
                f"| {rule.code} | {rule.name} | {selection.severity(rule).value} | {rule.description} |"
            )
        return
    if output_format == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": selection.severity(r).value,
                "kind": r.kind,
                "description": r.description,
                "path": r.path,
            }
            for r in chosen
        ]
        click.echo(dumps(rows), nl=False)
        return
    for rule in chosen:
        click.echo(f"{rule.code}  {selection.severity(rule).value:<7}  {rule.name:<34}  {rule.description}")


@click.command()
@click.argument("code")
@rule_options
def explain(code: str) -> None:
    """Print a rule's documentation: what it finds, why it matters, where its knowledge comes from.

    Example: factlint explain FL301
    """
    catalogue = command_setup().catalogue
    rule = catalogue.get(code.strip().upper()) or next(
        (r for r in catalogue.values() if r.name == code.strip()), None
    )
    if rule is None:
        usage(f"no rule {code} (see factlint rules)")
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value}, kind {rule.kind})\n")
    click.echo(f"What it finds: {rule.description}\n")
    click.echo(f"Why it matters: {rule.why}\n")
    if rule.source:
        click.echo(f"Knowledge: {rule.source}\n")
    click.echo(f"Message: {rule.message}\n")
    click.echo("Examples:")
    for example in rule.examples:
        verdict = (
            "raises " + ", ".join(example.raises)
            if example.raises
            else "clean of " + ", ".join(example.clean)
        )
        click.echo(f"  {example.id}: {verdict}")
        for source in example.sources:
            first = " ".join(source.text.split())
            click.echo(f"    {source.name}: {first[:100]}{'…' if len(first) > 100 else ''}")
    click.echo(f"\nDefined in {rule.path}")

"""The ``factlint`` command line: each command's docstring is its ``--help``, with an example."""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import gc
import re
import shutil
import sys
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn

import click

from factlint.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from factlint.cache import ENVIRONMENT
from factlint.ingest import DEFAULT_MAX_BYTES
from factlint.model import Report, Severity
from factlint.version import __version__


class ExitCode(enum.IntEnum):
    """What the process tells its caller."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


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


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[f"factlint.{param.name}"] = value
    return value


def _selectors(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    return _remember(
        ctx, param, tuple(part.strip() for item in value for part in item.split(",") if part.strip())
    )


def rule_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--rules DIR``, ``--select`` and ``--ignore``, kept in the context for :func:`_build`."""
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
        click.option(
            "--rules",
            "rules_dirs",
            multiple=True,
            expose_value=False,
            callback=_remember,
            type=click.Path(exists=True, file_okay=False, path_type=Path),
            help="A folder of rules and knowledge layered over the bundled rules/; repeatable.",
        ),
    ):
        command = option(command)
    return command


def engine_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--jobs``, ``--no-cache``, ``--cache-dir`` and ``--stories``, kept for :func:`_build`."""
    for option in (
        click.option(
            "--stories",
            type=click.Choice(["corpus", "folder"]),
            default="corpus",
            show_default=True,
            expose_value=False,
            callback=_remember,
            help="One story told by every source, or one per folder (an archive): claims are matched "
            "only within a story.",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            expose_value=False,
            callback=_remember,
            help="With --engine dask: a running Dask scheduler (tcp://host:8786) instead of a local "
            "cluster of --jobs workers.",
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            expose_value=False,
            callback=_remember,
            help="Where files are read, extracted and grouped: here, or on Dask (pip install "
            "'factlint[dask]').",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False, path_type=Path),
            expose_value=False,
            callback=_remember,
            help=f"Where the cache lives [default: ${ENVIRONMENT} or {DEFAULT_CACHE_DIR}].",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            expose_value=False,
            callback=_remember,
            help="Read and extract every file afresh, and store nothing.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=0),
            default=None,
            expose_value=False,
            callback=_remember,
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


def output_options(formats: list[str], help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` (one of ``formats``, ``table`` first) and ``-o/--output`` for a listing command."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Write to this file instead of standard output.",
        )(command)
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(formats),
            default=formats[0],
            show_default=True,
            help=help_text,
        )(command)

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


def _fails(findings: Any, fail_on: str) -> bool:
    """Whether any of ``findings`` is at or over ``fail_on`` (never, for ``never``)."""
    return _fails_at((found.severity.value for found in findings), fail_on)


def _fails_at(severities: Iterable[str], fail_on: str) -> bool:
    """Whether any of ``severities`` (their names) is at or over ``fail_on``."""
    return fail_on != "never" and any(Severity(level).rank >= Severity(fail_on).rank for level in severities)


def _emit(text: str, output: Path | None) -> None:
    """Machine output to standard output, or to ``output`` when given."""
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _build(
    paths: tuple[str, ...],
    max_size: int,
    start: Path | None = None,
    quick: bool = False,
    rules: tuple[Any, Any, Any] | None = None,
) -> Report:
    """The report of ``paths``; a mistake in a file the rules read while checking is exit code 2.

    A ``quick`` run leaves out the heavy rules (great-expectations) unless they are selected.
    ``rules`` are the catalogue, selection and knowledge when :func:`_rules` was already asked.
    """
    from factlint.located import RuleFileError
    from factlint.pipeline import build_report
    from factlint.report.progress import SourceProgress

    catalogue, selection, kb = rules or _rules(start)
    if quick:
        selection = dataclasses.replace(selection, quick=True)
    try:
        with _engine(kb) as engine, SourceProgress() as progress:
            return build_report(
                paths,
                max_bytes=max_size,
                kb=kb,
                catalogue=catalogue,
                selection=selection,
                progress=progress,
                engine=engine,
                stories=click.get_current_context().meta.get("factlint.stories", "corpus"),
            )
    except RuleFileError as exc:  # a suite or other data a check reads only when it runs
        click.echo(f"factlint: {exc}", err=True)
        sys.exit(ExitCode.USAGE)


def _usage(message: str) -> NoReturn:
    """Say what is wrong with the command line and exit 2."""
    click.echo(f"factlint: {message}", err=True)
    sys.exit(ExitCode.USAGE)


def _engine(kb: Any) -> contextlib.AbstractContextManager[Any]:
    """The engine the options ask for, with the cache unless ``--no-cache``.

    A context manager, since a Dask engine owns a client and maybe a local cluster.
    """
    from factlint.cache import Cache, fingerprint
    from factlint.engines.local import LocalEngine, default_jobs
    from factlint.knowledge import default_knowledge

    meta = click.get_current_context().meta
    asked = meta.get("factlint.jobs")
    cache = None
    folder = _usable_cache_folder()
    if folder is not None:
        files = (kb or default_knowledge()).files
        cache = Cache(folder, fingerprint(files))
        cache.sweep()
    if meta.get("factlint.engine") != "dask":
        if meta.get("factlint.scheduler"):
            _usage("--scheduler needs --engine dask")
        jobs = 1 if asked is None else asked or default_jobs()
        return contextlib.nullcontext(LocalEngine(jobs=jobs, cache=cache))
    from factlint.engines.dask_engine import DaskEngine, dask_available

    if not dask_available():
        _usage("--engine dask needs dask: pip install 'factlint[dask]'")
    return DaskEngine(scheduler=meta.get("factlint.scheduler"), workers=asked or default_jobs(), cache=cache)


def _cache_folder() -> Path:
    """The cache folder the options and environment ask for."""
    from factlint.cache import cache_dir

    return cache_dir(click.get_current_context().meta.get("factlint.cache_dir"))


def _usable_cache_folder() -> Path | None:
    """The cache folder, unless ``--no-cache`` or it is unsafe or unusable (said once)."""
    from factlint.cache import CacheWarning, check_folder, signing_key

    meta = click.get_current_context().meta
    if meta.get("factlint.no_cache"):
        return None
    if "factlint.cache_problem" not in meta:
        meta["factlint.cache_problem"] = problem = check_folder(_cache_folder())
        if problem is not None:
            warnings.warn(problem, CacheWarning, stacklevel=2)
        else:
            unkept = signing_key()[1]
            if unkept is not None:
                warnings.warn(
                    f"cache key {unkept}; this run's entries will not be reused", CacheWarning, stacklevel=2
                )
    return None if meta["factlint.cache_problem"] is not None else _cache_folder()


def _rules(start: Path | None = None) -> tuple[Any, Any, Any]:
    """The catalogue, selection and knowledge for this run: project settings, then the options.

    A mistake in a rule, knowledge or settings file is one line naming the place, and exit code 2.
    """
    from factlint.knowledge import KnowledgeError, default_rules_dir, load_knowledge
    from factlint.located import RuleFileError
    from factlint.rules.catalogue import load_catalogue
    from factlint.rules.config import find_settings
    from factlint.rules.selection import Selection, unknown_selectors

    meta = click.get_current_context().meta
    try:
        settings = find_settings(start, upward=True) if start is not None else find_settings(Path.cwd())
        folders = (*settings.rules, *meta.get("factlint.rules_dirs", ()))
        meta["factlint.rule_folders"] = (default_rules_dir(), *folders)
        catalogue = load_catalogue(folders)
        kb = load_knowledge(folders) if folders else None
    except (RuleFileError, KnowledgeError) as exc:
        click.echo(f"factlint: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    select = meta.get("factlint.select") or settings.select
    ignore = meta.get("factlint.ignore") or settings.ignore
    severities = dict(settings.severity)
    for item in meta.get("factlint.severities", ()):
        selector, _, level = item.partition("=")
        try:
            severities[selector.strip()] = Severity(level.strip().lower())
        except ValueError:
            click.echo(f"factlint: --severity {item}: expected SELECTOR=error|warning|info", err=True)
            sys.exit(ExitCode.USAGE)
    unknown = unknown_selectors((*select, *ignore, *severities), catalogue.values())
    if unknown:
        click.echo(f"factlint: no rule matches {', '.join(unknown)} (see factlint rules)", err=True)
        sys.exit(ExitCode.USAGE)
    return catalogue, Selection(tuple(select), tuple(ignore), severities), kb


def _print_problems(report: Report) -> None:
    for line in _problem_lines(report):
        click.echo(line, err=True)


def _problem_lines(report: Report) -> list[str]:
    """A line for each input problem (FL9xx) of ``report``."""
    from factlint.report.text import format_line

    sources = {source.id: source for source in report.sources}
    return [format_line(finding, sources) for finding in report.findings if finding.code.startswith("FL9")]


def _no_input(report: Report) -> None:
    if not report.sources:
        click.echo("factlint: no readable input among: " + " ".join(report.inputs), err=True)
        sys.exit(ExitCode.USAGE)


class _Commands(click.Group):
    """The command group: running out of memory anywhere is one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from concurrent.futures.process import BrokenProcessPool

        from factlint.memory import OutOfMemory

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
    from factlint.cache import CacheWarning

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


@main.command()
@reading_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table for people or JSON for scripts.",
)
def sources(paths: tuple[str, ...], max_size: int, output_format: str) -> None:
    """List the sources read from PATHS (files and folders) with their metadata.

    Example: factlint sources fixtures/amazon-anthropic --format json
    """
    from factlint.report.summary import file_rows

    report = _build(paths, max_size)
    rows = file_rows(report)
    if output_format == "json":
        from factlint.report.json_report import dumps

        click.echo(dumps(rows), nl=False)
    else:
        from factlint.report.terminal import print_sources

        print_sources(rows)
    _print_problems(report)
    _no_input(report)


@main.command()
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
    from factlint.knowledge import default_knowledge
    from factlint.structured import COLUMNS, TableError, read_table, table_consensus

    if output is not None and output_format == "table":
        raise click.UsageError("-o writes CSV or JSON: add --format csv or --format json")
    if output is not None and output.resolve() == table.resolve():
        raise click.UsageError(f"{output} is the input table; choose another output file")
    kb = default_knowledge()
    try:
        consensus = table_consensus(read_table(table, kb), kb)
    except TableError as exc:
        click.echo(f"factlint: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    if consensus.skipped:
        click.echo(f"factlint: {table}: {consensus.skipped} row(s) without a value left out", err=True)
    if output_format == "table":
        from factlint.report.terminal import print_consensus

        print_consensus(consensus)
        return
    if output_format == "json":
        from factlint.report.json_report import dumps

        weights = [
            {"source": source, "weight": weight} for source, weight in sorted(consensus.weights.items())
        ]
        text = dumps({"consensus": list(consensus.rows), "weights": weights})
    else:
        import pandas as pd

        text = pd.DataFrame(list(consensus.rows), columns=list(COLUMNS)).to_csv(
            index=False, lineterminator="\n"
        )
    _emit(text, output)


@main.command()
@reading_options
@output_options(
    ["table", "csv", "json", "parquet"], "A table for people; CSV, JSON (records) or Parquet for tools."
)
def claims(paths: tuple[str, ...], max_size: int, output_format: str, output: Path | None) -> None:
    """List every claim found in PATHS: its quote, kind, value, unit, interval and sentence.

    Example: factlint claims fixtures/amazon-anthropic --format csv
    """
    from factlint.tables import claims_table

    report = _build(paths, max_size)
    _print_problems(report)
    _no_input(report)
    frame = claims_table(report.claims)
    if output_format == "table":
        from factlint.report.terminal import print_claims

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
        from factlint.report.json_report import dumps

        text = dumps(frame.astype(object).where(frame.notna(), None).to_dict(orient="records"))
    _emit(text, output)


@main.command()
@reading_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The HTML report to write [default: reports/NAME.html, NAME from the input].",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the JSON report here.",
)
@click.option(
    "--jsonl",
    "jsonl_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the report as JSON Lines here, streamed a record at a time (for archives).",
)
@fail_on_option("never")
@click.option("--force", is_flag=True, help="Replace output files that factlint did not write.")
def report(
    paths: tuple[str, ...],
    max_size: int,
    output: Path | None,
    json_path: Path | None,
    jsonl_path: Path | None,
    fail_on: str,
    force: bool,
) -> None:
    """Write the HTML discrepancy report (and optionally JSON) for the sources in PATHS.

    Example: factlint report fixtures/amazon-anthropic -o reports/amazon-anthropic.html
    """
    from factlint.ingest.corpus import list_files
    from factlint.report.output import OutputRefused, check_output

    rules = _rules()
    output = output or Path("reports") / f"{_report_name(paths)}.html"
    chosen = (("html", output), ("json", json_path), ("jsonl", jsonl_path))
    wanted = {name: path for name, path in chosen if path is not None}
    _distinct_outputs(wanted)
    files, rejected = list_files(paths)
    protected = [*paths, *(path for path, _ in files)]
    try:
        for path in wanted.values():  # every output is checked before any is written
            check_output(path, protected, force)
        summary, written = _reuse_or_render(paths, max_size, rules, wanted, protected, force, files, rejected)
    except OutputRefused as exc:
        raise click.UsageError(str(exc)) from exc
    except OSError as exc:
        raise click.UsageError(f"cannot write the report: {exc}") from exc
    for path in written:
        click.echo(f"wrote {path}", err=True)
    if _fails_at(summary.severities, fail_on):
        sys.exit(ExitCode.FINDINGS)


def _distinct_outputs(wanted: dict[str, Path]) -> None:
    """Refuse two outputs at one path (``-o X --json X`` would leave only the last written)."""
    seen: dict[Path, str] = {}
    for name, path in wanted.items():
        resolved = path.resolve()
        if resolved in seen:
            _usage(
                f"the {seen[resolved]} and {name} reports would both be written to {path}; "
                "give each its own path"
            )
        seen[resolved] = name


def _reuse_or_render(
    paths: tuple[str, ...],
    max_size: int,
    rules: tuple[Any, Any, Any],
    wanted: dict[str, Path],
    protected: list[Any],
    force: bool,
    files: list[tuple[Path, str]],
    rejected: list[Any],
) -> tuple[Any, list[Path]]:
    """The report's summary and the files written, from the run cache when it can be.

    When nothing that makes the report changed, its stored files are copied; else (or when a
    stored file is damaged: the entry is removed) the report is rendered and stored.
    """
    from factlint.cache import CacheWarning
    from factlint.report.output import DamagedCopy, copy_report
    from factlint.runcache import RunCache, run_key

    folder = _usable_cache_folder()
    if folder is None:
        return _render_reports(paths, max_size, rules, wanted, protected, force)
    meta = click.get_current_context().meta
    runs = RunCache(folder)
    catalogue, selection, kb = rules
    key = run_key(
        files,
        rejected,
        inputs=paths,
        rule_folders=meta["factlint.rule_folders"],
        rules=catalogue.values(),
        knowledge_files=kb.files if kb is not None else (),
        options={"selection": selection, "stories": meta.get("factlint.stories", "corpus")},
        max_bytes=max_size,
    )
    summary = runs.lookup(key.key, wanted)
    if summary is not None:  # nothing that makes the report changed: the same bytes again
        try:
            written = [
                copy_report(path, runs.stored(key.key, name), protected, force, summary.digests[name])
                for name, path in wanted.items()
            ]
        except DamagedCopy as exc:
            warnings.warn(
                f"cache: {exc}; the entry is removed and the report made afresh", CacheWarning, stacklevel=1
            )
            runs.forget(key.key)
        else:
            for line in summary.problem_lines:
                click.echo(line, err=True)
            return summary, written
    return _render_reports(paths, max_size, rules, wanted, protected, force, runs, key)


def _render_reports(
    paths: tuple[str, ...],
    max_size: int,
    rules: tuple[Any, Any, Any],
    wanted: dict[str, Path],
    protected: list[Any],
    force: bool,
    runs: Any = None,
    key: Any = None,
) -> tuple[Any, list[Path]]:
    """Build the report and write each output in ``wanted``; its summary and the files written.

    With a run cache, the outputs are rendered into a folder of the cache, copied to where they
    were asked for, and the folder kept as the entry of ``key``: the entry is what this run
    rendered, whatever happens to the output files later. It is not kept when a file changed
    between the key's reading and the run's. When the cache cannot be written (a full or
    read-only file system), the outputs are written directly, with one warning.
    """
    from factlint.cache import CacheWarning
    from factlint.engines.local import default_jobs
    from factlint.report.html_report import render_html
    from factlint.report.json_report import stream_json, stream_json_lines
    from factlint.report.output import OutputRefused, copy_report, write_reports
    from factlint.runcache import RunSummary

    result = _build(paths, max_size, rules=rules)
    lines = _problem_lines(result)
    for line in lines:
        click.echo(line, err=True)
    _no_input(result)
    summary = RunSummary(tuple(lines), frozenset(finding.severity.value for finding in result.findings))
    render = {"html": render_html, "json": stream_json, "jsonl": stream_json_lines}
    jobs = click.get_current_context().meta.get("factlint.jobs")
    workers = 1 if jobs is None else jobs or default_jobs()
    unchanged = key is not None and all(
        key.files.get(source.path, source.sha256) == source.sha256 for source in result.sources
    )
    building = runs.building() if runs is not None and unchanged else None
    if building is not None:
        try:
            write_reports(
                [(building / name, functools.partial(render[name], result)) for name in wanted],
                workers=workers,
            )
            written = [copy_report(path, building / name, protected, force) for name, path in wanted.items()]
        except OutputRefused:
            shutil.rmtree(building, ignore_errors=True)
            raise
        except OSError as exc:  # the cache's file system, most likely: write the reports directly
            shutil.rmtree(building, ignore_errors=True)
            detail = exc.strerror or str(exc)
            warnings.warn(
                f"cache {runs.root.parent}: this run could not be stored ({detail}); "
                "the report is written without it",
                CacheWarning,
                stacklevel=1,
            )
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        else:
            problem = runs.keep(key.key, building, summary)
            if problem is not None:
                warnings.warn(problem, CacheWarning, stacklevel=1)
            return summary, written
    outputs = [(path, functools.partial(render[name], result)) for name, path in wanted.items()]
    return summary, write_reports(outputs, protected, force, workers=workers)


def _report_name(paths: tuple[str, ...]) -> str:
    """The name of a single input folder or file, else ``report``."""
    if len(paths) == 1:
        name = Path(paths[0]).resolve().name
        stem = Path(name).stem if Path(paths[0]).is_file() else name
        cleaned = re.sub(r"[^\w.-]+", "-", stem).strip(".-")
        if cleaned:
            return cleaned
    return "report"


@main.command(name="rules")
@rule_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="Lines for people, JSON for tools, or the Markdown table of docs/rules.md.",
)
def rules_command(output_format: str) -> None:
    """List the rule catalogue: code, name, severity and what each rule finds.

    Example: factlint rules --select FL2
    """
    catalogue, selection, _ = _rules()
    chosen = [rule for rule in catalogue.values() if selection.enabled(rule)]
    if output_format == "markdown":
        click.echo("| code | name | severity | what it finds |\n| --- | --- | --- | --- |")
        for rule in chosen:
            click.echo(
                f"| {rule.code} | {rule.name} | {selection.severity(rule).value} | {rule.description} |"
            )
        return
    if output_format == "json":
        from factlint.report.json_report import dumps

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


@main.command()
@click.argument("code")
@rule_options
def explain(code: str) -> None:
    """Print a rule's documentation: what it finds, why it matters, where its knowledge comes from.

    Example: factlint explain FL301
    """
    catalogue, _, _ = _rules()
    rule = catalogue.get(code.strip().upper()) or next(
        (r for r in catalogue.values() if r.name == code.strip()), None
    )
    if rule is None:
        click.echo(f"factlint: no rule {code} (see factlint rules)", err=True)
        sys.exit(ExitCode.USAGE)
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


@main.command()
@click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("more_sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--against",
    "sources",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Source files or folders to check the draft against (the values after it count too).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github", "junit", "sarif"]),
    default="text",
    show_default=True,
    help="Linter lines for people; JSON, GitHub annotations, JUnit XML or SARIF for CI.",
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
    from factlint.ingest.names import shown
    from factlint.report.lint_formats import render
    from factlint.report.terminal import print_findings

    report = _build(tuple(map(str, (draft, *sources, *more_sources))), max_size, draft.parent, quick=True)
    drafted = shown(draft.as_posix())  # the draft is read first, under the name the walker shows
    written = next((source for source in report.sources if source.path == drafted), None)
    others = tuple(finding for finding in report.findings if finding.path != drafted)
    _print_problems(dataclasses.replace(report, findings=others))
    if written is None:
        for finding in report.findings:
            if finding.code.startswith("FL9") and finding.path == drafted:
                click.echo(f"factlint: {finding.path}: {finding.message}", err=True)
        click.echo(f"factlint: the draft {drafted} could not be read", err=True)
        sys.exit(ExitCode.USAGE)
    about = [f for f in report.findings if f.source_id == written.id and not f.code.startswith("FL9")]
    by_id = {source.id: source for source in report.sources}
    if output_format == "text":
        print_findings(about, by_id)
    else:
        click.echo(render(about, by_id, output_format), nl=False)
    counts = {level.value: sum(1 for f in about if f.severity == level) for level in Severity}
    summary = ", ".join(f"{count} {level}" for level, count in counts.items() if count) or "no findings"
    click.echo(f"{drafted}: {summary} (against {len(report.sources) - 1} source(s))", err=True)
    if _fails(about, fail_on):
        sys.exit(ExitCode.FINDINGS)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    expose_value=False,
    callback=_remember,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A rules folder whose expectations/*.yaml suites run too (FL502); repeatable.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="One line an expectation, or JSON.",
)
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
    import json

    from factlint.pipeline import build_report
    from factlint.rules.config import find_settings
    from factlint.tables import claims_table
    from factlint.validate import SuiteError, default_suites, run_suites, user_suites

    _, _, kb = _rules()
    folders = (
        *find_settings(Path.cwd()).rules,
        *click.get_current_context().meta.get("factlint.rules_dirs", ()),
    )
    try:
        suites = (*default_suites(), *user_suites(folders))
    except SuiteError as exc:
        click.echo(f"factlint: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    report = build_report(paths, max_bytes=max_size, kb=kb, catalogue={})
    _print_problems(report)
    _no_input(report)
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


@main.group()
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
    from factlint.cache import cache_dir as folder_of
    from factlint.cache import clear

    folder = folder_of(cache_dir)
    try:
        removed = clear(folder)
    except ValueError as exc:
        click.echo(f"factlint: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    click.echo(f"removed {removed} cached file(s) from {folder}", err=True)

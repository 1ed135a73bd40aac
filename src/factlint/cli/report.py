"""``factlint report``: the HTML (and JSON) report, copied from the run cache when nothing changed."""

from __future__ import annotations

import functools
import re
import shutil
import sys
import warnings
from pathlib import Path

import click

from factlint.cache import CacheWarning
from factlint.cli.common import ExitCode, build, command_setup, fails_at, no_input, problem_lines, usage
from factlint.cli.options import fail_on_option, output_file_option, reading_options
from factlint.ingest.corpus import list_files
from factlint.model import Finding
from factlint.report.html_report import render_html
from factlint.report.json_report import stream_json, stream_json_lines
from factlint.report.output import DamagedCopy, OutputRefused, check_output, copy_report, write_reports
from factlint.run_setup import RunSetup, usable_cache_folder
from factlint.runcache import RunCache, RunKey, RunSummary, run_key


@click.command()
@reading_options
@output_file_option(
    "-o", "--output", help="The HTML report to write [default: reports/NAME.html, NAME from the input]."
)
@output_file_option("--json", "json_path", help="Also write the JSON report here.")
@output_file_option(
    "--jsonl",
    "jsonl_path",
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
    setup = command_setup()
    output = output or Path("reports") / f"{_report_name(paths)}.html"
    chosen = (("html", output), ("json", json_path), ("jsonl", jsonl_path))
    wanted = {name: path for name, path in chosen if path is not None}
    _distinct_outputs(wanted)
    files, rejected = list_files(paths)
    protected = [*paths, *(path for path, _ in files)]
    try:
        for path in wanted.values():  # every output is checked before any is written
            check_output(path, protected, force)
        summary, written = _reuse_or_render(setup, paths, max_size, wanted, protected, force, files, rejected)
    except OutputRefused as exc:
        raise click.UsageError(str(exc)) from exc
    except OSError as exc:
        raise click.UsageError(f"cannot write the report: {exc}") from exc
    for path in written:
        click.echo(f"wrote {path}", err=True)
    if fails_at(summary.severities, fail_on):
        sys.exit(ExitCode.FINDINGS)


def _distinct_outputs(wanted: dict[str, Path]) -> None:
    """Refuse two outputs at one path (``-o X --json X`` would leave only the last written)."""
    seen: dict[Path, str] = {}
    for name, path in wanted.items():
        resolved = path.resolve()
        if resolved in seen:
            usage(
                f"the {seen[resolved]} and {name} reports would both be written to {path}; "
                "give each its own path"
            )
        seen[resolved] = name


def _reuse_or_render(
    setup: RunSetup,
    paths: tuple[str, ...],
    max_size: int,
    wanted: dict[str, Path],
    protected: list[str | Path],
    force: bool,
    files: list[tuple[Path, str]],
    rejected: list[Finding],
) -> tuple[RunSummary, list[Path]]:
    """The report's summary and the files written, from the run cache when it can be.

    When nothing that makes the report changed, its stored files are copied; else (or when a
    stored file is damaged: the entry is removed) the report is rendered and stored.
    """
    folder = usable_cache_folder(setup.cache)
    if folder is None:
        return _render_reports(setup, paths, max_size, wanted, protected, force, None)
    runs = RunCache(folder)
    key = run_key(
        files,
        rejected,
        inputs=paths,
        rule_folders=setup.rule_folders,
        rules=setup.catalogue.values(),
        knowledge_files=setup.knowledge.files if setup.knowledge is not None else (),
        options={"selection": setup.selection, "stories": setup.stories},
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
    return _render_reports(setup, paths, max_size, wanted, protected, force, folder, runs, key)


def _render_reports(
    setup: RunSetup,
    paths: tuple[str, ...],
    max_size: int,
    wanted: dict[str, Path],
    protected: list[str | Path],
    force: bool,
    cache_folder: Path | None,
    runs: RunCache | None = None,
    key: RunKey | None = None,
) -> tuple[RunSummary, list[Path]]:
    """Build the report and write each output in ``wanted``; its summary and the files written.

    With a run cache, the outputs are rendered into a folder of the cache, copied to where they
    were asked for, and the folder kept as the entry of ``key``: the entry is what this run
    rendered, whatever happens to the output files later. It is not kept when a file changed
    between the key's reading and the run's. When the cache cannot be written (a full or
    read-only file system), the outputs are written directly, with one warning.
    """
    result = build(setup, paths, max_size, cache_folder)
    lines = problem_lines(result)
    for line in lines:
        click.echo(line, err=True)
    no_input(result)
    summary = RunSummary(tuple(lines), frozenset(finding.severity.value for finding in result.findings))
    render = {"html": render_html, "json": stream_json, "jsonl": stream_json_lines}
    workers = setup.engine.workers
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

"""Issue 14, case 10: running out of memory is one line naming the stage and file, exit code 2.

Nothing here exhausts the machine: a worker that dies (``os._exit``, as the kernel's out-of-memory
killer ends it) or an allocation that fails (``MemoryError``) is injected for one marked file.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

import factlint.engines.local as local
import factlint.pipeline as pipeline
from factlint.cli import main

ARTICLE = "Amazon invested $4 billion in Anthropic on Sept. 25, 2023.\n"


@pytest.fixture
def corpus(tmp_path):
    for name in ("a.txt", "b.txt", "huge.txt", "c.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def failing_on(marked: str, failure):
    """``read_file`` that fails for the file named ``marked`` and reads the others."""
    real = local.read_file

    def read_file(path, *args, **kwargs):
        if path.name == marked:
            failure()
        return real(path, *args, **kwargs)

    return read_file


def run(corpus, *options):
    result = CliRunner().invoke(main, ["sources", str(corpus), "--no-cache", *options])
    lines = result.stderr.strip().splitlines()
    return result.exit_code, lines


def out_of_memory() -> None:
    raise MemoryError


def killed() -> None:
    os._exit(137)  # what SIGKILL from the OOM killer leaves: the worker gone, its pool broken


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failed_allocation_names_the_stage_and_the_file(corpus, monkeypatch, jobs):
    monkeypatch.setattr(local, "read_file", failing_on("huge.txt", out_of_memory))
    code, lines = run(corpus, "--jobs", jobs)
    assert code == 2
    assert lines == [
        f"factlint: ran out of memory while reading {corpus / 'huge.txt'}; "
        "try --jobs 1 or a smaller --max-size"
    ]


def test_a_killed_worker_names_the_files_in_flight(corpus, monkeypatch):
    monkeypatch.setattr(local, "read_file", failing_on("huge.txt", killed))
    code, lines = run(corpus, "--jobs", "2")
    assert code == 2
    assert len(lines) == 1 and "Traceback" not in lines[0]
    assert lines[0].startswith("factlint: ran out of memory while reading ")
    assert str(corpus / "huge.txt") in lines[0]
    assert lines[0].endswith("(a worker process was killed); try --jobs 1 or a smaller --max-size")


def test_running_out_while_matching_says_so(corpus, monkeypatch):
    def match_claims(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pipeline, "match_claims", match_claims)
    code, lines = run(corpus)
    assert (code, lines) == (
        2,
        ["factlint: ran out of memory while matching claims; try --jobs 1 or a smaller --max-size"],
    )


def test_the_checks_fork_one_worker_fewer_than_the_jobs(monkeypatch, corpus):
    """This process checks too: ``--jobs 2`` forks one worker, not two copying the whole run."""
    import concurrent.futures

    from factlint.knowledge import default_knowledge
    from factlint.pipeline import build_report
    from factlint.rules import engine
    from factlint.rules.catalogue import load_catalogue

    from ..conftest import check_context

    report = build_report([corpus])
    context = check_context(report, default_knowledge())
    catalogue = {code: rule for code, rule in load_catalogue().items() if not code.startswith("FL5")}
    serial = engine.run_checks(context, catalogue)
    pools = []
    real = concurrent.futures.ProcessPoolExecutor

    def recorded(*args, **kwargs):
        pools.append(kwargs.get("max_workers"))
        return real(*args, **kwargs)

    monkeypatch.setattr(engine.concurrent.futures, "ProcessPoolExecutor", recorded)
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    assert engine.run_checks(context, catalogue, jobs=2) == serial
    assert engine.run_checks(context, catalogue, jobs=3) == serial
    assert pools == [1, 2]

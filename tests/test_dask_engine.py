"""The Dask engine on a LocalCluster of two worker processes gives the local engine's reports."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")

from click.testing import CliRunner

from factlint.cache import Cache, fingerprint
from factlint.cli import main
from factlint.engines.dask_engine import DaskEngine
from factlint.knowledge import default_knowledge
from factlint.pipeline import build_report
from factlint.report.html_report import render_html
from factlint.report.json_report import render_json

from .conftest import ROOT, SEEDS

STORIES = sorted(path for path in (ROOT / "fixtures" / "stories").iterdir() if path.is_dir())


@pytest.fixture(scope="module")
def cluster_engine():
    with DaskEngine(workers=2, partitions=5) as engine:
        assert len(engine.client().scheduler_info()["workers"]) == 2
        yield engine


@pytest.mark.parametrize("scope", ["corpus", "folder"])
def test_the_dask_engine_gives_byte_identical_reports(cluster_engine, scope):
    paths = [SEEDS, *STORIES]
    local = build_report(paths, stories=scope)
    remote = build_report(paths, stories=scope, engine=cluster_engine)
    assert render_json(remote) == render_json(local)
    assert render_html(remote) == render_html(local)
    assert len(remote.groups) > 20


def test_the_workers_fill_the_cache_and_a_rerun_reads_from_it(cluster_engine, tmp_path):
    cluster_engine.cache = Cache(tmp_path / "cache", fingerprint(default_knowledge().files))
    try:
        from factlint.ingest import DEFAULT_MAX_BYTES
        from factlint.ingest.corpus import list_files

        files, _ = list_files([SEEDS])
        first = cluster_engine.read(files, default_knowledge(), DEFAULT_MAX_BYTES)
        again = cluster_engine.read(files, default_knowledge(), DEFAULT_MAX_BYTES)
    finally:
        cluster_engine.cache = None
    assert not any(read.cached for read in first) and all(read.cached for read in again)
    assert [read.claims for read in first] == [read.claims for read in again]


def test_the_command_line_runs_on_dask_and_refuses_a_scheduler_without_it(tmp_path):
    runner = CliRunner()
    local = runner.invoke(main, ["claims", str(SEEDS), "--format", "json", "--no-cache"])
    remote = runner.invoke(
        main, ["claims", str(SEEDS), "--format", "json", "--no-cache", "--engine", "dask", "--jobs", "2"]
    )
    assert remote.exit_code == 0 and remote.stdout == local.stdout
    refused = runner.invoke(main, ["claims", str(SEEDS), "--scheduler", "tcp://127.0.0.1:8786"])
    assert refused.exit_code == 2 and "--scheduler needs --engine dask" in refused.stderr

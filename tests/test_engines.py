"""Reading in worker processes and through the cache gives the same report as a plain serial run."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from click.testing import CliRunner

from factlint.cache import Cache, clear, fingerprint
from factlint.cli import main
from factlint.engines import LocalEngine
from factlint.engines.work import from_json, to_json
from factlint.ingest import DEFAULT_MAX_BYTES
from factlint.ingest.corpus import list_files
from factlint.knowledge import default_knowledge, load_knowledge
from factlint.pipeline import build_report
from factlint.report.html_report import render_html
from factlint.report.json_report import render_json

from .conftest import ROOT, SEEDS, check_context

STORIES = ROOT / "fixtures" / "stories"
KB = default_knowledge()


def outputs(**engine):
    report = build_report([SEEDS, STORIES], engine=LocalEngine(**engine))
    return render_json(report), render_html(report)


@pytest.fixture(scope="module")
def serial():
    return outputs()


def test_two_worker_processes_give_byte_identical_reports(serial):
    assert outputs(jobs=2) == serial


def test_a_cached_rerun_is_byte_identical_and_reads_nothing_afresh(serial, tmp_path):
    cache = Cache(tmp_path / "cache", fingerprint(KB.files))
    assert outputs(cache=cache) == serial
    files, _ = list_files([SEEDS, STORIES])
    reads = LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES)
    assert all(read.cached for read in reads)
    assert outputs(cache=cache, jobs=2) == serial


def test_the_cache_keeps_what_extraction_read_beside_the_claims(tmp_path):
    cache = Cache(tmp_path / "cache", fingerprint(KB.files))
    files, _ = list_files([SEEDS])
    fresh = LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES)
    cached = LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES)
    assert all(read.cached for read in cached) and any(read.reading.labelled for read in fresh)
    assert [read.reading for read in cached] == [read.reading for read in fresh]
    entry = to_json(fresh[0])
    assert from_json(entry) is not None
    del entry["reading"]
    assert from_json(entry) is None  # an entry without the reading is a miss, never a silent gap


def test_one_changed_file_is_read_again_alone(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cache = Cache(tmp_path / "cache", fingerprint(KB.files))
    files, _ = list_files([corpus])
    LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES)
    changed = files[2][0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nIt raised $7 billion.\n", encoding="utf-8")
    reads = LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES)
    assert [read.cached for read in reads] == [True, True, False, True, True]
    assert any(claim.text == "$7 billion" for claim in reads[2].claims)


def test_changed_rules_miss_the_cache(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "entities.yaml").write_text(
        "entities:\n  corvid:\n    name: Corvid Labs\n    kind: private_company\n    source: test\n",
        encoding="utf-8",
    )
    before = fingerprint(load_knowledge([desk]).files)
    assert before != fingerprint(KB.files)
    (desk / "entities.yaml").write_text(
        "entities:\n  corvid:\n    name: Corvid Lab\n    kind: private_company\n    source: test\n",
        encoding="utf-8",
    )
    assert fingerprint(load_knowledge([desk]).files) != before


def test_a_damaged_entry_is_a_miss_and_is_written_again(tmp_path):
    cache = Cache(tmp_path / "cache", fingerprint(KB.files))
    files, _ = list_files([SEEDS])
    LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES)
    entries = sorted((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 5
    entries[0].write_bytes(b"not JSON")
    entries[1].write_bytes(entries[1].read_bytes()[:40])
    reads = LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES)
    assert sum(not read.cached for read in reads) == 2
    assert all(read.cached for read in LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES))


def test_clear_removes_the_cache_but_never_a_folder_with_other_files(tmp_path):
    cache = Cache(tmp_path / "cache", fingerprint(KB.files))
    files, _ = list_files([SEEDS])
    LocalEngine(cache=cache).read(files, KB, DEFAULT_MAX_BYTES)
    assert clear(tmp_path / "cache") == 5 and not (tmp_path / "cache").exists()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ValueError, match=r"notes\.txt"):
        clear(tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert clear(tmp_path / "never-made") == 0


def test_the_command_line_caches_unless_told_not_to_and_clears(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTLINT_CACHE_DIR")
    runner = CliRunner()
    first = runner.invoke(main, ["claims", str(SEEDS), "--format", "json", "--no-cache"])
    assert first.exit_code == 0 and not (tmp_path / ".factlint-cache").exists()
    second = runner.invoke(main, ["claims", str(SEEDS), "--format", "json", "--jobs", "2"])
    assert second.stdout == first.stdout
    assert len(list((tmp_path / ".factlint-cache").rglob("*.json"))) == 5
    third = runner.invoke(main, ["claims", str(SEEDS), "--format", "json", "--cache-dir", "elsewhere"])
    assert third.stdout == first.stdout and len(list((tmp_path / "elsewhere").rglob("*.json"))) == 5
    cleared = runner.invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 5 cached file(s)" in cleared.stderr
    assert not (tmp_path / ".factlint-cache").exists()
    (tmp_path / "elsewhere" / "keep.txt").write_text("x", encoding="utf-8")
    refused = runner.invoke(main, ["cache", "clear", "--cache-dir", "elsewhere"])
    assert refused.exit_code == 2 and "keep.txt" in refused.stderr


def test_document_checks_in_worker_processes_find_the_same(monkeypatch):
    from factlint.rules import engine
    from factlint.rules.catalogue import load_catalogue

    report = build_report([SEEDS, *sorted(p for p in STORIES.iterdir() if p.is_dir())], stories="folder")
    context = check_context(report, KB)
    catalogue = {code: rule for code, rule in load_catalogue().items() if not code.startswith("FL5")}
    serial = engine.run_checks(context, catalogue)
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    assert engine.run_checks(context, catalogue, jobs=2) == serial
    assert {finding.code for finding in serial} >= {"FL101", "FL301", "FL401", "FL203"}


def test_a_publication_date_out_of_range_is_reported_and_extraction_failures_stop_nothing(
    write, tmp_path, monkeypatch
):
    write("odd/far.md", "---\ntitle: far\ndate: 9999-12-30\n---\nNext year it will invest $4 billion.\n")
    write("odd/early.md", "---\ntitle: early\ndate: 0001-01-02\n---\nShares rose 3% on Monday.\n")
    write("odd/fine.txt", "Published: 2024-03-04\n\nNorthwind has 40 stores.")
    report = build_report([tmp_path / "odd"])
    assert [source.published for source in report.sources] == [None, None, dt.date(2024, 3, 4)]
    assert (
        sum(finding.code == "FL908" and "outside the years" in finding.message for finding in report.findings)
        == 2
    )
    render_html(report)  # the timeline copes with what is left

    import factlint.engines.work as work

    def broken(source, kb):
        if source.id == "fine.txt":
            raise RuntimeError("boom")
        return []

    monkeypatch.setattr(work, "extract", broken)
    read = build_report([tmp_path / "odd"])
    assert len(read.sources) == 3
    (failed,) = [finding for finding in read.findings if finding.code == "FL909"]
    assert failed.source_id == "fine.txt" and "RuntimeError: boom" in failed.message

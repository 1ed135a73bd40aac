"""The whole-run cache: an unchanged run copies its stored report; any change makes a new one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cache import clear
from factlint.cli import main
from factlint.ingest.corpus import list_files
from factlint.knowledge import default_rules_dir
from factlint.runcache import KEEP, RUNS, RunCache, RunSummary, run_key

from .conftest import SEEDS


def key_of(folder: Path, **changes: object) -> str:
    files, rejected = list_files([folder])
    arguments: dict = {
        "inputs": [str(folder)],
        "rule_folders": [default_rules_dir()],
        "options": {"stories": "corpus"},
        "max_bytes": 10_000_000,
    }
    arguments.update(changes)
    return run_key(files, rejected, **arguments)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def test_the_key_is_stable_and_changes_with_every_input(corpus, tmp_path):
    first = key_of(corpus)
    assert key_of(corpus) == first
    assert key_of(corpus, options={"stories": "folder"}) != first
    assert key_of(corpus, max_bytes=1000) != first
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    assert key_of(corpus, rule_folders=[rules]) == first  # the same files, wherever they are
    (rules / "people.yaml").write_text((rules / "people.yaml").read_text() + "\n# changed\n")
    assert key_of(corpus, rule_folders=[rules]) != first
    victim = sorted(corpus.iterdir())[0]
    victim.write_bytes(victim.read_bytes() + b" ")
    changed = key_of(corpus)
    assert changed != first
    victim.rename(corpus / "renamed.txt")
    assert key_of(corpus) not in (first, changed)
    (corpus / "new.txt").write_text("One more source.")
    assert len({first, changed, key_of(corpus)}) == 3


def test_a_file_over_the_limit_counts_by_its_size_not_its_bytes(corpus):
    big = corpus / "big.txt"
    big.write_text("x" * 2000)
    before = key_of(corpus, max_bytes=1000)
    big.write_text("y" * 2000)
    assert key_of(corpus, max_bytes=1000) == before  # refused unread either way
    big.write_text("y" * 2001)
    assert key_of(corpus, max_bytes=1000) != before


def test_lookup_needs_every_output_and_a_sound_summary(tmp_path):
    runs = RunCache(tmp_path / "cache")
    written = tmp_path / "report.html"
    written.write_text("<!-- factlint --> report")
    summary = RunSummary(("a problem",), frozenset({"warning"}), True)
    runs.store("k1", summary, {"html": written})
    assert runs.lookup("k1", ["html"]) == summary
    assert runs.stored("k1", "html").read_text() == written.read_text()
    assert runs.lookup("k1", ["html", "json"]) is None
    assert runs.lookup("k2", ["html"]) is None
    (tmp_path / "cache" / RUNS / "k1" / "summary.pickle").write_bytes(b"not a pickle")
    assert runs.lookup("k1", ["html"]) is None


def test_only_the_newest_entries_are_kept(tmp_path):
    runs = RunCache(tmp_path / "cache")
    written = tmp_path / "report.html"
    written.write_text("report")
    for number in range(KEEP + 2):
        runs.store(f"k{number}", RunSummary((), frozenset(), True), {"html": written})
    kept = sorted(path.name for path in (tmp_path / "cache" / RUNS).iterdir())
    assert len(kept) == KEEP
    assert f"k{KEEP + 1}" in kept and "k0" not in kept


def run(*arguments: str):
    return CliRunner().invoke(main, ["report", *arguments], catch_exceptions=False)


def test_an_unchanged_rerun_copies_the_report_and_a_change_is_seen(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    html, data = tmp_path / "out" / "r.html", tmp_path / "out" / "r.json"
    first = run(str(corpus), "-o", str(html), "--json", str(data), "--fail-on", "error")
    assert first.exit_code == 1, first.output
    reports = html.read_bytes(), data.read_bytes()

    import factlint.pipeline

    def no_build(*args, **kwargs):
        raise AssertionError("the report was built again")

    monkeypatch.setattr(factlint.pipeline, "build_report", no_build)
    html.unlink()
    again = run(str(corpus), "-o", str(html), "--json", str(data), "--fail-on", "error")
    assert again.exit_code == 1, again.output  # the exit code comes from the stored severities
    assert (html.read_bytes(), data.read_bytes()) == reports
    assert run(str(corpus), "-o", str(html), "--json", str(data), "--fail-on", "never").exit_code == 0

    monkeypatch.undo()
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    victim = next(path for path in sorted(corpus.iterdir()) if b"billion" in path.read_bytes())
    victim.write_bytes(victim.read_bytes().replace(b"billion", b"million", 1))
    changed = run(str(corpus), "-o", str(html), "--json", str(data))
    assert changed.exit_code == 0, changed.output
    assert html.read_bytes() != reports[0] and data.read_bytes() != reports[1]


def test_input_problems_are_said_again_and_no_cache_stores_nothing(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    (corpus / "empty.md").write_text("")
    html = tmp_path / "r.html"
    first = run(str(corpus), "-o", str(html))
    second = run(str(corpus), "-o", str(html))
    assert "empty.md" in first.stderr and first.stderr == second.stderr
    assert len(list((tmp_path / "cache" / RUNS).iterdir())) == 1
    third = run(str(corpus), "-o", str(tmp_path / "other.html"), "--no-cache", "--stories", "folder")
    assert third.exit_code == 0 and len(list((tmp_path / "cache" / RUNS).iterdir())) == 1
    assert clear(tmp_path / "cache") >= 1 and not (tmp_path / "cache").exists()


def test_a_cached_copy_still_never_replaces_a_file_the_user_wrote(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    html = tmp_path / "r.html"
    assert run(str(corpus), "-o", str(html)).exit_code == 0
    mine = tmp_path / "mine.html"
    mine.write_text("my own notes")
    refused = CliRunner().invoke(main, ["report", str(corpus), "-o", str(mine)])
    assert refused.exit_code == 2 and mine.read_text() == "my own notes"

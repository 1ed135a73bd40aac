"""The whole-run cache: an unchanged run copies its stored report; any change makes a new one."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cache import clear
from factlint.cli import main
from factlint.ingest.corpus import list_files
from factlint.knowledge import default_rules_dir
from factlint.rules.catalogue import load_catalogue
from factlint.runcache import KEEP, RUNS, RunCache, RunSummary, run_key

from .conftest import SEEDS


def key_arguments(folder: Path) -> dict:
    return {
        "inputs": [str(folder)],
        "rule_folders": [default_rules_dir()],
        "rules": load_catalogue().values(),
        "knowledge_files": (),
        "options": {"stories": "corpus"},
        "max_bytes": 10_000_000,
    }


def key_of(folder: Path, **changes: object) -> str:
    files, rejected = list_files([folder])
    arguments = key_arguments(folder)
    arguments.update(changes)
    return run_key(files, rejected, **arguments).key


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
    copied = key_of(corpus, rule_folders=[rules])
    assert copied != first  # where the rules are counts too (a finding may name a rule file)
    assert key_of(corpus, rule_folders=[rules]) == copied
    (rules / "people.yaml").write_text((rules / "people.yaml").read_text() + "\n# changed\n")
    assert key_of(corpus, rule_folders=[rules]) != copied
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


def stored_run(
    runs: RunCache, key: str, summary: RunSummary, content: str = "<!-- factlint --> report"
) -> None:
    building = runs.building()
    assert building is not None
    (building / "html").write_text(content)
    runs.keep(key, building, summary)


def test_lookup_needs_every_output_and_a_sound_summary(tmp_path):
    runs = RunCache(tmp_path / "cache")
    summary = RunSummary(("a problem",), frozenset({"warning"}))
    key = "a" * 64
    stored_run(runs, key, summary)
    found = runs.lookup(key, ["html"])
    assert (found.problem_lines, found.severities) == (summary.problem_lines, summary.severities)
    assert set(found.digests) == {"html"}
    assert runs.stored(key, "html").read_text() == "<!-- factlint --> report"
    assert runs.lookup(key, ["html", "json"]) is None
    assert runs.lookup("b" * 64, ["html"]) is None
    (tmp_path / "cache" / RUNS / key / "summary.json").write_bytes(b"not JSON")
    assert runs.lookup(key, ["html"]) is None


def test_only_the_newest_entries_are_kept_and_runs_being_written_are_left(tmp_path):
    runs = RunCache(tmp_path / "cache")
    writing = runs.building()
    for number in range(KEEP + 2):
        stored_run(runs, f"{number:064x}", RunSummary((), frozenset()))
    kept = sorted(path.name for path in (tmp_path / "cache" / RUNS).iterdir())
    assert len(kept) == KEEP + 1 and writing is not None and writing.name in kept
    assert f"{KEEP + 1:064x}" in kept and f"{0:064x}" not in kept


def test_rules_count_by_where_they_are_what_they_name_and_what_links_hold(corpus, tmp_path):
    first = key_of(corpus)
    rules = tmp_path / "desk"
    (rules / "checks").mkdir(parents=True)
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "pin.yaml").write_text("low: 1\n")
    (rules / "linked").symlink_to(shared, target_is_directory=True)

    @dataclasses.dataclass
    class Named:  # a rule whose suite lies outside every rules folder
        params: dict
        path: str

    rule = Named({"suites": ["../../shared/pin.yaml"]}, str(rules / "checks" / "FL502.yaml"))
    with_rules = key_of(corpus, rule_folders=[rules], rules=[rule])
    assert with_rules != first
    (shared / "pin.yaml").write_text("low: 2\n")  # the named suite, and the file behind the link
    changed = key_of(corpus, rule_folders=[rules], rules=[rule])
    assert changed != with_rules
    (rules / "linked").unlink()
    (rules / "linked").mkdir()
    (rules / "linked" / "pin.yaml").write_text("low: 2\n")
    assert key_of(corpus, rule_folders=[rules], rules=[rule]) == changed  # the same bytes behind
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(rules, elsewhere)
    moved = key_of(
        corpus, rule_folders=[elsewhere], rules=[Named(rule.params, str(elsewhere / "checks" / "x"))]
    )
    assert moved != changed  # a finding may name where a rule file is


def test_clear_leaves_a_folder_of_runs_that_factlint_did_not_write(tmp_path):
    board = tmp_path / "tb"
    (board / "runs" / "Dec02_12-00-00_host").mkdir(parents=True)
    (board / "runs" / "Dec02_12-00-00_host" / "events.out.tfevents.1").write_text("x")
    with pytest.raises(ValueError, match="did not write"):
        clear(board)
    assert (board / "runs" / "Dec02_12-00-00_host" / "events.out.tfevents.1").exists()
    mine = RunCache(tmp_path / "cache")
    stored_run(mine, "c" * 64, RunSummary((), frozenset()))
    (tmp_path / "cache" / RUNS / ("c" * 64) / "notes.txt").write_text("mine")
    with pytest.raises(ValueError, match="did not write"):
        clear(tmp_path / "cache")


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


def test_the_entry_is_what_the_run_rendered_whatever_happens_to_the_output(corpus, tmp_path, monkeypatch):
    import factlint.report.output as output

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    html = tmp_path / "r.html"
    copy = output.copy_report

    def then_another_run_writes(path, stored, inputs=(), force=False):
        written = copy(path, stored, inputs, force)
        Path(path).write_text("<!-- factlint --> another run's report")
        return written

    monkeypatch.setattr(output, "copy_report", then_another_run_writes)
    assert run(str(corpus), "-o", str(html)).exit_code == 0
    monkeypatch.undo()
    (entry,) = (tmp_path / "cache" / RUNS).iterdir()
    assert "another run" not in (entry / "html").read_text()
    assert run(str(corpus), "-o", str(tmp_path / "fresh.html"), "--no-cache").exit_code == 0
    assert (entry / "html").read_bytes() == (tmp_path / "fresh.html").read_bytes()


def test_a_file_changed_while_the_run_read_it_is_not_stored(corpus, tmp_path, monkeypatch):
    import factlint.runcache as runcache

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(runcache, "_file_digest", lambda path, limit: b"bytes read before a change")
    assert run(str(corpus), "-o", str(tmp_path / "r.html")).exit_code == 0
    assert not (tmp_path / "cache" / RUNS).exists() or not any((tmp_path / "cache" / RUNS).iterdir())


def test_a_cached_copy_still_never_replaces_a_file_the_user_wrote(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    html = tmp_path / "r.html"
    assert run(str(corpus), "-o", str(html)).exit_code == 0
    mine = tmp_path / "mine.html"
    mine.write_text("my own notes")
    refused = CliRunner().invoke(main, ["report", str(corpus), "-o", str(mine)])
    assert refused.exit_code == 2 and mine.read_text() == "my own notes"
    both = CliRunner().invoke(
        main, ["report", str(corpus), "-o", str(tmp_path / "new.html"), "--json", str(mine)]
    )
    assert both.exit_code == 2 and not (tmp_path / "new.html").exists()  # checked before any is written


def test_a_pipe_or_a_broken_link_in_a_rules_folder_is_no_wait(corpus, tmp_path):
    import os

    rules = tmp_path / "desk"
    rules.mkdir()
    before = key_of(corpus, rule_folders=[rules])
    os.mkfifo(rules / "pipe")  # read, it would block until a writer came
    (rules / "gone").symlink_to(tmp_path / "nowhere")
    with_them = key_of(corpus, rule_folders=[rules])
    assert with_them != before  # they count by their names
    (rules / "pipe").rename(rules / "other-pipe")
    assert key_of(corpus, rule_folders=[rules]) not in (before, with_them)


def test_a_changed_file_whose_name_is_not_utf8_is_seen_too(corpus, tmp_path, monkeypatch):
    import factlint.runcache as runcache

    (corpus / os.fsdecode(b"caf\xe9.md")).write_text("Amazon invested $4 billion.\n", encoding="utf-8")
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(runcache, "_file_digest", lambda path, limit: b"bytes read before a change")
    keys = [run_key(*list_files([corpus]), **key_arguments(corpus)).files]
    assert any("\\xe9" in name for name in keys[0])  # by the name the sources show
    assert run(str(corpus), "-o", str(tmp_path / "r.html")).exit_code == 0
    assert not (tmp_path / "cache" / RUNS).exists() or not any((tmp_path / "cache" / RUNS).iterdir())

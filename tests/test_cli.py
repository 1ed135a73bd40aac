"""The command line: the foundation issue's acceptance checks, exit codes and safe output."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factlint.cli import ExitCode, main


@pytest.fixture
def run():
    def _run(*args: str):
        return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)

    return _run


def test_sources_json_gives_dates_with_provenance(run, seeds):
    result = run("sources", seeds, "--format", "json")
    assert result.exit_code == ExitCode.OK
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert len(rows) == 5
    for row in rows.values():
        assert {"id", "path", "title", "outlet", "published", "published_from", "words", "problems"} <= set(
            row
        )
    reuters = rows["002_041f29d0206b217d.txt"]
    assert (reuters["published"], reuters["published_from"], reuters["outlet"]) == (
        "2024-11-22",
        "byline",
        "Reuters",
    )
    toml = rows["004_03bdfa0e93bfd727.txt"]
    assert (toml["published"], toml["published_from"]) == ("2025-07-10", "front_matter")
    for undated in ("001_443f79c42a16af4a.txt", "003_31850cff8f0cd407.txt"):
        assert rows[undated]["published"] is None and rows[undated]["published_from"] is None
    yaml = rows["000_b0026c32840666f6.txt"]
    assert yaml["dates"]["extractedAt"] == "2025-08-16T19:07:03.582Z"
    assert yaml["dates"]["timeline.estimatedDate"] == "2024-12-31T00:00:00.000Z"


def test_sources_table(run, seeds):
    result = run("sources", seeds)
    assert result.exit_code == ExitCode.OK
    assert "2024-11-22 (byline)" in result.stdout and "Reuters" in result.stdout
    assert result.stdout.count("unknown") == 3


def test_hostile_folder_lists_good_files_and_reports_each_bad_one(run, write, tmp_path):
    write("mixed/good.md", "# Good\n\nAmazon paid $4 billion.\n")
    write("mixed/binary.txt", b"\x00\x01binary")
    write("mixed/empty.md", b"")
    write("mixed/broken.md", "---\ntitle: [\n---\nStill read.\n")
    result = run("sources", tmp_path / "mixed", "--format", "json")
    assert result.exit_code == ExitCode.OK
    rows = {row["path"].rsplit("/", 1)[-1]: row for row in json.loads(result.stdout)}
    assert rows["good.md"]["readable"] and rows["broken.md"]["readable"]
    assert not rows["binary.txt"]["readable"] and not rows["empty.md"]["readable"]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert any(line.startswith(f"{tmp_path}/mixed/binary.txt: FL902 error ") for line in lines)
    assert any("empty.md: FL906 warning" in line for line in lines)
    assert any("broken.md: FL904 warning" in line for line in lines)


def test_no_readable_input_is_exit_2(run, write, tmp_path):
    write("only.bin.txt", b"\x00\x00")
    result = run("sources", tmp_path / "only.bin.txt")
    assert result.exit_code == ExitCode.USAGE
    assert "no readable input" in result.stderr
    assert run("report", tmp_path / "absent").exit_code == ExitCode.USAGE


def test_usage_errors_are_exit_2(run, seeds):
    assert run("sources").exit_code == ExitCode.USAGE
    assert run("sources", seeds, "--format", "xml").exit_code == ExitCode.USAGE
    assert run("sources", seeds, "--max-size", "lots").exit_code == ExitCode.USAGE


def test_max_size_option(run, write, tmp_path):
    write("in/big.md", "word " * 500)
    write("in/small.md", "word")
    result = run("sources", tmp_path / "in", "--max-size", "1KB", "--format", "json")
    assert [row["readable"] for row in json.loads(result.stdout)] == [True, False]
    assert "FL905" in result.stderr


def test_report_writes_html_and_json_deterministically(run, seeds, tmp_path):
    html, data = tmp_path / "out" / "r.html", tmp_path / "out" / "r.json"
    assert run("report", seeds, "-o", html, "--json", data).exit_code == ExitCode.OK
    first = (html.read_bytes(), data.read_bytes())
    assert run("report", seeds, "-o", html, "--json", data).exit_code == ExitCode.OK
    assert (html.read_bytes(), data.read_bytes()) == first
    report = json.loads(data.read_text())
    assert report["generator"] == "factlint" and len(report["sources"]) == 5
    assert "Reuters" in html.read_text()


def test_report_default_path_is_named_after_the_input(run, seeds, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("report", seeds).exit_code == ExitCode.OK
    assert (tmp_path / "reports" / "amazon-anthropic.html").is_file()


def test_report_refuses_to_overwrite_a_file_factlint_did_not_write(run, seeds, write):
    mine = write("notes.html", "<p>my own notes</p>")
    result = run("report", seeds, "-o", mine)
    assert result.exit_code == ExitCode.USAGE and "--force" in result.stderr
    assert mine.read_text() == "<p>my own notes</p>"
    assert run("report", seeds, "-o", mine, "--force").exit_code == ExitCode.OK


def test_report_never_overwrites_an_input(run, write, tmp_path):
    article = write("in/story.html", "<p>Amazon paid $4 billion.</p>")
    result = run("report", tmp_path / "in", "-o", article, "--force")
    assert result.exit_code == ExitCode.USAGE
    assert article.read_text() == "<p>Amazon paid $4 billion.</p>"


def test_fail_on(run, write, tmp_path):
    write("in/good.md", "Text.")
    write("in/bad.txt", b"\x00binary")
    out = tmp_path / "r.html"
    assert run("report", tmp_path / "in", "-o", out).exit_code == ExitCode.OK
    assert run("report", tmp_path / "in", "-o", out, "--fail-on", "error").exit_code == (ExitCode.FINDINGS)
    write("clean/good.md", "---\ndate: 2024-01-02\n---\nText.")
    assert run("report", tmp_path / "clean", "-o", out, "--fail-on", "info").exit_code == (ExitCode.OK)


def test_help_has_an_example(run):
    assert "Example: factlint report" in run("report", "--help").stdout

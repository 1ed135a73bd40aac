"""Writing several reports at once: all checked before any is written, the same bytes in parallel."""

from __future__ import annotations

import pytest

from factlint.report.output import OutputRefused, write_reports


def pieces(text: str):
    return lambda: iter(text.splitlines(keepends=True))


@pytest.mark.parametrize("workers", [1, 2])
def test_each_output_is_written_whole_in_one_process_or_several(tmp_path, workers):
    outputs = [
        (tmp_path / "r.html", lambda: "<!-- factlint -->\n<p>café</p>\n"),
        (tmp_path / "deep" / "r.json", pieces('{"generator": "factlint"}\n' + "x\n" * 10_000)),
        (tmp_path / "r.jsonl", pieces('{"generator": "factlint"}\n')),
    ]
    written = write_reports(outputs, workers=workers)
    assert written == [path for path, _ in outputs]
    assert [path.read_text(encoding="utf-8") for path in written] == [
        "".join(render()) for _, render in outputs
    ]


def test_a_refused_output_means_none_is_written(tmp_path):
    mine = tmp_path / "mine.json"
    mine.write_text("my notes")
    outputs = [(tmp_path / "r.html", lambda: "<!-- factlint -->"), (mine, lambda: "{}")]
    with pytest.raises(OutputRefused, match=r"mine\.json"):
        write_reports(outputs, workers=2)
    assert not (tmp_path / "r.html").exists() and mine.read_text() == "my notes"


def test_a_failure_in_a_forked_writer_is_reported_and_leaves_no_half_file(tmp_path):
    def broken():
        yield "{"
        raise ValueError("the renderer broke")

    outputs = [(tmp_path / "r.html", lambda: "<!-- factlint -->"), (tmp_path / "r.json", broken)]
    with pytest.raises(OSError, match=r"r\.json: ValueError: the renderer broke"):
        write_reports(outputs, workers=2)
    assert (tmp_path / "r.html").exists() and not (tmp_path / "r.json").exists()
    assert [path.name for path in tmp_path.iterdir()] == ["r.html"]  # no temporary file left


def test_the_command_line_writes_the_same_reports_with_jobs(tmp_path):
    from click.testing import CliRunner

    from factlint.cli import main

    from ..conftest import SEEDS, report_outputs

    files = {}
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        arguments = [str(SEEDS), *report_outputs(out)]
        result = CliRunner().invoke(main, ["report", *arguments, "--jobs", jobs, "--no-cache"])
        assert result.exit_code == 0, result.output
        files[jobs] = [(out / name).read_bytes() for name in ("r.html", "r.json", "r.jsonl")]
    assert files["1"] == files["2"]


def test_a_forked_writer_killed_without_a_word_is_reported(tmp_path):
    import os
    import signal

    def killed():
        os.kill(os.getpid(), signal.SIGKILL)
        yield "never"

    outputs = [(tmp_path / "r.html", lambda: "<!-- factlint -->"), (tmp_path / "r.json", killed)]
    with pytest.raises(OSError, match="stopped without a word"):
        write_reports(outputs, workers=2)

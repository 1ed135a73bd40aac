"""The progress bar: drawn at a terminal once sources are many, never when piped."""

from __future__ import annotations

import io

from rich.console import Console

from factlint.pipeline import build_report
from factlint.report.progress import SourceProgress


def console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=80, color_system=None), out


def test_a_terminal_sees_a_bar_for_many_sources_and_it_is_gone_at_the_end():
    screen, out = console(True)
    with SourceProgress(screen, threshold=3) as progress:
        for done in range(1, 6):
            progress(done, 5)
            assert (progress._bar is None) == (done == 5)  # stopped, thread and all, once all are read
    assert "reading sources" in out.getvalue() and "5/5" in out.getvalue()


def test_few_sources_or_a_pipe_print_nothing():
    for terminal, total in ((True, 2), (False, 50)):
        screen, out = console(terminal)
        with SourceProgress(screen, threshold=3) as progress:
            for done in range(1, total + 1):
                progress(done, total)
        assert out.getvalue() == ""


def test_the_pipeline_reports_each_source_once_in_order(write, tmp_path):
    for index in range(4):
        write(f"in/{index}.txt", f"Published: 2024-03-0{index + 1}\n\nNorthwind has {index + 40} stores.")
    calls = []
    report = build_report([tmp_path / "in"], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)] and len(report.sources) == 4

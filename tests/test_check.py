"""``factlint check``: a draft against its sources, linter style, with exit codes and CI formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from factlint.cli import ExitCode, main

from .conftest import SEEDS

DRAFT = """---
title: Amazon deepens Anthropic bet
date: 2024-11-22
---
Amazon has invested a total of $8 billion in Anthropic, the companies said on Friday.

Adam Selipsky, AWS CEO, said the partnership would deepen.
"""
CLEAN = DRAFT.replace("Adam Selipsky", "Matt Garman")


def check(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "desk" / "draft.md"
    path.parent.mkdir()
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_a_draft_repeating_the_selipsky_error_fails_with_its_position(draft):
    result = check(draft, "--against", SEEDS)
    assert result.exit_code == ExitCode.FINDINGS
    line = next(line for line in result.stdout.splitlines() if "FL301" in line)
    assert line.startswith(f"{draft}:7:1: FL301 error Adam Selipsky was not chief executive officer")
    assert "Matt Garman since 2024-06-03" in line
    assert "1 error" in result.stderr and "against 5 source(s)" in result.stderr
    assert "000_b0026c32840666f6" not in result.stdout  # findings about the sources stay out


def test_a_draft_that_agrees_passes_and_the_threshold_can_move(draft):
    draft.write_text(CLEAN, encoding="utf-8")
    assert check(draft, "--against", SEEDS).exit_code == ExitCode.OK
    agreeing = check(draft, SEEDS, "--fail-on", "info")  # sources named without --against count too
    assert agreeing.exit_code == ExitCode.OK and "no findings (against 5 source(s))" in agreeing.stderr
    draft.write_text(DRAFT, encoding="utf-8")
    assert check(draft, "--against", SEEDS, "--fail-on", "never").exit_code == ExitCode.OK


def test_the_conflicting_source_is_quoted_beneath(draft):
    draft.write_text(DRAFT + "\nAnthropic will spend $100 billion on Amazon's cloud.\n", encoding="utf-8")
    result = check(draft, "--against", SEEDS)
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "FL204" in line)
    assert lines[at + 1].startswith("    ") and "003_31850cff8f0cd407.txt:" in lines[at + 1]


def test_a_draft_total_the_sources_contradict_is_flagged_at_the_draft_figure(draft):
    # The finding is located at the draft's figure and quotes the sources' one.
    draft.write_text(CLEAN.replace("a total of $8 billion", "a total of $9 billion"), encoding="utf-8")
    result = check(draft, "--against", SEEDS)
    assert result.exit_code == ExitCode.FINDINGS
    (line,) = [line for line in result.stdout.splitlines() if "FL201" in line]
    assert line.startswith(f"{draft}:5:32: FL201 error “$9 billion” contradicts “$8")
    assert "“$9 billion” contradicts “$9" not in result.stdout


@pytest.mark.parametrize("fmt", ["json", "github", "junit", "sarif"])
def test_ci_formats_carry_the_same_findings(draft, fmt):
    result = check(draft, "--against", SEEDS, "--format", fmt)
    assert result.exit_code == ExitCode.FINDINGS
    out = result.stdout
    if fmt == "json":
        assert [f["code"] for f in json.loads(out)] == ["FL301"] and json.loads(out)[0]["location"].endswith(
            ":7:1"
        )
    elif fmt == "github":
        assert out.startswith(f"::error file={draft},line=7,col=1,title=FL301::Adam Selipsky")
    elif fmt == "junit":
        suite = ET.fromstring(out)
        assert suite.get("failures") == "1" and suite[0].find("failure") is not None
    else:
        run = json.loads(out)["runs"][0]
        assert run["results"][0]["ruleId"] == "FL301"
        assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {
            "startLine": 7,
            "startColumn": 1,
        }


def test_settings_are_found_upward_from_the_draft(draft):
    (draft.parent.parent / "factlint.toml").write_text('ignore = ["FL301"]\n', encoding="utf-8")
    assert check(draft, "--against", SEEDS).exit_code == ExitCode.OK


def test_an_unreadable_draft_is_a_usage_error(tmp_path):
    bad = tmp_path / "draft.md"
    bad.write_bytes(b"\x00\x01binary\x00" * 10)
    result = check(bad, "--against", SEEDS)
    assert result.exit_code == ExitCode.USAGE and "could not be read" in result.stderr


def test_at_a_terminal_the_lines_are_coloured_and_say_the_same_words(draft, tmp_path):
    import io
    import re

    from rich.console import Console

    from factlint.pipeline import build_report
    from factlint.report.lint_formats import render
    from factlint.report.terminal import print_findings

    draft.write_text(DRAFT + "\nAnthropic will spend $100 billion on Amazon's cloud.\n", encoding="utf-8")
    report = build_report([draft, SEEDS])
    about = [found for found in report.findings if found.path == str(draft)]
    sources = {source.id: source for source in report.sources}
    assert any(len(found.evidence) > 1 for found in about)
    out = io.StringIO()
    print_findings(about, sources, Console(file=out, force_terminal=True, color_system="standard", width=60))
    coloured = out.getvalue()
    assert "\x1b[1;31mFL301 error\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(about, sources, "text")
    piped = io.StringIO()
    print_findings(about, sources, Console(file=piped, width=60))
    assert piped.getvalue() == render(about, sources, "text") and "\x1b" not in piped.getvalue()


def test_check_leaves_the_great_expectations_suites_out_unless_they_are_selected(draft):
    import subprocess
    import sys

    draft.write_text(DRAFT + "\nShares of Korvex jumped 5000% on Tuesday.\n", encoding="utf-8")
    quick = check(draft, "--against", SEEDS, "--fail-on", "info")
    assert "FL501" not in quick.stdout
    chosen = check(draft, "--against", SEEDS, "--select", "FL501", "--fail-on", "info")
    assert "FL501" in chosen.stdout and chosen.exit_code == ExitCode.FINDINGS
    probe = (
        "import sys\nfrom factlint.cli import main\n"
        f"try:\n    main(['check', {str(draft)!r}, '--against', {str(SEEDS)!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('imported' if 'great_expectations' in sys.modules else 'not imported', file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert run.stderr.strip().endswith("not imported"), run.stderr

"""``factlint validate``: great-expectations suites over the claims table, and FL501/FL502 in reports.

great-expectations takes seconds to import: the seeds' table is built once for the module and the
process keeps one ephemeral context (see factlint.validate), so these tests stay fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import ExitCode, main
from factlint.validate import SuiteError, default_suites, load_suite, run_suites

ROOT = Path(__file__).resolve().parents[1]
AMAZON = ROOT / "fixtures" / "amazon-anthropic"
STORIES = ROOT / "fixtures" / "stories"

WRONG_PIN = """\
suite: desk-pins
expectations:
  - type: ExpectColumnValuesToBeBetween
    where: {subject: amazon, counterparty: anthropic, attribute: investment.total}
    kwargs: {column: value, min_value: 1.0e9, max_value: 2.0e9}
    description: Amazon's total in Anthropic (wrong on purpose)
"""


def invoke(*args: object):
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_table():
    from factlint.pipeline import build_report
    from factlint.tables import claims_table

    return claims_table(build_report([AMAZON, STORIES], catalogue={}).claims)


def desk(tmp_path: Path, text: str, name: str = "pins.yaml") -> Path:
    folder = tmp_path / "desk"
    (folder / "expectations").mkdir(parents=True)
    (folder / "expectations" / name).write_text(text, encoding="utf-8")
    return folder


def test_default_suite_holds_on_the_seeds(seed_table):
    outcomes = run_suites(seed_table, default_suites())
    assert outcomes, "the bundled suite has expectations"
    assert [o.expectation.label for o in outcomes if not o.success] == []


def test_default_suite_reports_broken_rows(seed_table):
    broken = seed_table.copy()
    broken.loc[3, "end"] = 0
    broken.loc[5, "kind"] = "rumour"
    failed = {o.expectation.type: o for o in run_suites(broken, default_suites()) if not o.success}
    assert set(failed) == {"ExpectColumnPairValuesAToBeGreaterThanB", "ExpectColumnValuesToBeInSet"}
    assert failed["ExpectColumnValuesToBeInSet"].examples == ("rumour",)
    assert failed["ExpectColumnValuesToBeInSet"].rows == (5,)


def test_wrong_pin_fails_with_the_expectation_named(tmp_path):
    result = invoke("validate", AMAZON, "--rules", desk(tmp_path, WRONG_PIN))
    assert result.exit_code == ExitCode.FINDINGS
    assert "FAIL desk-pins: ExpectColumnValuesToBeBetween(value) where subject=amazon" in result.output
    assert "2 unexpected: 8000000000.0" in result.output


def test_right_pin_passes_and_json_lists_every_expectation(tmp_path):
    right = WRONG_PIN.replace("1.0e9", "7.5e9").replace("2.0e9", "8.5e9")
    result = invoke("validate", AMAZON, "--rules", desk(tmp_path, right), "--format", "json")
    assert result.exit_code == ExitCode.OK, result.output
    outcomes = json.loads(result.stdout)
    assert {o["suite"] for o in outcomes} == {"claims", "desk-pins"}
    assert all(o["success"] for o in outcomes)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("expectations: [{type: ExpectColumnValuesToBeBetween, kwargs: {column: value}", "not valid YAML"),
        ("expectations: [{type: ExpectNothingAtAll, kwargs: {column: value}}]", "ExpectNothingAtAll"),
        ("expectations: [{type: ExpectColumnValuesToBeInSet, kwargs: {column: kind}}]", "value_set"),
        ("expectation: []", "unknown key 'expectation'"),
        ("expectations: [{type: Expect-Column, kwargs: {column: kind}}]", "type must name an expectation"),
        ("expectations: [{type: ExpectÉté, kwargs: {column: kind}}]", "type must name an expectation"),
    ],
)
def test_malformed_suite_is_exit_2_naming_the_file(tmp_path, text, problem):
    folder = desk(tmp_path, text, "broken.yaml")
    result = invoke("validate", AMAZON, "--rules", folder)
    assert result.exit_code == ExitCode.USAGE
    assert f"{folder / 'expectations' / 'broken.yaml'}:" in result.stderr
    assert problem in result.stderr
    with pytest.raises(SuiteError):
        load_suite(folder / "expectations" / "broken.yaml")


def test_fl5xx_findings_appear_in_the_report_json(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Published: 2024-11-22\n\nAmazon said its total investment in Anthropic now stands at $18 billion "
        "after the new round. Sales of the headset rose 1,500% in the third quarter, the company said.\n",
        encoding="utf-8",
    )
    desk = tmp_path / "desk"
    (desk / "expectations").mkdir(parents=True)
    (desk / "matching.yaml").write_text("names: {fuzzy_threshold: 88}\n", encoding="utf-8")
    (desk / "expectations" / "pins.yaml").write_text(
        "expectations:\n  - type: ExpectColumnValuesToBeBetween\n"
        "    where: {subject: amazon, counterparty: anthropic, attribute: investment.total}\n"
        "    kwargs: {column: value, min_value: 7.5e9, max_value: 8.5e9}\n"
        "    description: Amazon's total investment in Anthropic is $8 billion\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    result = invoke("report", story, "-o", tmp_path / "report.html", "--json", out, "--rules", desk)
    assert result.exit_code == ExitCode.OK, result.output
    findings = {f["code"]: f for f in json.loads(out.read_text(encoding="utf-8"))["findings"]}
    assert "FL501" in findings and "1500" in findings["FL501"]["message"]
    assert "FL502" in findings and "$18 billion" in findings["FL502"]["message"]


def test_a_broken_suite_stops_the_report_with_one_line(tmp_path):
    from click.testing import CliRunner

    from factlint.cli import main

    rules = tmp_path / "desk"
    (rules / "expectations").mkdir(parents=True)
    (rules / "matching.yaml").write_text("names: {fuzzy_threshold: 88}\n", encoding="utf-8")
    (rules / "expectations" / "pins.yaml").write_text("expectations: [{type: no_such_expectation}]\n")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        main, ["report", "fixtures/amazon-anthropic", "-o", str(out), "--rules", str(rules)]
    )
    assert result.exit_code == 2, result.output
    assert "pins.yaml:1:" in result.output and "Traceback" not in result.output

"""The rule options and commands: --select, --ignore, --rules, factlint rules, factlint explain, settings."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factlint.cli import ExitCode, main

SEEDS = "fixtures/amazon-anthropic"


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(arg) for arg in args], **kwargs)


def codes_of(report_json) -> set[str]:
    return {finding["code"] for finding in json.loads(report_json.read_text(encoding="utf-8"))["findings"]}


def test_rules_lists_the_catalogue_and_honours_select(tmp_path):
    listed = run("rules")
    assert listed.exit_code == 0 and "FL401" in listed.output and "category.unlisted_stock" in listed.output
    only = run("rules", "--select", "FL2", "--format", "json")
    assert {row["code"] for row in json.loads(only.output)} == {"FL201", "FL202", "FL203", "FL204"}


def test_explain_prints_a_rules_documentation_and_refuses_unknown_codes():
    shown = run("explain", "FL401")
    assert shown.exit_code == 0
    for part in (
        "What it finds:",
        "Why it matters:",
        "subsidiary_stock_move: raises FL401",
        "rules/checks/FL401.yaml",
    ):
        assert part in shown.output
    assert run("explain", "sources.contradiction").exit_code == 0
    missing = run("explain", "FL999")
    assert missing.exit_code == ExitCode.USAGE and "no rule FL999" in missing.output


def test_select_and_ignore_shape_the_report(tmp_path):
    out = tmp_path / "r.html"
    full, only, without = (tmp_path / name for name in ("full.json", "only.json", "without.json"))
    assert run("report", SEEDS, "-o", out, "--json", full).exit_code == 0
    assert {"FL103", "FL204", "FL303", "FL401"} <= codes_of(full)
    assert run("report", SEEDS, "-o", out, "--json", only, "--select", "FL401,FL303").exit_code == 0
    assert codes_of(only) == {"FL401", "FL303"}
    assert (
        run(
            "report", SEEDS, "-o", out, "--json", without, "--ignore", "sources", "--ignore", "FL303"
        ).exit_code
        == 0
    )
    assert not {code for code in codes_of(without) if code.startswith(("FL2", "FL303"))}


def test_a_selector_matching_nothing_is_a_usage_error(tmp_path):
    result = run("report", SEEDS, "-o", tmp_path / "r.html", "--ignore", "FL31")
    assert result.exit_code == ExitCode.USAGE and "no rule matches FL31" in result.output


def test_a_broken_rules_folder_stops_the_run_with_the_place(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "FL950.yaml").write_text("code: FL950\nname: x\n", encoding="utf-8")
    result = run("report", SEEDS, "-o", tmp_path / "r.html", "--rules", tmp_path / "mine")
    assert result.exit_code == ExitCode.USAGE
    assert "FL950.yaml:1:1: missing key 'kind'" in result.output and "    code: FL950" in result.output


def test_project_settings_layer_rules_and_change_severities(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "newsroom" / "checks").mkdir(parents=True)
    rule = (
        "code: FL401\nname: category.unlisted_stock\nkind: unlisted_stock\nseverity: info\n"
        'message: "no shares: {entity}"\ndescription: Ours.\nwhy: Ours.\n'
        "examples:\n  - id: aws\n    text: AWS stock rose 3% today.\n    raises: [FL401]\n"
    )
    (project / "newsroom" / "checks" / "FL401.yaml").write_text(rule, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.factlint]\nrules = ["newsroom"]\nignore = ["FL203"]\nseverity = {FL204 = "error"}\n',
        encoding="utf-8",
    )
    seeds = Path(SEEDS).resolve()
    monkeypatch.chdir(project)
    out = project / "report.json"
    assert run("report", seeds, "-o", project / "r.html", "--json", out).exit_code == 0
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    severities = {f["code"]: f["severity"] for f in findings}
    assert severities["FL401"] == "info" and severities["FL204"] == "error" and "FL203" not in severities
    assert any(f["message"].startswith("no shares: Amazon Web Services") for f in findings)


def test_severity_can_be_changed_on_the_command_line(tmp_path):
    out = tmp_path / "r.json"
    args = ("report", SEEDS, "-o", tmp_path / "r.html", "--json", out, "--select", "FL401")
    assert run(*args, "--severity", "FL401=info").exit_code == 0
    assert {f["severity"] for f in json.loads(out.read_text(encoding="utf-8"))["findings"]} == {"info"}
    bad = run(*args, "--severity", "FL401=loud")
    assert bad.exit_code == ExitCode.USAGE and "SELECTOR=error|warning|info" in bad.output


def test_a_mistake_in_a_knowledge_file_of_rules_stops_the_run_with_its_line(tmp_path):
    (tmp_path / "newsroom").mkdir()
    (tmp_path / "newsroom" / "frames.yaml").write_text(
        "attributes:\n  revenue:\n    kinds: [moneys]\n", encoding="utf-8"
    )
    result = run("report", SEEDS, "-o", tmp_path / "r.html", "--rules", tmp_path / "newsroom")
    assert result.exit_code == ExitCode.USAGE and "Traceback" not in result.output
    assert (
        "newsroom/frames.yaml:3:13: attributes.revenue.kinds[0] 'moneys' is not one of money" in result.output
    )
    assert "    kinds: [moneys]" in result.output

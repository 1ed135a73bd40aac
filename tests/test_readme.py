"""The README and docs stay true: the set-up commands CI runs, the tables the code's, links that resolve."""

from __future__ import annotations

import re

from factlint.ingest.problems import ALL

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CLAIMS = (ROOT / "docs" / "claims.md").read_text(encoding="utf-8")
RULES = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_set_up_commands_and_ci_runs_the_second():
    block = re.search(r"```sh\n(.*?)\n```", README, re.DOTALL)
    assert block and README.index(block.group(0)) < README.index("## ")
    first, second = block.group(1).splitlines()
    assert "factlint report fixtures/amazon-anthropic -o reports/amazon-anthropic.html" in first
    assert "pytest" in second
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert second in ci.splitlines()


def test_input_problem_table_matches_the_code():
    rows = re.findall(r"^\| (FL9\d\d) \| ([\w.]+) \| (\w+) \|", CLAIMS, re.MULTILINE)
    assert rows == [(kind.code, kind.name, kind.severity.value) for kind in ALL]


def test_rule_table_matches_the_catalogue():
    from factlint.rules.catalogue import load_catalogue

    rows = re.findall(r"^\| (FL[1-8]\d\d) \| ([\w.]+) \| (\w+) \| (.*) \|$", RULES, re.MULTILINE)
    expected = [(r.code, r.name, r.severity.value, r.description) for r in load_catalogue().values()]
    assert rows == expected, "regenerate docs/rules.md's rule table: factlint rules --format markdown"


def test_the_beat_example_works_as_written(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from factlint.cli import main

    block = RULES[RULES.index("# newsroom-rules/entities.yaml") :]
    block = block[: block.index("```")]
    entities, people = block.split("# newsroom-rules/people.yaml")
    (tmp_path / "newsroom-rules").mkdir()
    (tmp_path / "newsroom-rules" / "entities.yaml").write_text(entities, encoding="utf-8")
    (tmp_path / "newsroom-rules" / "people.yaml").write_text(people.split("\n", 1)[1], encoding="utf-8")
    (tmp_path / "a.txt").write_text("Published: 2020-01-02\n\nCorvid Labs CEO Ana Ruiz said sales doubled.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["report", "a.txt", "--rules", "newsroom-rules", "-o", "r.html", "--json", "r.json"]
    )
    assert result.exit_code == 0, result.output
    assert "Ana Ruiz was not chief executive officer of Corvid Labs" in (tmp_path / "r.json").read_text()


def test_the_readme_is_a_front_door_whose_links_resolve():
    assert len(README.splitlines()) < 200
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if "://" in target:
                continue
            resolved = (page.parent / target).resolve()
            assert resolved.exists() and resolved.is_relative_to(ROOT), (page.name, target)

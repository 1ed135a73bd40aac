"""Scoring findings against a fact-checker's gold on real-news stories (factlint.eval realnews).

The scoring is tested on small invented stories built here; the real corpus is only read in
place from ``../shared/realnews`` and its tests skip, saying why, when it is absent.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.eval.__main__ import main
from factlint.eval.realnews import (
    SPLITS,
    Gold,
    RealNewsError,
    default_realnews_dir,
    evaluate,
    load_gold,
    quotes_by_file,
    score,
    split_of,
    table,
)
from factlint.extract import text_source
from factlint.model import Evidence, Finding, Report, Severity, Span

ONE = "Shares rose 3% on Monday. The company hired 120 people."
TWO = "The company hired 150 people, the chief said. Revenue was flat."


def _report(*findings: Finding) -> Report:
    sources = (
        text_source(ONE, id="a", path="story/01_one.md"),
        text_source(TWO, id="b", path="story/02_two.md"),
    )
    return Report(version="t", inputs=("story",), sources=sources, findings=findings)


def _finding(code: str, severity: Severity, *places: tuple[str, str, str]) -> Finding:
    evidence = tuple(
        Evidence(source_id, quote, Span(text.index(quote), text.index(quote) + len(quote)))
        for source_id, text, quote in places
    )
    return Finding(code, "x.y", severity, "m", source_id=evidence[0].source_id, evidence=evidence)


GOLD = Gold(
    "hiring",
    Path("story"),
    findings=(
        {"code": "FL201", "files": ["01_one.md", "02_two.md"], "quotes": {"02_two.md": "hired 150 people"}},
        {"code": "FL102", "files": ["01_one.md"], "quote": "Shares rose 3%"},
    ),
    traps=(
        {"files": ["02_two.md"], "quote": "Revenue was flat", "forbidden_codes": ["FL201", "FL203"]},
        {"files": ["01_one.md"], "quote": "on Monday", "forbidden_codes": ["FL302"]},
    ),
)


def test_a_finding_at_the_gold_quote_with_the_gold_code_is_caught():
    conflict = _finding("FL201", Severity.ERROR, ("a", ONE, "120 people"), ("b", TWO, "150 people"))
    result = score(GOLD, _report(conflict))
    assert (result.caught, result.findings, result.alarms, result.traps) == (1, 2, 0, 2)
    assert (result.flagged, result.emitted) == (1, 1)


def test_the_right_place_with_another_code_or_another_file_catches_nothing():
    wrong_code = _finding("FL204", Severity.WARNING, ("b", TWO, "150 people"))
    wrong_file = _finding("FL102", Severity.ERROR, ("b", TWO, "hired 150"))
    result = score(GOLD, _report(wrong_code, wrong_file))
    assert result.caught == 0 and result.flagged == 2


def test_a_forbidden_code_on_a_trap_is_a_false_alarm_and_info_is_not_flagged():
    single = _finding("FL203", Severity.INFO, ("b", TWO, "flat"))
    result = score(GOLD, _report(single))
    assert (result.alarms, result.flagged, result.emitted) == (1, 0, 1)


def test_a_placed_quote_elsewhere_in_the_file_is_no_hit_on_a_phrase_that_holds_it():
    # "120 people" stands in the trap's phrase too, but the finding points at another place.
    gold = Gold(
        "hiring",
        Path("story"),
        findings=(),
        traps=({"files": ["01_one.md"], "quote": "hired 120 people", "forbidden_codes": ["FL201"]},),
    )
    text = ONE + " Last year it hired 120 people again."
    elsewhere = text.rindex("120 people")
    finding = Finding(
        "FL201",
        "x.y",
        Severity.ERROR,
        "m",
        source_id="a",
        evidence=(Evidence("a", "120 people", Span(elsewhere, elsewhere + len("120 people"))),),
    )
    sources = (text_source(text, id="a", path="story/01_one.md"),)
    report = Report(version="t", inputs=("story",), sources=sources, findings=(finding,))
    assert score(gold, report).alarms == 0
    at_trap = dataclasses.replace(finding, evidence=(Evidence("a", "120 people", Span(44, 54)),))
    assert text[44:54] == "120 people"
    assert score(gold, dataclasses.replace(report, findings=(at_trap,))).alarms == 1


def test_input_problems_are_not_counted():
    problem = Finding("FL901", "input.unreadable", Severity.ERROR, "m", source_id="a")
    result = score(GOLD, _report(problem))
    assert (result.flagged, result.emitted) == (0, 0)


@given(st.text(max_size=40))
def test_every_story_falls_in_one_split_always_the_same(name):
    assert split_of(name) in SPLITS and split_of(name) == split_of(name)


def _corpus(root: Path, gold: str, story: str = "hiring") -> Path:
    (root / "gold").mkdir(parents=True)
    (root / "stories" / story).mkdir(parents=True)
    (root / "stories" / story / "01_one.md").write_text(ONE, encoding="utf-8")
    (root / "stories" / story / "02_two.md").write_text(TWO, encoding="utf-8")
    (root / "gold" / f"{story}.yaml").write_text(gold, encoding="utf-8")
    return root


def test_the_command_scores_a_corpus_and_lists_only_the_asked_split(tmp_path, capsys):
    root = _corpus(tmp_path, "story: hiring\nfindings: []\nmust_not_flag: []\n")
    assert main(["realnews", "--gold", str(root), "--split", "all"]) == 0
    out = capsys.readouterr().out
    assert f"{split_of('hiring'):5} hiring" in out and "1 stories; caught 0/0 findings" in out
    other = "test" if split_of("hiring") == "dev" else "dev"
    assert main(["realnews", "--gold", str(root), "--split", other]) == 0
    assert " hiring " not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("gold", "problem"),
    [
        ("story: [unclosed\n", "not valid YAML"),
        ("- a list\n", "a mapping with a story name"),
        ("story: elsewhere\n", "no story folder"),
    ],
)
def test_an_unsound_gold_file_is_exit_2_naming_it(tmp_path, capsys, gold, problem):
    root = _corpus(tmp_path, gold)
    assert main(["realnews", "--gold", str(root)]) == 2
    err = capsys.readouterr().err
    assert str(root / "gold" / "hiring.yaml") in err and problem in err


def test_a_folder_without_gold_is_an_error(tmp_path):
    with pytest.raises(RealNewsError, match="no gold files"):
        load_gold(tmp_path)


def test_the_pipeline_runs_on_each_story_folder(tmp_path):
    root = _corpus(tmp_path, "story: hiring\nfindings: []\nmust_not_flag: []\n")
    (scored,) = evaluate(load_gold(root))
    assert scored.story == "hiring" and scored.findings == 0
    assert "hiring" in table([scored], SPLITS)


REAL = default_realnews_dir()


@pytest.mark.skipif(not (REAL / "gold").is_dir(), reason=f"the real-news corpus is not at {REAL}")
def test_the_real_corpus_gold_reads_and_both_splits_have_stories():
    golds = load_gold(REAL)
    assert len(golds) >= 10
    assert {split_of(gold.story) for gold in golds} == set(SPLITS)
    assert all(gold.findings or gold.traps for gold in golds)


def test_quotes_that_are_not_text_are_ignored():
    item = {
        "files": ["a.md", "b.md"],
        "quote": "x",
        "quotes": {"a.md": 5, "b.md": ["y", "z"], "c.md": {"k": 1}},
    }
    assert quotes_by_file(item) == {"a.md": ["x"], "b.md": ["y", "z"], "c.md": []}

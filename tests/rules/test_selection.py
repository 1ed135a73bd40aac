"""Selection: --select and --ignore by code, code prefix or dotted name; severity overrides."""

from __future__ import annotations

from factlint.model import Severity
from factlint.rules.catalogue import load_catalogue
from factlint.rules.selection import Selection, unknown_selectors

CATALOGUE = load_catalogue()


def chosen(selection: Selection) -> set[str]:
    return {code for code, rule in CATALOGUE.items() if selection.enabled(rule)}


def test_select_and_ignore_by_code_prefix_or_name():
    assert chosen(Selection()) == set(CATALOGUE)
    assert chosen(Selection(select=("FL2",))) == {"FL201", "FL202", "FL203", "FL204"}
    assert chosen(Selection(select=("sources",), ignore=("FL203",))) == {"FL201", "FL202", "FL204"}
    assert chosen(Selection(select=("time.undatable",))) == {"FL303"}
    assert "FL303" not in chosen(Selection(ignore=("time",)))
    assert not chosen(Selection(select=("sources.contra",)))  # a name prefix stops at a dot


def test_the_most_specific_severity_override_wins():
    selection = Selection(severities={"FL2": Severity.INFO, "FL201": Severity.WARNING})
    assert selection.severity(CATALOGUE["FL201"]) == Severity.WARNING
    assert selection.severity(CATALOGUE["FL202"]) == Severity.INFO
    assert selection.severity(CATALOGUE["FL401"]) == Severity.ERROR


def test_selectors_that_match_nothing_are_named():
    assert unknown_selectors(["FL2", "FL31", "time", "tiem"], CATALOGUE.values()) == ["FL31", "tiem"]

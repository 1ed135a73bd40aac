"""Every example of every rule in rules/checks, run as a test: ``pytest -k FL401`` runs one rule."""

from __future__ import annotations

import pytest

from factlint.rules.catalogue import load_catalogue
from factlint.rules.examples import check_example

CATALOGUE = load_catalogue()
CASES = [(rule, example) for rule in CATALOGUE.values() for example in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), CASES, ids=[f"{rule.code}_{example.id}" for rule, example in CASES]
)
def test_rule_example(rule, example):
    assert check_example(example, CATALOGUE) == [], f"{rule.path}: example {example.id}"


@pytest.mark.parametrize("rule", list(CATALOGUE.values()), ids=list(CATALOGUE))
def test_every_rule_has_a_failing_and_a_passing_example(rule):
    assert any(rule.code in example.raises for example in rule.examples), f"{rule.path}: no example raises it"
    assert any(rule.code in example.clean for example in rule.examples), (
        f"{rule.path}: no example is clean of it"
    )

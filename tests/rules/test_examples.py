"""Every example of every rule in rules/checks, run as a test: ``pytest -k FL401`` runs one rule."""

from __future__ import annotations

import dataclasses

import pytest

from factlint.rule_examples import check_example
from factlint.rules.catalogue import load_catalogue

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


def test_an_example_that_says_the_wrong_thing_is_told():
    rule = CATALOGUE["FL103"]
    example = next(example for example in rule.examples if rule.code in example.raises)
    wrong = dataclasses.replace(example, raises=(), clean=(rule.code,))
    assert check_example(wrong, CATALOGUE) == [f"{rule.code} raised"]
    assert check_example(dataclasses.replace(example, raises=("FL999",)), CATALOGUE) == ["FL999 not raised"]

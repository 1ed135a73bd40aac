"""The catalogue loader: rule files validated with file:line:col errors, folders layered by code."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.located import RuleFileError
from factlint.model import Severity
from factlint.rules.catalogue import is_code, is_name, load_catalogue, read_rule

GOOD = """\
code: FL990
name: test.unlisted_stock
kind: unlisted_stock
severity: warning
message: "stock data for {entity}"
description: A test rule.
why: Because.
examples:
  - id: aws
    text: "AWS stock rose 3.2% on Tuesday."
    raises: [FL990]
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_rule_file_reads_into_a_rule(tmp_path):
    rule = read_rule(write(tmp_path, "FL990.yaml", GOOD))
    assert (rule.code, rule.name, rule.severity, rule.kind) == (
        "FL990",
        "test.unlisted_stock",
        Severity.WARNING,
        "unlisted_stock",
    )
    assert rule.params["attributes"] and rule.examples[0].raises == ("FL990",)
    assert rule.say(entity="AWS") == "stock data for AWS"


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (("severity: warning", "severity: loud"), ":4:", "severity must be error, warning or info"),
        (("kind: unlisted_stock", "kind: no_such_kind"), ":3:", "unknown kind 'no_such_kind'"),
        (("code: FL990", "code: X990"), ":1:", "is not FL followed by three digits"),
        (('"stock data for {entity}"', '"stock data for {ticker}"'), ":5:", "message uses ticker"),
        (("why: Because.", "why: Because.\ncolour: red"), ":8:", "unknown key 'colour'"),
        (("    raises: [FL990]", "    raises: [oops]"), ":11:", "a list of codes"),
        (("examples:", "examples: [\n"), ":", "not valid YAML"),
    ],
)
def test_mistakes_name_the_file_line_and_column_with_the_line(tmp_path, change, where, message):
    path = write(tmp_path, "FL990.yaml", GOOD.replace(*change))
    with pytest.raises(RuleFileError) as raised:
        read_rule(path)
    text = str(raised.value)
    assert text.startswith(f"{path}{where}") and message in text, text
    assert len(text.splitlines()) == 2  # the message and the offending line


def test_later_folders_override_rules_by_code(tmp_path):
    write(
        tmp_path, "FL401.yaml", GOOD.replace("FL990", "FL401").replace("severity: warning", "severity: info")
    )
    catalogue = load_catalogue([tmp_path])
    assert catalogue["FL401"].severity == Severity.INFO and catalogue["FL401"].path.startswith(str(tmp_path))
    assert "FL201" in catalogue and load_catalogue()["FL401"].severity == Severity.ERROR


def test_a_rules_folder_with_a_checks_subfolder_is_read_too(tmp_path):
    (tmp_path / "checks").mkdir()
    write(tmp_path / "checks", "FL990.yaml", GOOD)
    assert "FL990" in load_catalogue([tmp_path])


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("FL101", True, False),
        ("FL10", False, False),
        ("FL1011", False, False),
        ("fl101", False, False),
        ("FL1a1", False, False),
        ("FL101\n", False, False),
        ("time.role_anachronism", False, True),
        ("time", False, False),
        ("time.", False, False),
        ("time..role", False, False),
        ("Time.role", False, False),
        ("time.2nd", False, False),
        ("a.b_2.c", False, True),
    ],
)
def test_codes_and_names_are_checked_by_their_words(text, code, name):
    assert (is_code(text), is_name(text)) == (code, name)


# What the catalogue checked with patterns before it held none; tests may still use them.
CODE = re.compile(r"FL\d{3}")
NAME = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")


@given(st.from_regex(CODE, fullmatch=True) | st.text("FL0123456789١x", max_size=6))
def test_a_code_is_what_the_pattern_took(text):
    assert is_code(text) == bool(CODE.fullmatch(text))


@given(st.from_regex(NAME, fullmatch=True) | st.text("ab_1.Z é", max_size=8))
def test_a_name_is_what_the_pattern_took(text):
    assert is_name(text) == bool(NAME.fullmatch(text))


def test_a_bundled_rule_file_states_only_the_parameters_that_differ_from_its_kind():
    import yaml

    from factlint.rules.catalogue import default_checks_dir
    from factlint.rules.kinds import KINDS

    for path in sorted(default_checks_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        defaults = KINDS[data["kind"]].params
        restated = [name for name, value in (data.get("params") or {}).items() if defaults.get(name) == value]
        assert not restated, (
            f"{path.name} restates its kind's defaults for {restated}: state them once, in code"
        )

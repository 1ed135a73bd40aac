"""The pytest plugin makes its run with factlint.run_setup, so its mistakes are told as the CLI's are."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture
def stories(pytester: pytest.Pytester) -> None:
    (pytester.path / "stories").mkdir()
    (pytester.path / "stories" / "a.md").write_text("Amazon paid $4 billion.\n", encoding="utf-8")
    pytester.makepyfile(test_one="def test_one():\n    pass\n")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("select = 3\n", "*factlint: *factlint.toml:1:1: select must be a list of texts"),
        ('select = ["FL0"]\n', "*factlint: no rule matches FL0 (see factlint rules)"),
    ],
)
def test_a_mistake_in_the_settings_is_one_usage_error(
    pytester: pytest.Pytester, stories: None, settings: str, message: str
) -> None:
    pytester.makefile(".toml", factlint=settings)
    result = pytester.runpytest("--factlint", "stories")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message])
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
    # A session that checks no article does not read the settings.
    pytester.runpytest("test_one.py").assert_outcomes(passed=1)

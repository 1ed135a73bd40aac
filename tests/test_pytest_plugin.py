"""The pytest plugin (articles as tests, fixtures, assertrepr, summary) and factlint.testing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factlint.pipeline import build_report
from factlint.testing import assert_agree, assert_claim, assert_no_findings, plural

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "newsroom-ci"

CLEAN = {
    "harbour-wire.md": """---
title: Port of Brennick opens its new container terminal
date: 2025-04-02
outlet: Harbour Wire
---

The Port of Brennick opened its new container terminal on Tuesday after three years of building.

The terminal cost $420 million, the port authority said, and can handle 1.2 million containers a year.
""",
    "brennick-gazette.md": """---
title: A $420 million terminal for Brennick
date: 2025-04-03
outlet: Brennick Gazette
---

Brennick's new container terminal, which opened this week, cost $420 million.

Port officials expect it to handle 1.2 million containers a year once all six cranes are working.
""",
}


@pytest.fixture
def corpus(pytester: pytest.Pytester, seeds: Path) -> Path:
    """The demo corpus copied into the pytester folder, so that node ids stay short."""
    shutil.copytree(seeds, pytester.path / "corpus")
    return pytester.path / "corpus"


@pytest.fixture
def clean(pytester: pytest.Pytester) -> Path:
    folder = pytester.path / "clean"
    folder.mkdir()
    for name, text in CLEAN.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seeds_report(seeds: Path):
    return build_report([seeds])


def test_articles_fail_with_their_findings_in_words(pytester: pytest.Pytester, corpus: Path) -> None:
    result = pytester.runpytest("--factlint", "corpus")
    result.assert_outcomes(failed=1, passed=4)
    result.stdout.fnmatch_lines(
        [
            "corpus/002_041f29d0206b217d.txt F*",
            "corpus/002_041f29d0206b217d.txt: 2 findings at or over error",
            "corpus/002_041f29d0206b217d.txt:44:1: FL301 error Adam Selipsky was not chief executive officer"
            " of Amazon Web Services on 2024-11-22 * ?time.role_anachronism?",
            "    corpus/002_041f29d0206b217d.txt:44:1: “Adam Selipsky, AWS CEO”",
            "*FL401 error stock data for Amazon Web Services*",
            "factlint: 5 articles checked, 5 with findings (2 errors, *), 1 failing at error",
        ]
    )
    assert "Traceback" not in result.stdout.str()
    assert "pytest_plugin.py" not in result.stdout.str()


def test_fail_on_warning_fails_more_articles(pytester: pytest.Pytester, corpus: Path) -> None:
    result = pytester.runpytest("--factlint", "corpus", "--factlint-fail-on", "warning")
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] > 1
    result.stdout.fnmatch_lines(["*FL204 warning*", "factlint: 5 articles checked, *failing at warning"])


def test_a_clean_corpus_passes(pytester: pytest.Pytester, clean: Path) -> None:
    result = pytester.runpytest("--factlint", "clean", "--factlint-fail-on", "info")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["factlint: 2 articles checked, 0 with findings, 0 failing at info"])


def test_one_article_is_singular_and_files_repeat(pytester: pytest.Pytester, clean: Path) -> None:
    result = pytester.runpytest("--factlint", "clean/harbour-wire.md", "--factlint", "clean/harbour-wire.md")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["factlint: 1 article checked, 0 with findings, 0 failing at error"])


def test_without_the_option_nothing_is_collected_from_articles(
    pytester: pytest.Pytester, clean: Path
) -> None:
    pytester.makepyfile(test_one="def test_one():\n    pass\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    assert "factlint:" not in result.stdout.str()


def test_fixtures_marker_parameter_and_assertrepr(
    pytester: pytest.Pytester, corpus: Path, clean: Path
) -> None:
    pytester.makepyfile(
        test_news="""
        import pytest

        @pytest.mark.factlint("clean")
        def test_marker(factlint_corpus, factlint_kb):
            report = factlint_corpus()
            assert len(report.sources) == 2
            assert factlint_corpus("clean") is report
            assert any(entity.id == "amazon" for entity in factlint_kb.entities)

        @pytest.mark.parametrize("factlint_corpus", ["clean"], indirect=True)
        def test_parameter(factlint_corpus):
            assert len(factlint_corpus().sources) == 2

        def test_findings_in_words(factlint_corpus):
            report = factlint_corpus("corpus")
            assert [f for f in report.findings if f.severity == "error"] == []
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "E       assert 2 findings == no findings",
            "E         left:",
            "E           corpus/002_041f29d0206b217d.txt:44:1: FL301 error Adam Selipsky *",
            "E               corpus/002_041f29d0206b217d.txt:44:1: “Adam Selipsky, AWS CEO”",
        ]
    )
    assert "Finding(code=" not in result.stdout.str()


def test_a_bad_rules_folder_is_a_usage_error(pytester: pytest.Pytester, clean: Path) -> None:
    result = pytester.runpytest("--factlint", "clean", "--factlint-rules", "missing")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factlint: *missing*"])


def test_a_mistake_in_a_rules_check_file_is_a_usage_error(pytester: pytest.Pytester, clean: Path) -> None:
    checks = pytester.path / "desk" / "checks"
    checks.mkdir(parents=True)
    (checks / "mine.yaml").write_text("rules:\n  - code: FL999\n    code: FL998\n", encoding="utf-8")
    result = pytester.runpytest("--factlint", "clean", "--factlint-rules", "desk")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factlint: *mine.yaml:*"])
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()


def test_running_out_of_memory_is_one_line_not_a_traceback(
    pytester: pytest.Pytester, clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factlint.pipeline

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(factlint.pipeline, "build_report", exhausted)
    result = pytester.runpytest("--factlint", "clean")
    assert result.ret == pytest.ExitCode.INTERNAL_ERROR
    output = result.stdout.str() + result.stderr.str()
    assert "factlint: ran out of memory while reading the articles; try --jobs 1" in output
    assert "Traceback" not in output and "INTERNALERROR>" not in output


def test_the_example_newsroom_repository_stays_green(pytester: pytest.Pytester) -> None:
    shutil.copytree(EXAMPLE, pytester.path, dirs_exist_ok=True)
    result = pytester.runpytest("tests", "--factlint", "stories")
    result.assert_outcomes(passed=6)
    result.stdout.fnmatch_lines(["factlint: 2 articles checked, *0 failing at error"])


def test_assert_no_findings_tells_findings_with_quotes_and_places(seeds_report) -> None:
    with pytest.raises(AssertionError) as caught:
        assert_no_findings(seeds_report)
    message = str(caught.value)
    assert message.startswith("2 findings at or over error:")
    assert "002_041f29d0206b217d.txt:44:1: FL301 error Adam Selipsky" in message
    assert "    " in message and ":44:1: “Adam Selipsky, AWS CEO”" in message
    assert_no_findings(seeds_report.__class__(version="x", inputs=(), sources=()), fail_on="info")


def test_assert_claim_by_name_or_id_with_intervals_and_dates(seeds_report) -> None:
    assert assert_claim(seeds_report, subject="Amazon", attribute="investment.total", value=8e9)
    assert assert_claim(seeds_report, subject="amazon.com", attribute="investment.total", value=8e9)
    # "up to $20 billion" allows 15 billion
    assert assert_claim(seeds_report, subject="amazon", attribute="investment.amount", value=15e9)
    assert assert_claim(
        seeds_report, subject="amazon", attribute="investment.amount", value=4e9, as_of="2023-09-15"
    )
    with pytest.raises(AssertionError) as caught:
        assert_claim(seeds_report, subject="Amazon", attribute="investment.total", value=9e9)
    message = str(caught.value)
    assert message.startswith(
        "no claim of Amazon investment.total = 9e+09; the claims of Amazon investment.total:"
    )
    assert "002_041f29d0206b217d.txt:5:177) [8e+09, 8e+09] USD as of publication date in: " in message
    with pytest.raises(AssertionError, match="no claim of amazon valuation"):
        assert_claim(seeds_report, subject="amazon", attribute="valuation", value=1)
    with pytest.raises(AssertionError, match="none refers to 2030-01-01"):
        assert_claim(
            seeds_report, subject="amazon", attribute="investment.amount", value=4e9, as_of="2030-01-01"
        )


def test_assert_agree_tells_the_label_reason_and_claims(seeds_report) -> None:
    assert assert_agree(seeds_report, subject="Anthropic", attribute="capacity")
    with pytest.raises(AssertionError) as caught:
        assert_agree(seeds_report, subject="amazon", attribute="investment.amount")
    message = str(caught.value)
    assert message.startswith("amazon investment.amount: ")
    assert "  qualifier_dropped: “$20 billion” (001_443f79c42a16af4a.txt) drops the “up to”" in message
    assert (
        "    “$20 billion” (" in message and "001_443f79c42a16af4a.txt:7:209) [2e+10, 2e+10] USD" in message
    )
    with pytest.raises(AssertionError, match="no reconciled group of nobody revenue"):
        assert_agree(seeds_report, subject="nobody", attribute="revenue")


def test_plural() -> None:
    assert [plural(1, "error"), plural(2, "error"), plural(3, "info")] == ["1 error", "2 errors", "3 info"]


def test_an_unreadable_file_fails_with_its_input_problem(pytester: pytest.Pytester, clean: Path) -> None:
    (clean / "bad.txt").write_bytes(b"\x00\x01binary")
    result = pytester.runpytest("--factlint", "clean")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        ["clean/bad.txt: FL902 error binary data*", "factlint: 3 articles checked, *"]
    )


def test_the_projects_settings_apply(pytester: pytest.Pytester, corpus: Path) -> None:
    pytester.makefile(".toml", factlint='ignore = ["FL301", "FL401"]\n')
    result = pytester.runpytest("--factlint", "corpus")
    result.assert_outcomes(passed=5)

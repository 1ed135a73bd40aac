"""Issue 5's "done when", as far as the catalogue goes today, on the five seed articles."""

from __future__ import annotations

import pytest

from factlint.pipeline import build_report


@pytest.fixture(scope="module")
def findings(seeds):
    return build_report([seeds]).findings


def of(findings, code):
    return [finding for finding in findings if finding.code == code]


def test_aws_stock_is_flagged_naming_amazon_and_its_ticker(findings):
    (found,) = of(findings, "FL401")
    assert found.evidence[0].quote == "3.2%" and found.source_id.startswith("002")
    assert "Amazon" in found.message and "AMZN" in found.message
    assert [(basis.file, basis.entry) for basis in found.basis] == [
        ("entities.yaml", "aws"),
        ("entities.yaml", "amazon"),
    ]
    assert "subsidiary" in found.basis[0].says and "NASDAQ: AMZN" in found.basis[1].says
    assert all("10-K" in (basis.source or "") for basis in found.basis)


def test_the_nested_repetition_is_one_passage_said_three_times(findings):
    repeated = of(findings, "FL103")
    assert {finding.source_id[:3] for finding in repeated} == {"000"}
    assert any(
        "repeated 3 times" in finding.message and "Anthropic Investment" in finding.message
        for finding in repeated
    )


def test_the_texts_without_a_date_are_reported_with_their_relative_dates(findings):
    undated = {finding.source_id[:3]: finding for finding in of(findings, "FL303")}
    assert {"001", "003"} <= set(undated) and not {"002", "004"} & set(undated)
    assert "last november" in {evidence.quote.lower() for evidence in undated["003"].evidence}
    assert "“monday”" in undated["003"].explanation.lower()


def test_no_contradiction_between_the_five_files(findings):
    assert not of(findings, "FL201")
    assert {finding.evidence[0].quote for finding in of(findings, "FL204")} == {"$100 billion", "$20 billion"}


def test_selipsky_as_aws_ceo_in_november_2024_names_matt_garman(findings):
    (found,) = of(findings, "FL301")
    assert found.source_id.startswith("002") and found.evidence[0].quote.startswith("Adam Selipsky")
    assert "2024-11-22" in found.message and "Matt Garman" in found.message and "2024-06-03" in found.message
    (basis,) = found.basis
    assert (basis.file, basis.entry) == ("people.yaml", "adam-selipsky")
    assert basis.says.endswith("to 2024-06-03") and "The Verge" in (basis.source or "")


def test_the_investment_valued_at_380_billion_is_flagged_and_nothing_else(findings):
    (found,) = of(findings, "FL402")
    assert found.evidence[0].quote == "$380 billion" and found.source_id.startswith("003")
    assert "Anthropic" in found.message


def test_the_front_matter_disagrees_with_the_body_twice(findings):
    inconsistent = of(findings, "FL101")
    assert len(inconsistent) == 2 and {finding.source_id[:3] for finding in inconsistent} == {"000"}
    messages = " ".join(finding.message for finding in inconsistent)
    for part in ("100", "95/100", "12/30/2024", "2024-12-31"):
        assert part in messages


def test_no_false_alarm_on_right_arithmetic_or_dates(findings):
    assert not of(findings, "FL102")  # $203.19 up $1.37 (0.68%), $4B + $4B = $8B, $5B + $20B = $25B
    assert not of(findings, "FL302") and not of(findings, "FL403")

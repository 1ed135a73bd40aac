"""The newsroom's own checks of its stories, beside `pytest --factlint stories`."""

import pytest

from factlint.testing import assert_agree, assert_claim, assert_no_findings

# factlint_corpus() reads these articles (relative to the repository root), once per session.
pytestmark = pytest.mark.factlint("stories")


def test_no_warnings(factlint_corpus):
    assert_no_findings(factlint_corpus(), fail_on="warning")


def test_total_investment_as_of_publication(factlint_corpus):
    assert_claim(
        factlint_corpus(), subject="Amazon", attribute="investment.total", value=8e9, as_of="2024-11-22"
    )


def test_sources_agree_on_the_total(factlint_corpus):
    assert_agree(factlint_corpus(), subject="amazon", attribute="investment.total")


def test_knowledge_knows_the_companies(factlint_kb):
    assert {"amazon", "anthropic"} <= {entity.id for entity in factlint_kb.entities}

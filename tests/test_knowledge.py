"""The knowledge loader: later folders add to the defaults at every depth; mistakes name the file."""

from __future__ import annotations

import pytest

from factlint.extract import extract_text
from factlint.knowledge import KnowledgeError, load_knowledge


def test_a_folder_adds_phrases_and_symbols_without_removing_any(tmp_path):
    (tmp_path / "quantities.yaml").write_text(
        "qualifiers: {about: [give or take]}\ncurrencies: {USD: {symbols: [USD$]}}\n", encoding="utf-8"
    )
    kb = load_knowledge([tmp_path])
    assert "give or take" in kb.qualifiers_before["about"] and "roughly" in kb.qualifiers_before["about"]
    usd = next(currency for currency in kb.currencies if currency.code == "USD")
    assert "USD$" in usd.symbols and "$" in usd.symbols and usd.subunits["cents"] == 0.01
    [claim] = extract_text("give or take $5 billion", kb=kb)
    assert claim.quantity.qualifier == "about"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("qualifiers: {up_to: ['']}\n", "empty phrase"),
        ("percent: {per-mille: ['‰']}\n", "identifier"),
        ("qualifier_bands: {about: 2}\n", "between 0 and 1"),
        ("currencies: [not, a, mapping]\n", "quantities.yaml"),
    ],
)
def test_mistakes_are_knowledge_errors_naming_the_file(tmp_path, content, message):
    (tmp_path / ("tolerances.yaml" if "bands" in content else "quantities.yaml")).write_text(content)
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge([tmp_path])


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(KnowledgeError, match="no such rules folder"):
        load_knowledge([tmp_path / "nope"])

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


def test_a_folder_adds_count_cues_units_before_numbers_and_organisation_verbs(tmp_path):
    (tmp_path / "units.yaml").write_text(
        "units: {richter: {before: [richter scale]}}\npeople_counts: {before: [trapping]}\n", encoding="utf-8"
    )
    (tmp_path / "entities.yaml").write_text("candidates: {verbs: [unveils]}\n", encoding="utf-8")
    kb = load_knowledge([tmp_path])
    assert "trapping" in kb.people_before and "killing" in kb.people_before
    assert "unveils" in kb.candidate_verbs and "said" in kb.candidate_verbs
    assert next(unit for unit in kb.units if unit.id == "magnitude").before == ("magnitude",)
    [count] = [
        c for c in extract_text("The collapse ended trapping 12 in the mine.", kb=kb) if c.kind == "quantity"
    ]
    assert (count.text, count.quantity.unit) == ("12", "person")
    [scale] = extract_text("It read richter scale 5.1 on the dial.", kb=kb)
    assert (scale.text, scale.quantity.unit) == ("5.1", "richter")
    [money] = extract_text("Northwind unveils a $40 million fund.", kb=kb)
    assert money.subject == "candidate:northwind"
    assert extract_text("Northwind unveils a $40 million fund.")[0].subject is None


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  acme: {name: Acme, kind: startup}\n", "kind 'startup' is not one of"),
        ("  acme: {name: Acme, parent: nobody}\n", "parent 'nobody' is not an entity id"),
        ("  acme: {name: Acme, listing: {exchange: NASDAQ}}\n", "missing key 'ticker' in a listing"),
        ("  acme: {name: Acme, colour: red}\n", "unknown key(s) in an entity: ['colour']"),
        ("  acme: {kind: subsidiary}\n", "missing key 'name' in an entity"),
    ],
)
def test_a_mistake_in_a_newsrooms_entities_names_the_line(tmp_path, entry, message):
    from factlint.located import RuleFileError

    (tmp_path / "entities.yaml").write_text("entities:\n" + entry, encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        load_knowledge([tmp_path])
    assert str(raised.value).startswith(f"{tmp_path / 'entities.yaml'}:2:") and message in str(raised.value)

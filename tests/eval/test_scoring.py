"""The scorer counts matches, misses, extras and clean negatives the way the docs say."""

from __future__ import annotations

import math

import pytest

from factlint.eval.__main__ import main
from factlint.eval.extraction import evaluate
from factlint.eval.gold import GoldError, load_gold

GOLD = """
- text: "It paid $4 billion and 19% more, and 7 of them were new."
  claims:
    - {quote: "$4 billion", kind: money, value: 4.0e9, unit: USD, qualifier: null, low: 4.0e9, high: 4.0e9}
    - {quote: "19%", kind: percent, value: 19, unit: percent, qualifier: null, low: 19, high: 19}
    - {quote: "7", kind: quantity, value: 7, unit: case}
- text: "Revenue was up to $2 billion."
  claims:
    - {quote: "$2 billion", kind: money, value: 2.0e9, unit: USD, qualifier: about, low: null, high: null}
- text: "Call 555-0100 or pay $5."
  claims: []
- text: "Nothing to see at 3 p.m."
  claims: []
"""


@pytest.fixture
def gold(tmp_path):
    (tmp_path / "g.yaml").write_text(GOLD, encoding="utf-8")
    return load_gold(tmp_path)


def test_counts(gold):
    result = evaluate(gold, ["money", "percent", "quantity"])
    money, percent, quantity = (result.kinds[k] for k in ("money", "percent", "quantity"))
    # money: gold 2, predicted 3 ($4 billion, $2 billion, and $5 in a negative), both gold matched
    assert (money.gold, money.predicted, money.matched) == (2, 3, 2)
    assert money.values_right == 1  # "$2 billion" is up_to, gold says about
    assert (percent.gold, percent.matched, percent.values_right) == (1, 1, 1)
    assert (quantity.gold, quantity.matched) == (1, 0) and math.isnan(quantity.precision)
    assert (result.negatives, result.clean_negatives) == (2, 1)
    assert any(miss.startswith("negative") and "$5" in miss for miss in result.misses)
    assert any(miss.startswith("missed quantity '7'") for miss in result.misses)


def test_gold_quotes_must_be_in_the_text(tmp_path):
    (tmp_path / "bad.yaml").write_text('- text: "abc"\n  claims: [{quote: "x", kind: money}]\n')
    with pytest.raises(GoldError, match=r"bad\.yaml entry 1"):
        load_gold(tmp_path)


def test_command_line(tmp_path, capsys):
    (tmp_path / "g.yaml").write_text(GOLD, encoding="utf-8")
    assert main(["extract", "--gold", str(tmp_path), "--kinds", "money,percent"]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[1].split()[:3] == ["money", "2", "3"]
    assert main(["extract", "--gold", str(tmp_path / "none")]) == 2


def test_time_assignment_is_scored_where_gold_gives_it(tmp_path):
    (tmp_path / "t.yaml").write_text(
        """
- text: "Revenue was $5 billion in Q3 2024, and $6 billion now."
  published: 2024-11-22
  claims:
    - quote: "$5 billion"
      kind: money
      refers_to: {start: 2024-07-01, end: 2024-09-30}
    - quote: "$6 billion"
      kind: money
      refers_to: {start: 2024-11-01, end: 2024-11-30}
""",
        encoding="utf-8",
    )
    result = evaluate(load_gold(tmp_path), ["money"])
    assert result.times == [1, 2]  # the second is the publication day, not the month the gold says
    assert any(miss.startswith("time '$6 billion'") for miss in result.misses)

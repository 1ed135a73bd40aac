"""``factlint reconcile``: a claims table in, the consensus per subject and attribute out."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factlint.cli import main
from factlint.knowledge import default_knowledge
from factlint.structured import TableError, read_table, table_consensus

KB = default_knowledge()
TABLE = """source,subject,attribute,value,unit,qualifier,as_of
a,Flight 12,departure,12/1/11 2:06 PM (-05:00),,,
b,Flight 12,departure,12/01/2011 02:06 PM,,,
c,Flight 12,departure,12/01/2011 03:15 PM,,,
a,TAOCP,authors,"Knuth, Donald E.",,,
b,TAOCP,authors,Donald Knuth,,,
c,TAOCP,authors,Not Available,,,
a,Corvid,funding,$1.2 billion,,,2024
b,Corvid,funding,1.2 billion dollars,,,2024
c,Corvid,funding,$1.5 billion,,,2024
c,Corvid,funding,$1.1 billion,,,2023
"""


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


def rows_by_key(table):
    consensus = table_consensus(read_table(table, KB), KB)
    return {(row["subject"], row["attribute"], row["as_of"]): row for row in consensus.rows}, consensus


def test_typed_values_reach_a_consensus_with_agreement_and_conflicts(table):
    rows, consensus = rows_by_key(table)
    flight = rows[("flight 12", "departure", "")]
    assert flight["label"] == "conflict" and flight["supporting"] == "a;b" and flight["conflicting"] == "c"
    assert flight["value"] == "12/1/11 2:06 PM (-05:00)"
    authors = rows[("taocp", "authors", "")]
    assert authors["label"] == "agree" and authors["sources"] == 2
    funding = rows[("corvid", "funding", "2024")]
    assert funding["value"] == "$1.2 billion" and 0.5 < funding["agreement"] < 1
    assert rows[("corvid", "funding", "2023")]["label"] == "single_source"
    assert consensus.skipped == 1
    assert consensus.weights["c"] < consensus.weights["a"]


def test_times_that_all_carry_offsets_are_compared_as_instants(tmp_path):
    path = tmp_path / "times.csv"
    path.write_text(
        "source,subject,attribute,value\n"
        "a,f,departure,2011-12-01T14:06:00-05:00\n"
        "b,f,departure,2011-12-01T19:06:00+00:00\n",
        encoding="utf-8",
    )
    (row,) = table_consensus(read_table(path, KB), KB).rows
    assert row["label"] == "agree" and str(row["low"]).endswith("Z")


def test_a_table_without_the_required_columns_names_the_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("source,subject,value\na,b,1\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"bad\.csv: missing column"):
        read_table(path, KB)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\xff\xfe\x00" * 50)
    with pytest.raises(TableError, match=r"binary\.csv"):
        read_table(binary, KB)


def test_the_command_writes_table_csv_and_json_the_same_way_every_time(table, tmp_path):
    runner = CliRunner()
    shown = runner.invoke(main, ["reconcile", str(table)])
    assert shown.exit_code == 0 and "source weights" in shown.output and "conflict" in shown.output
    first = runner.invoke(main, ["reconcile", str(table), "--format", "json"])
    second = runner.invoke(main, ["reconcile", str(table), "--format", "json"])
    assert first.exit_code == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert {row["label"] for row in data["consensus"]} >= {"agree", "conflict", "single_source"}
    out = tmp_path / "out.csv"
    written = runner.invoke(main, ["reconcile", str(table), "--format", "csv", "-o", str(out)])
    assert written.exit_code == 0 and out.read_text(encoding="utf-8").startswith("subject,attribute,")


def test_the_command_refuses_to_overwrite_its_input_and_reports_bad_tables(table, tmp_path):
    runner = CliRunner()
    same = runner.invoke(main, ["reconcile", str(table), "--format", "csv", "-o", str(table)])
    assert same.exit_code == 2 and table.read_text(encoding="utf-8") == TABLE
    missing = runner.invoke(main, ["reconcile", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2 and "nope.csv" in missing.output

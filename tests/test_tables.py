"""The claims table: its columns, its rows for the seed corpus, and the claims command's formats."""

from __future__ import annotations

import json

from click.testing import CliRunner

import factlint
from factlint.cli import ExitCode, main
from factlint.extract import extract_text
from factlint.ingest import read_corpus
from factlint.tables import COLUMNS, claims_table


def test_columns_and_types(seeds):
    frame = factlint.claims_table(read_corpus([seeds]).sources)
    assert tuple(frame.columns) == COLUMNS
    assert str(frame["start"].dtype) == "int64" and str(frame["vague"].dtype) == "bool"
    assert len(frame) > 30


def test_seed_intervals(seeds):
    frame = factlint.claims_table(read_corpus([seeds]).sources)
    rows = {(row.source[:3], row.quote, row.qualifier) for row in frame.itertuples()}
    assert ("003", "$25 billion", "up_to") in rows
    assert ("003", "$100 billion", "more_than") in rows
    assert ("003", "$380 billion", "about") in rows
    assert ("002", "$40+ billion", "at_least") in rows
    percent = frame[frame.quote == "0.68%"].iloc[0]
    assert percent["kind"] == "percent" and percent["qualifier"] is None and percent["value"] == 0.68
    stock = frame[(frame.source.str.startswith("004")) & (frame.quote == "$203.19")]
    assert stock.iloc[0]["value"] == 203.19


def test_empty_table_keeps_its_columns():
    frame = claims_table(extract_text("No numbers here."))
    assert frame.empty and tuple(frame.columns) == COLUMNS


def test_claims_command_formats(seeds, tmp_path):
    runner = CliRunner()
    as_json = runner.invoke(main, ["claims", str(seeds), "--format", "json"])
    assert as_json.exit_code == ExitCode.OK
    records = json.loads(as_json.stdout)
    assert records and set(records[0]) == set(COLUMNS)
    assert any(r["quote"] == "$25 billion" and r["low"] == 0 and r["high"] == 25e9 for r in records)
    as_csv = runner.invoke(main, ["claims", str(seeds), "--format", "csv"])
    assert as_csv.stdout.splitlines()[0] == ",".join(COLUMNS)
    table = runner.invoke(main, ["claims", str(seeds)])
    assert "up_to" in table.stdout and "$203.19" in table.stdout
    out = tmp_path / "claims.csv"
    assert runner.invoke(main, ["claims", str(seeds), "--format", "csv", "-o", str(out)]).exit_code == 0
    assert out.read_text().startswith("source,start,end")
    assert runner.invoke(main, ["claims", str(seeds), "--format", "parquet"]).exit_code == ExitCode.USAGE


def test_report_json_carries_the_claims(seeds, tmp_path):
    data = tmp_path / "r.json"
    CliRunner().invoke(main, ["report", str(seeds), "-o", str(tmp_path / "r.html"), "--json", str(data)])
    claims = json.loads(data.read_text())["claims"]
    assert any(claim["text"] == "$1.3 trillion" and claim["kind"] == "money" for claim in claims)


def test_top_level_claims_table_takes_a_corpus(seeds):
    frame = factlint.claims_table(read_corpus([seeds]))
    ranges = frame[frame.quote == "$204.66 and $201.22"]
    assert len(frame) > 30 and ranges.iloc[0]["attribute"] == "stock.range"

"""A source's reading travels beside its claims, through the per-file cache, to the checks."""

from __future__ import annotations

import datetime as dt
import json

from factlint.engines.work import Read, from_json, to_json
from factlint.extract import extract, text_source
from factlint.extract.reading import read_beside
from factlint.knowledge import default_knowledge
from factlint.model import Reading

KB = default_knowledge()
TEXT = (
    "Shares of Boeing fell $4.10, or 4.0%, to $101.50 on Tuesday.\n"
    "Shares of Boeing fell $4.10, or 4.0%, to $101.50 on Tuesday.\n"
    "On March 12, 2025, Boeing announced a new order.\n"
    "The net profit was $3.2 billion in the north.\n"
)


def test_the_reading_goes_through_the_cache_unchanged():
    source = text_source(TEXT, dt.date(2025, 3, 5))
    claims = tuple(extract(source, KB))
    reading = read_beside(source, claims, KB, b"<!-- factlint: ignore FL102 -->\n" + TEXT.encode())
    assert (
        reading.suppressions
        and reading.passages
        and {w.claim_id for w in reading.wordings} <= {c.id for c in claims}
    )
    again = from_json(json.loads(json.dumps(to_json(Read(source, claims, reading)))))
    assert again is not None and again.reading == reading and again.claims == claims


def test_every_part_of_the_one_record_comes_back_from_the_cache_s_json():
    source = text_source(TEXT, dt.date(2025, 3, 5))
    claims = tuple(extract(source, KB))
    reading = read_beside(source, claims, KB, b"<!-- factlint: ignore FL102 -->\n" + TEXT.encode())
    parts = ("labelled", "suppressions", "passages", "wordings")
    assert reading.source_id == source.id and all(getattr(reading, part) for part in parts)
    entry = json.loads(json.dumps(to_json(Read(source, claims, reading))))
    assert set(entry["reading"]) == {"source_id", *parts}
    again = from_json(entry)
    assert again is not None and again.cached
    assert all(getattr(again.reading, part) == getattr(reading, part) for part in parts)
    assert any(wording.change for wording in again.reading.wordings)
    assert any(wording.scopes == ("north",) for wording in again.reading.wordings)


def test_a_failed_extraction_still_reads_suppressions_and_passages_only():
    source = text_source(TEXT, dt.date(2025, 3, 5))
    reading = read_beside(source, None, KB, b"<!-- factlint: ignore FL102 -->\n" + TEXT.encode())
    assert reading.suppressions and reading.passages
    assert not reading.labelled and not reading.wordings


def test_an_entry_with_an_unsound_reading_is_not_used():
    source = text_source(TEXT, dt.date(2025, 3, 5))
    entry = json.loads(json.dumps(to_json(Read(source, (), Reading(source.id)))))
    entry["reading"]["wordings"] = [{"claim_id": 3, "sentence": 0}]
    assert from_json(entry) is None


def test_a_source_stored_without_its_reading_is_not_used():
    source = text_source(TEXT, dt.date(2025, 3, 5))
    entry = json.loads(json.dumps(to_json(Read(source, ()))))
    assert entry["reading"] is None and from_json(entry) is None

"""A source's notes travel beside its claims, through the per-file cache, to the checks."""

from __future__ import annotations

import datetime as dt
import json

from factlint.engines.work import Read, from_json, to_json
from factlint.extract import extract, text_source
from factlint.extract.notes import notes_of
from factlint.knowledge import default_knowledge
from factlint.model import Notes

KB = default_knowledge()
TEXT = (
    "Shares of Boeing fell $4.10, or 4.0%, to $101.50 on Tuesday.\n"
    "Shares of Boeing fell $4.10, or 4.0%, to $101.50 on Tuesday.\n"
    "On March 12, 2025, Boeing announced a new order.\n"
)


def test_notes_go_through_the_cache_unchanged():
    source = text_source(TEXT, dt.date(2025, 3, 5))
    claims = tuple(extract(source, KB))
    notes = notes_of(source, claims, KB, b"<!-- factlint: ignore FL102 -->\n" + TEXT.encode())
    assert (
        notes.suppressions
        and notes.passages
        and {w.claim_id for w in notes.wordings} <= {c.id for c in claims}
    )
    again = from_json(json.loads(json.dumps(to_json(Read(source, claims, notes=notes)))))
    assert again is not None and again.notes == notes and again.claims == claims


def test_an_entry_with_unsound_notes_is_not_used():
    source = text_source(TEXT, dt.date(2025, 3, 5))
    entry = json.loads(json.dumps(to_json(Read(source, (), notes=Notes(source.id)))))
    entry["notes"]["wordings"] = [{"claim_id": 3, "sentence": 0}]
    assert from_json(entry) is None


def test_a_source_stored_without_its_notes_is_not_used():
    source = text_source(TEXT, dt.date(2025, 3, 5))
    entry = json.loads(json.dumps(to_json(Read(source, ()))))
    assert entry["notes"] is None and from_json(entry) is None

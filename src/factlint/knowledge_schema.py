"""Positioned checks of the entities a newsroom adds (people are checked in :mod:`factlint.people`).

A mistake is reported as ``rules/entities.yaml:14:3`` with the offending line.
"""

from __future__ import annotations

from pathlib import Path

from factlint.rules.located import load_located

KINDS = ("public_company", "subsidiary", "private_company", "government", "organisation")
KEYS = ("name", "aliases", "kind", "listing", "parent", "source")


def check_entities_file(path: Path, known_ids: set[str], exchanges: set[str] | None = None) -> None:
    """Validate the ``entities`` of one file; ``known_ids`` are every entity id after merging."""
    located = load_located(path)
    entities = (located.value or {}).get("entities") if isinstance(located.value, dict) else None
    if entities is None:
        return
    if not isinstance(entities, dict):
        raise located.error(("entities",), "entities is a mapping of ids to entries")
    for key, entry in entities.items():
        where = ("entities", str(key))
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise located.error(where, "an entity needs a name")
        unknown = set(entry) - set(KEYS)
        if unknown:
            raise located.error(
                where, f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(KEYS)}"
            )
        if entry.get("kind", "organisation") not in KINDS:
            raise located.error(
                (*where, "kind"), f"kind {entry.get('kind')!r} is not one of {', '.join(KINDS)}"
            )
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
            raise located.error((*where, "aliases"), "aliases is a list of names")
        listing = entry.get("listing")
        if listing is not None:
            if not isinstance(listing, dict) or not listing.get("exchange") or not listing.get("ticker"):
                raise located.error((*where, "listing"), "a listing is {exchange: NASDAQ, ticker: AMZN}")
            if exchanges is not None and str(listing["exchange"]) not in exchanges:
                raise located.error(
                    (*where, "listing"), f"unknown exchange {listing['exchange']!r} (rules/markets.yaml)"
                )
        parent = entry.get("parent")
        if parent is not None and parent not in known_ids:
            raise located.error((*where, "parent"), f"parent {parent!r} is not an entity id")

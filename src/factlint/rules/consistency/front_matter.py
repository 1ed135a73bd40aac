"""The numbers and dates of a document's front matter, each under the words of its key.

A key is matched by its words, never by name (``estimatedDate`` is "estimated date"); a one-word
key that says little on its own (``generic_keys``: "score", "date") takes its parent's word too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from factlint.dates import parse_iso, parse_written
from factlint.ingest.metadata import PUBLISHED_KEYS
from factlint.knowledge import KnowledgeBase
from factlint.rules.consistency.labelled import singular
from factlint.rules.consistency.statements import Statement, step_of

_WRITTEN_DATE = re.compile(
    r"^\s*(?:\d{1,2}/\d{1,2}/\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})\s*$"
)


def front_matter(
    meta: Mapping[str, Any], params: Mapping[str, Any], kb: KnowledgeBase
) -> Iterator[Statement]:
    """The numbers and dates of the front matter, each under the words of its key."""
    ignore = {norm_key(key) for key in params["ignore_keys"]}
    generic = set(params["generic_keys"])
    for path, value in _leaves(meta):
        if norm_key(path[-1]) in ignore or (len(path) == 1 and norm_key(path[0]) in PUBLISHED_KEYS):
            continue
        leaf = key_words(path[-1], kb)
        if not leaf:
            continue
        if len(leaf) == 1 and leaf[0] in generic and len(path) > 1:
            parent = key_words(path[-2], kb)
            if not parent:
                continue
            label = (parent[-1], *leaf)
        else:
            label = leaf
        key = ".".join(path)
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            number = float(value)
            if number != number or number in (float("inf"), float("-inf")):
                continue
            shown = f"{key}: {value}"
            step = step_of(str(value))
            yield Statement(label, "number", shown, shown, value=number, step=step, key=key, from_meta=True)
        elif isinstance(value, str):
            day, moment = date_value(value)
            if day is not None:
                shown = f"{key}: {value.strip()}"
                yield Statement(
                    label, "date", shown, shown, first=day, last=day, key=key, moment=moment, from_meta=True
                )


def _leaves(
    mapping: Mapping[str, Any], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    for key, value in mapping.items():
        path = (*prefix, str(key))
        if isinstance(value, Mapping):
            if len(path) < 8:
                yield from _leaves(value, path)
        else:
            yield path, value


def key_words(key: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """A key's words: ``estimatedDate`` and ``estimated_date`` are "estimated date"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key)
    words = [word.lower() for word in re.split(r"[^A-Za-z]+", spaced) if word]
    return tuple(singular(word) for word in words if word not in kb.function_words)


def norm_key(key: str) -> str:
    """A metadata key as ``PUBLISHED_KEYS`` spells it: lower case, without "_", "-", ":", "." or spaces."""
    return re.sub(r"[_\-:. ]", "", key.lower())


def date_value(value: str) -> tuple[dt.date | None, dt.datetime | None]:
    """The calendar day of a front-matter date, and its moment when it is a timestamp with a zone."""
    parsed = parse_iso(value)
    if parsed is None:
        written, _ = parse_written(value) if _WRITTEN_DATE.match(value) else (None, None)
        return written, None
    text = value.strip().replace(" ", "T", 1).replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return parsed[0], None
    return parsed[0], moment if moment.tzinfo is not None else None

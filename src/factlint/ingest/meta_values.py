"""The front matter's numbers and dates, typed, each under its key's path, words and folded names.

What the consistency rules judge of the front matter, read once here so that they read no text:
every finite number, every text that is one date and nothing else (:func:`factlint.dates.field_date`)
and every top-level publication-date key's text whatever it says. Keys nested deeper than
:data:`DEPTH` are not read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from factlint.dates import field_date
from factlint.ingest.metadata import PUBLISHED_KEYS, fold_key
from factlint.model import MetaValue, step_of

DEPTH = 8  # the longest key path read
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_LETTERS = re.compile(r"[^A-Za-z]+")


def meta_values(meta: Mapping[str, Any]) -> tuple[MetaValue, ...]:
    """The numbers and dates of the front matter ``meta``, in file order."""
    return tuple(_values(meta))


def _values(meta: Mapping[str, Any]) -> Iterator[MetaValue]:
    for path, value in _leaves(meta):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            continue
        folded = tuple(fold_key(key) for key in path)
        published = len(path) == 1 and folded[0] in PUBLISHED_KEYS
        words = tuple(key_words(key) for key in path)
        if isinstance(value, str):
            date = field_date(value)
            if date is not None or published:
                yield MetaValue(path, words, folded, value.strip(), date=date, published=published)
            continue
        try:
            number = float(value)
        except OverflowError:  # a whole number too large for a float is no figure to compare
            continue
        if math.isfinite(number):
            written = str(value)
            yield MetaValue(path, words, folded, written, number, step_of(written), published=published)


def _leaves(
    mapping: Mapping[str, Any], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    for key, value in mapping.items():
        path = (*prefix, str(key))
        if isinstance(value, Mapping):
            if len(path) < DEPTH:
                yield from _leaves(value, path)
        else:
            yield path, value


def key_words(key: str) -> tuple[str, ...]:
    """A key's words, lower case: ``estimatedDate`` and ``estimated_date`` are "estimated date"."""
    spaced = _CAMEL.sub(" ", key)
    return tuple(word.lower() for word in _NOT_LETTERS.split(spaced) if word)

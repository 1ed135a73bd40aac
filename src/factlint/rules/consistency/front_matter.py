"""The numbers and dates of a document's front matter, each under the words of its key.

A key is matched by its words, never by name (``estimatedDate`` is "estimated date"); a one-word
key that says little on its own (``generic_keys``: "score", "date") takes its parent's word too.
The values arrive read and typed on the source (:class:`factlint.model.MetaValue`); this module
only chooses and labels them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from factlint.knowledge import KnowledgeBase
from factlint.model import MetaValue, singular
from factlint.rules.consistency.statements import Statement


def front_matter(
    values: Iterable[MetaValue], params: Mapping[str, Any], kb: KnowledgeBase
) -> Iterator[Statement]:
    """The numbers and dates of the front matter, each under the words of its key."""
    ignore = {fold(key) for key in params["ignore_keys"]}
    generic = set(params["generic_keys"])
    for value in values:
        if value.folded[-1] in ignore or value.published:
            continue
        leaf = label_words(value.words[-1], kb)
        if not leaf:
            continue
        if len(leaf) == 1 and leaf[0] in generic and len(value.path) > 1:
            parent = label_words(value.words[-2], kb)
            if not parent:
                continue
            label = (parent[-1], *leaf)
        else:
            label = leaf
        key = ".".join(value.path)
        shown = f"{key}: {value.written}"
        if value.number is not None:
            yield Statement(
                label, "number", shown, shown, value=value.number, step=value.step, key=key, from_meta=True
            )
        elif value.date is not None and value.date.day is not None:
            day, moment = value.date.day, value.date.moment
            yield Statement(
                label, "date", shown, shown, first=day, last=day, key=key, moment=moment, from_meta=True
            )


def label_words(words: tuple[str, ...], kb: KnowledgeBase) -> tuple[str, ...]:
    """A key's words as a label: without function words, each in the singular."""
    return tuple(singular(word) for word in words if word not in kb.function_words)


def fold(key: str) -> str:
    """A key named in the rule's parameters as keys are compared: lower case, no "_-:." or spaces."""
    return "".join(char for char in key.lower() if char not in "_-:. ")

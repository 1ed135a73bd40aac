"""Percentages: "19%", "3.2 percent", "(0.68%)", "3-5%", percentage points and basis points."""

from __future__ import annotations

import functools
import re

from factlint.extract.found import Found
from factlint.extract.numbers import (
    NUMBER,
    interval,
    parse_number,
    qualifier_after,
    qualifier_before,
    range_of,
)
from factlint.knowledge import KnowledgeBase


@functools.cache
def _pattern(kb: KnowledgeBase) -> re.Pattern[str]:
    units = "|".join(
        f"(?P<{unit}>{_alternation(words)})" for unit, words in kb.percent_units.items() if words
    )
    return re.compile(
        rf"(?<![\w.,$€£¥₹])(?P<num>{NUMBER})"
        rf"(?:[ \t]*(?:-|–|—|to)[ \t]*(?P<num2>{NUMBER}))?[ \t]?(?:{units})(?![\w%])",
        re.IGNORECASE,
    )


def _alternation(words: tuple[str, ...]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"[ \t]+".join(re.escape(part) for part in word.split()) for word in ordered)


def find_percent(text: str, kb: KnowledgeBase) -> list[Found]:
    """Every percentage, percentage-point or basis-point figure in ``text``, in order."""
    found = []
    for match in _pattern(kb).finditer(text):
        unit = next(name for name in kb.percent_units if match.groupdict().get(name))
        value = parse_number(match.group("num"))
        if match.group("num2"):
            quantity = range_of(value, parse_number(match.group("num2")), unit)
        else:
            qualifier = qualifier_before(text, match.start(), kb) or qualifier_after(text, match.end(), kb)
            quantity = interval(value, unit, qualifier, kb)
        found.append(Found("percent", match.start(), match.end(), "percent", quantity))
    return found

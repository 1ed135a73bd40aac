"""Percentages: "19%", "3.2 percent", "(0.68%)", "3-5%", percentage points and basis points."""

from __future__ import annotations

import functools
import re

from factlint.extract.found import Found
from factlint.extract.numbers import (
    NUMBER,
    alternation,
    interval,
    number_starts,
    parse_number,
    parse_number_words,
    patterns,
    qualifier_after,
    qualifier_before,
    range_of,
)
from factlint.extract.starts import Starts, starting_with
from factlint.knowledge import KnowledgeBase

# "8 13/16%" and "13/16%": a whole number and a fraction (a bond yield or a price in sixteenths).
_FRACTION = r"(?:\d{1,3}[ \t]+)?\d{1,2}/[1-9]\d{0,2}(?![\d/])"


@functools.cache
def _pattern(kb: KnowledgeBase) -> Starts:
    units = "|".join(f"(?P<{unit}>{alternation(words)})" for unit, words in kb.percent_units.items() if words)
    pattern = re.compile(
        rf"(?<![\w.,/$€£¥₹])(?:(?P<fraction>{_FRACTION})|(?P<num>{NUMBER})|(?P<numword>{patterns(kb).number_words}))"
        rf"(?:(?P<first_unit>[ \t]?%)?[ \t]*(?P<join>-|–|—|to)[ \t]*(?P<num2>{NUMBER}))?"
        rf"[ \t]?(?:{units})(?![\w%])",
        re.IGNORECASE,
    )
    return starting_with(pattern, number_starts(kb), chars="0123456789")


@functools.cache
def _fraction_pattern(kb: KnowledgeBase) -> Starts | None:
    if not kb.fractions or not kb.change_verbs:
        return None
    pattern = re.compile(
        rf"\b(?:{alternation(kb.change_verbs)})(?:(?:[ \t]+[\w'’-]+){{0,2}}?[ \t]+by)?[ \t]+"
        rf"(?P<fraction>(?:(?:a|an|one)[ \t-]+)?(?P<part>{alternation(kb.fractions)}))(?![\w-])",
        re.IGNORECASE,
    )
    return starting_with(pattern, kb.change_verbs)


def find_fractions(text: str, kb: KnowledgeBase) -> list[Found]:
    """Changes written as fractions ("fell by a third"), as the percentage they stand for."""
    pattern = _fraction_pattern(kb)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        value = kb.fractions[match.group("part").lower()]
        start, end = match.start("fraction"), match.end("fraction")
        found.append(Found("percent", start, end, "percent.fraction", interval(value, "percent", None, kb)))
    return found


def find_percent(text: str, kb: KnowledgeBase) -> list[Found]:
    """Every percentage, percentage-point or basis-point figure in ``text``, in order."""
    found = []
    position = 0
    while (match := _pattern(kb).search(text, position)) is not None:
        position = match.end()
        unit = next(name for name in kb.percent_units if match.groupdict().get(name))
        if match.group("fraction"):
            value = _fraction_value(match.group("fraction"))
        elif match.group("num"):
            value = parse_number(match.group("num"))
        else:
            value = parse_number_words(match.group("numword"), kb)
        start, end = match.start(), match.end()
        # "5% to 7%" and "5-7%" are ranges; "from 5% to 7%" is two values (a change).
        change = match.group("join") == "to" and _word_before(text, start) == "from"
        if match.group("num2") and not (change and match.group("first_unit")):
            quantity = range_of(value, parse_number(match.group("num2")), unit)
        else:
            if match.group("num2"):  # keep the first value; the second is searched again
                end = position = match.end("first_unit")
                unit = "percent"
            qualifier = qualifier_before(text, start, kb) or qualifier_after(text, end, kb)
            quantity = interval(value, unit, qualifier, kb)
        found.append(Found("percent", start, end, "percent", quantity))
    return found


def _word_before(text: str, start: int) -> str:
    """The word just before ``start``, in lower case."""
    words = text[max(0, start - 20) : start].split()
    return words[-1].lower() if words else ""


def _fraction_value(written: str) -> float:
    """``8 13/16`` to 8.8125, ``13/16`` to 0.8125."""
    whole, _, part = written.strip().rpartition(" ")
    numerator, denominator = part.split("/")
    return (float(whole.strip()) if whole.strip() else 0.0) + int(numerator) / int(denominator)

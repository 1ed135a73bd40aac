"""Money with its currency and qualifier, as an interval.

"$8 billion", "US$4bn", "8 billion dollars", "€2.5m", "$40+ billion", "$5-10 billion", "between $5
and $10 billion", and vague "billions of dollars" (no value is made up for those).
"""

from __future__ import annotations

import dataclasses
import functools
import re

from factlint.extract.found import Found, Occupied
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
    scale_of,
)
from factlint.extract.starts import Starts, starting_with
from factlint.knowledge import KnowledgeBase
from factlint.model import Quantity

_DASH = r"(?:-|–|—)"


@dataclasses.dataclass(frozen=True)
class _MoneyPatterns:
    symbol_codes: dict[str, str]
    word_codes: dict[str, tuple[str, float]]
    prefixed: Starts
    suffixed: Starts
    vague: Starts


@functools.cache
def _patterns(kb: KnowledgeBase) -> _MoneyPatterns:
    shared = patterns(kb)
    symbol_codes = {symbol: currency.code for currency in kb.currencies for symbol in currency.symbols}
    word_codes = {word: (currency.code, 1.0) for currency in kb.currencies for word in currency.words}
    word_codes |= {
        word: (currency.code, share)
        for currency in kb.currencies
        for word, share in currency.subunits.items()
    }
    symbols = alternation(list(symbol_codes))
    words = alternation(list(word_codes))
    scale2 = re.sub(r"\(\?P<(scale_\w+)>", r"(?P<\1_2>", shared.scale)
    amount = rf"(?P<num>{NUMBER})(?P<plus>\+)?(?:{shared.scale})?(?P<plus2>\+)?"
    amount2 = rf"(?P<num2>{NUMBER})(?:{scale2})?"
    prefixed = re.compile(
        rf"(?<![\w$€£¥₹])(?P<sym>{symbols})[ \t]?{amount}"
        rf"(?:[ \t]*(?P<join>{_DASH}|to|and)[ \t]*(?:(?P<sym2>{symbols})[ \t]?)?{amount2})?",
        re.IGNORECASE,
    )
    suffixed = re.compile(
        rf"(?<![\w.,$€£¥₹])(?:(?P<num>{NUMBER})|(?P<numword>{shared.number_words}))(?:{shared.scale})?"
        rf"[ \t]+(?P<word>{words})\b",
        re.IGNORECASE,
    )
    plural_scales = alternation([f"{word}s" for word in kb.scale_words])
    vague = re.compile(
        rf"\b(?:(?:tens|hundreds)[ \t]+of[ \t]+)?(?:{plural_scales})[ \t]+of[ \t]+(?P<word>{words})\b",
        re.IGNORECASE,
    )
    return _MoneyPatterns(
        symbol_codes,
        word_codes,
        starting_with(prefixed, symbol_codes),
        starting_with(suffixed, number_starts(kb), chars="0123456789"),
        starting_with(vague, ["tens", "hundreds", *(f"{word}s" for word in kb.scale_words)]),
    )


def find_money(text: str, kb: KnowledgeBase) -> list[Found]:
    """Every amount of money in ``text``, in order, none overlapping another."""
    money = _patterns(kb)
    values = patterns(kb).scale_values
    prefixed: list[Found] = []
    position = 0
    while (match := money.prefixed.search(text, position)) is not None:
        code = _code(match.group("sym"), money.symbol_codes)
        quantity, end = _prefixed_quantity(text, match, code or "", values, kb)
        position = end  # a second amount that made no range is searched again
        if code is not None:
            prefixed.append(Found("money", match.start(), end, "money.prefixed", quantity))
    taken = Occupied([(item.start, item.end) for item in prefixed])
    suffixed: list[Found] = []
    for match in money.suffixed.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        code, share = money.word_codes[" ".join(match.group("word").lower().split())]
        base = (
            parse_number(match.group("num"))
            if match.group("num")
            else parse_number_words(match.group("numword"), kb)
        )
        value = float(f"{base * scale_of(match, values) * share:.12g}")
        quantity = _qualified(text, match.start(), match.end(), value, code, kb)
        suffixed.append(Found("money", match.start(), match.end(), "money.suffixed", quantity))
    found = prefixed + suffixed
    taken = Occupied([(item.start, item.end) for item in found])
    for match in money.vague.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        code, _ = money.word_codes[" ".join(match.group("word").lower().split())]
        found.append(
            Found("money", match.start(), match.end(), "money.vague", Quantity(None, code, vague=True))
        )
    return sorted(found, key=lambda item: item.start)


def _prefixed_quantity(
    text: str, match: re.Match[str], code: str, values: dict[str, float], kb: KnowledgeBase
) -> tuple[Quantity, int]:
    first = parse_number(match.group("num"))
    first_scale = scale_of(match, values)
    join = (match.group("join") or "").lower()
    between = text[max(0, match.start() - 12) : match.start()].lower().rstrip().endswith("between")
    second_has_scale = any(match.group(g + "_2") for g in ("scale_word", "scale_long", "scale_short"))
    before = text[max(0, match.start() - 6) : match.start()].lower().split()
    change = join == "to" and before[-1:] == ["from"]  # "raised its offer from $25 to $30"
    ranged = (
        match.group("num2")
        and not change
        and (second_has_scale or not _has_scale(match))
        and (
            (join not in ("to", "and") and not match.group("plus"))
            or (join == "to" and (match.group("sym2") or (second_has_scale and not _has_scale(match))))
            or (join == "and" and between)
        )
    )
    if ranged:
        second_scale = scale_of(match, values, "_2")
        if first_scale == 1.0 and not _has_scale(match):
            first_scale = second_scale
        return range_of(
            first * first_scale, parse_number(match.group("num2")) * second_scale, code
        ), match.end()
    end = _first_amount_end(match)
    value = first * first_scale
    if match.group("plus") or match.group("plus2"):
        return interval(value, code, "at_least", kb), end
    return _qualified(text, match.start(), end, value, code, kb), end


def _qualified(text: str, start: int, end: int, value: float, code: str, kb: KnowledgeBase) -> Quantity:
    qualifier = qualifier_before(text, start, kb) or qualifier_after(text, end, kb)
    return interval(value, code, qualifier, kb)


def _first_amount_end(match: re.Match[str]) -> int:
    ends = [
        match.end(group)
        for group in ("num", "plus", "scale_word", "scale_long", "scale_short", "plus2")
        if match.group(group)
    ]
    return max(ends)


def _has_scale(match: re.Match[str]) -> bool:
    return any(match.group(group) for group in ("scale_word", "scale_long", "scale_short"))


def _code(symbol: str, codes: dict[str, str]) -> str | None:
    if symbol in codes:
        return codes[symbol]
    folded = {key.lower(): value for key, value in codes.items()}
    return folded.get(symbol.lower())

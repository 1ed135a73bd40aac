"""Quantities with units, and their qualifiers.

Measures ("5 gigawatts", "2.7GW", "31C", "a 5-gigawatt plant") and counts ("100,000 enterprise
customers", "two reactors", "18.7 million shares").

Units of measure, number words, plurals and the words after which a number is a name ("top 10",
"Section 230") are data in ``rules/``. A count is a number, up to two describing words, then a
plural noun; a bare four-digit year is no count. Vague amounts ("thousands of chips") keep no value.
A unit may stand before its number ("a magnitude 6.9 earthquake"), and a bare whole number counts
people where the phrases of ``people_counts`` in ``rules/units.yaml`` say so ("killing 23 people
and injuring 148", "the death toll rose to 52").
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
    qualifier_ending,
    range_of,
    scale_of,
)
from factlint.extract.starts import Starts, starting_with
from factlint.knowledge import KnowledgeBase
from factlint.model import Quantity

_WORD = r"[a-z][a-z'’-]*[a-z]|[a-z]"
# Describing words may be capitalised ("24 Grand Slam titles"); the counted noun may not.
_NAME_WORD = r"[A-Za-z][a-z'’-]*[a-z]|[a-z]"
_YEARS = range(1800, 2101)
_JOINING = {"or", "and"}  # between two describing words of one count ("current or former")
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}


@dataclasses.dataclass(frozen=True)
class _Patterns:
    number: Starts
    attached: re.Pattern[str]
    unit_word: re.Pattern[str]
    count: re.Pattern[str]
    hyphenated: re.Pattern[str]
    range_tail: re.Pattern[str]
    vague: Starts
    unit_ids: dict[str, str]
    unit_before: re.Pattern[str] | None
    people_before: re.Pattern[str] | None
    people_after: re.Pattern[str] | None
    people_verb: re.Pattern[str] | None
    ellipsis: re.Pattern[str] | None


@functools.cache
def _patterns(kb: KnowledgeBase) -> _Patterns:
    scale = patterns(kb).scale
    shared = patterns(kb)
    # Compound number words ("two hundred", "forty-five") and set phrases ("a dozen", "half an").
    words = shared.number_words + "|" + alternation([word for word in kb.number_words if " " in word])
    number = re.compile(
        # Not after a digit and a space ("3 000": thousands written apart) nor a clock ("10:30").
        rf"(?<![\w.,:$€£¥₹/#°-])(?<!\d[ \t])(?P<neg>(?:minus|negative)[ \t]+|[-−](?=\d))?"
        rf"(?:(?P<num>{NUMBER})|(?P<word>{words}))(?![.,]\d)(?:{scale})?",
        re.IGNORECASE,
    )
    word_ids = {form.lower(): unit.id for unit in kb.units for form in unit.words}
    attached_ids = {form: unit.id for unit in kb.units for form in unit.attached}
    long_attached = [form for form in attached_ids if len(form) > 1]
    short_attached = [form for form in attached_ids if len(form) == 1]
    modifier = rf"(?:(?:{_WORD})[ \t]+)"
    second_scale = re.sub(r"\(\?P<(scale_\w+)>", r"(?P<\1_2>", shared.scale)
    return _Patterns(
        number=starting_with(
            number,
            [*number_starts(kb), *(word for word in kb.number_words if " " in word), "minus", "negative"],
            chars="0123456789-−",
        ),
        # "2.7GW", "550 km"; a one-letter unit only attached and never before a hyphen ("31C",
        # not "12 F-35 jets").
        attached=re.compile(
            rf"(?:[ \t]?(?P<unit>{alternation(long_attached, flexible=False)})"
            rf"|(?P<unit1>{alternation(short_attached, flexible=False)}))(?![\w°-])"
        ),
        # Fewest describing words first, so that "terawatt hours" is one unit, not "hours".
        unit_word=re.compile(
            rf"(?:[ \t]*-[ \t]*|[ \t]+)(?P<mods>{modifier}{{0,2}}?)"
            rf"(?P<unit>{alternation(list(word_ids))})(?![\w])",
            re.IGNORECASE,
        ),
        count=re.compile(rf"[ \t]+(?P<words>(?:{_NAME_WORD})(?:[ \t]+(?:{_NAME_WORD})){{0,4}})(?![\w-])"),
        hyphenated=re.compile(r"-(?P<noun>[a-z]{3,})(?=[ \t]+[a-z])"),
        range_tail=re.compile(rf"[ \t]*(?:to|-|–|—)[ \t]*(?P<num2>{NUMBER})(?:{second_scale})?"),
        vague=starting_with(
            re.compile(
                r"\b(?:(?:tens|hundreds)[ \t]+of[ \t]+)?(?:thousands|millions|billions|hundreds|dozens)"
                r"[ \t]+of(?=[ \t])",
                re.IGNORECASE,
            ),
            ["tens", "hundreds", "thousands", "millions", "billions", "dozens"],
        ),
        unit_ids={**word_ids, **attached_ids},
        **_prefix_patterns(kb),
    )


def _prefix_patterns(kb: KnowledgeBase) -> dict[str, re.Pattern[str] | None]:
    """Units written before the number, and the phrases that make a bare number a count of people."""
    before_ids = {form: unit.id for unit in kb.units for form in unit.before}

    def ending(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
        return re.compile(rf"\b(?:{alternation(phrases)})[ \t]+$", re.IGNORECASE) if phrases else None

    verb = None
    if kb.people_subjects and kb.people_verbs:
        # The subject, then words of the same sentence (no full stop before a space), then the verb.
        verb = re.compile(
            rf"\b(?:{alternation(kb.people_subjects)})\b(?:(?!\.\s)[^;!?\n]){{0,160}}?"
            rf"\b(?:{alternation(kb.people_verbs)})[ \t]+$",
            re.IGNORECASE,
        )
    return {
        "unit_before": ending(list(before_ids)),
        "people_before": ending(kb.people_before),
        "people_after": re.compile(rf"[ \t]+(?:{alternation(kb.people_after)})\b", re.IGNORECASE)
        if kb.people_after
        else None,
        "people_verb": verb,
        "ellipsis": re.compile(rf"[ \t]*,?[ \t]*(?:{alternation(kb.ellipsis_after)})[ \t]+", re.IGNORECASE)
        if kb.ellipsis_after
        else None,
    }


def find_quantities(text: str, kb: KnowledgeBase, taken: list[tuple[int, int]] | None = None) -> list[Found]:
    """Every quantity in ``text`` that does not overlap a span in ``taken`` (money, percentages)."""
    compiled = _patterns(kb)
    occupied = Occupied(taken)
    found: list[Found] = []
    reach = -1  # numbers are met in order, so a new quantity can only overlap the last one
    for match in compiled.number.finditer(text):
        if match.start() < reach or occupied.overlaps(match.start(), match.end()):
            continue
        item = _unit_before(text, match, compiled, kb)
        if item is None and _is_name(text, match.start(), kb):
            continue
        item = (
            item
            or _measure(text, match, compiled, kb)
            or _people_count(text, match, compiled, kb)
            or _elliptical(text, match, found[-1] if found else None, compiled, kb)
        )
        if item and not occupied.overlaps(item.start, item.end):
            found.append(item)
            reach = item.end
    counted = Occupied([(item.start, item.end) for item in found])
    for match in compiled.vague.finditer(text):
        head = _count_head(text, match.end(), compiled, kb)
        if (
            head is None
            or occupied.overlaps(match.start(), head[1])
            or counted.overlaps(match.start(), head[1])
        ):
            continue
        quantity = Quantity(None, _singular(head[0], kb), vague=True)
        found.append(Found("quantity", match.start(), head[1], "quantity.vague", quantity))
    return sorted(found, key=lambda item: item.start)


def _measure(text: str, match: re.Match[str], compiled: _Patterns, kb: KnowledgeBase) -> Found | None:
    value = _value(match, kb)
    end = match.end()
    ranged = compiled.range_tail.match(text, end)
    if ranged:
        unit_match = _unit_at(text, ranged.end(), compiled, kb)
        if unit_match:
            unit, unit_end = unit_match
            scales = patterns(kb).scale_values
            second_scale = scale_of(ranged, scales, "_2")
            if scale_of(match, scales) == 1.0 and second_scale != 1.0:
                value *= second_scale  # "5 to 10 million barrels": the scale is written once
            second = parse_number(ranged.group("num2")) * (
                second_scale if second_scale != 1.0 else scale_of(match, scales)
            )
            return Found("quantity", match.start(), unit_end, "quantity.range", range_of(value, second, unit))
    unit_match = _unit_at(text, end, compiled, kb)
    if unit_match:
        unit, unit_end = unit_match
        if text[unit_end : unit_end + 4].lower() == "-old":  # "a 45-year-old": an age
            if unit not in _TIME_UNITS or text[unit_end + 4 : unit_end + 5].isalpha():
                return None  # "18- to 24-year-olds" name an age group, not anyone's age
            age = _qualified(text, match.start(), unit_end + 4, value, unit, kb)
            return Found("quantity", match.start(), unit_end + 4, "quantity.age", age)
        if _is_year(match) and unit in _TIME_UNITS:  # "the 2024 fiscal year": a date, not a duration
            return None
        return Found(
            "quantity",
            match.start(),
            unit_end,
            "quantity.measure",
            _qualified(text, match.start(), unit_end, value, unit, kb),
        )
    if _is_year(match):
        return None
    hyphenated = compiled.hyphenated.match(text, end) if match.group("num") else None
    if hyphenated and hyphenated.group("noun") not in kb.function_words:
        # "the 299-seat parliament", "a 23-man squad": a count written as an adjective.
        quantity = _qualified(text, match.start(), hyphenated.end(), value, hyphenated.group("noun"), kb)
        return Found("quantity", match.start(), hyphenated.end(), "quantity.count", quantity)
    head = _count_head(text, end, compiled, kb)
    if head is None:
        return None
    noun, head_end = head
    after = " ".join(text[head_end : head_end + 40].lower().split())
    if any(after.startswith(phrase) for phrase in kb.attribution_after):
        return None  # "three people familiar with the matter": who said it, not what
    quantity = _qualified(text, match.start(), head_end, value, _singular(noun, kb), kb)
    return Found("quantity", match.start(), head_end, "quantity.count", quantity)


_LOOKBACK = 200
# What may follow a bare count: not a hyphen ("23-year-old"), a clock's colon, a decimal point or a
# percent sign, nor a letter or digit run on.
_BARE_END = re.compile(r"(?![-–:%/\w]|[.,]\d)")


def _unit_before(text: str, match: re.Match[str], compiled: _Patterns, kb: KnowledgeBase) -> Found | None:
    """A number after its unit word ("magnitude 6.9"); the claim is the number."""
    if compiled.unit_before is None or match.group("neg"):
        return None
    before = compiled.unit_before.search(text[max(0, match.start() - 40) : match.start()])
    if before is None:
        return None
    unit = next(u.id for u in kb.units if " ".join(before.group().lower().split()) in u.before)
    value = _value(match, kb)
    return Found(
        "quantity",
        match.start(),
        match.end(),
        "quantity.measure",
        _qualified(text, match.start(), match.end(), value, unit, kb),
    )


def _people_count(text: str, match: re.Match[str], compiled: _Patterns, kb: KnowledgeBase) -> Found | None:
    """A bare whole number that the words around it make a count of people ("injuring 148")."""
    number = match.group("num")
    if match.group("neg") or (number and "." in number) or _is_year(match):
        return None
    if not _BARE_END.match(text, match.end()):
        return None
    window = text[max(0, match.start() - _LOOKBACK) : match.start()]
    qualifier = qualifier_ending(window, kb)
    if qualifier is not None:  # "killing at least 23": the cue stands before the qualifier
        window = window[: qualifier[0]]
    window = window[window.rfind("\n") + 1 :]
    cued = any(
        pattern is not None and pattern.search(window)
        for pattern in (compiled.people_before, compiled.people_verb)
    ) or (compiled.people_after is not None and compiled.people_after.match(text, match.end()))
    if not cued:
        return None
    value = _value(match, kb)
    quantity = _qualified(text, match.start(), match.end(), value, "person", kb)
    return Found("quantity", match.start(), match.end(), "quantity.people", quantity)


def _elliptical(
    text: str, match: re.Match[str], last: Found | None, compiled: _Patterns, kb: KnowledgeBase
) -> Found | None:
    """A large bare number that counts what the count just before it counts ("..., against 1.87 million")."""
    number = match.group("num")
    large = scale_of(match, patterns(kb).scale_values) != 1.0 or (number is not None and "," in number)
    if compiled.ellipsis is None or last is None or last.quantity is None or not large or match.group("neg"):
        return None
    if last.quantity.unit is None or not last.extractor.startswith(("quantity.count", "quantity.measure")):
        return None
    gap = text[last.end : match.start()]
    qualifier = qualifier_ending(gap, kb)
    if qualifier is not None:
        gap = gap[: qualifier[0]]
    if not compiled.ellipsis.fullmatch(gap) or not _BARE_END.match(text, match.end()):
        return None
    quantity = _qualified(text, match.start(), match.end(), _value(match, kb), last.quantity.unit, kb)
    return Found("quantity", match.start(), match.end(), "quantity.count", quantity)


def _count_head(text: str, position: int, compiled: _Patterns, kb: KnowledgeBase) -> tuple[str, int] | None:
    """The plural noun a number counts and where it ends.

    It is the first plural noun among the next four words, after describing words only
    ("100,000 enterprise customers"), which "or" and "and" may join ("eight current or former
    members"); any other function word on the way means the number counts nothing.
    """
    following = compiled.count.match(text, position)
    if following is None:
        return None
    previous = ""
    for word in re.finditer(r"\S+", following.group("words")):
        noun = word.group().lower()
        if word.group().islower() and _is_plural_noun(noun, None, kb):
            return noun, following.start("words") + word.end()
        joins = noun in _JOINING and previous.islower() and previous not in kb.function_words
        if (noun in kb.function_words and not joins) or noun in kb.not_count_nouns:
            return None
        previous = word.group()
    return None


def _unit_at(text: str, position: int, compiled: _Patterns, kb: KnowledgeBase) -> tuple[str, int] | None:
    """The unit of measure written at ``position`` and where it ends."""
    attached = compiled.attached.match(text, position)
    if attached:
        return compiled.unit_ids[attached.group("unit") or attached.group("unit1")], attached.end()
    word = compiled.unit_word.match(text, position)
    if word is None or word.group("unit")[0].isupper():
        return None  # a capitalised unit word is part of a name ("the 24 Hours of Le Mans")
    mods = word.group("mods").split()
    # Describing words never include a function word or the counted noun itself: in "12 people
    # last week" the people are counted, and the week is a date.
    if any(mod.lower() in kb.function_words or _is_plural_noun(mod, None, kb) for mod in mods):
        return None
    unit = compiled.unit_ids.get(" ".join(word.group("unit").lower().split()))
    return (unit, word.end()) if unit else None


def _value(match: re.Match[str], kb: KnowledgeBase) -> float:
    if match.group("num"):
        base = parse_number(match.group("num"))
    else:
        phrase = " ".join(match.group("word").lower().split())
        base = kb.number_words.get(phrase) or parse_number_words(phrase, kb)
    value = float(f"{base * scale_of(match, patterns(kb).scale_values):.12g}")
    return -value if match.group("neg") else value


def _qualified(text: str, start: int, end: int, value: float, unit: str, kb: KnowledgeBase) -> Quantity:
    qualifier = qualifier_before(text, start, kb) or qualifier_after(text, end, kb)
    return interval(value, unit, qualifier, kb)


def _is_year(match: re.Match[str]) -> bool:
    number = match.group("num")
    return bool(number) and number.isdigit() and len(number) == 4 and int(number) in _YEARS


def _is_name(text: str, start: int, kb: KnowledgeBase) -> bool:
    """True when the word before the number makes it a name: "top 10", "No. 1", "Boeing 737".

    A capitalised word that does not begin its sentence names a product or a place.
    """
    words = text[max(0, start - 24) : start].split()
    if not words:
        return False
    previous = words[-1]
    if previous.lower() in kb.names_after or previous.lower().rstrip(".") in kb.names_after:
        return True
    starts_sentence = len(words) < 2 or words[-2].endswith((".", "!", "?", ":"))
    capitalised = previous.isalpha() and previous[0].isupper()
    return capitalised and previous.lower() not in kb.function_words and not starts_sentence


def _is_plural_noun(head: str, mods: str | None, kb: KnowledgeBase) -> bool:
    head = head.lower()
    if head in kb.irregular_plurals:
        return not _has_function_word(mods, kb)
    return (
        len(head) > 2
        and head.endswith("s")
        and not head.endswith(("ss", "us", "is"))
        and head not in kb.not_count_nouns
        and head not in kb.function_words
        and not _has_function_word(mods, kb)
    )


def _has_function_word(mods: str | None, kb: KnowledgeBase) -> bool:
    return bool(mods) and any(word.lower() in kb.function_words for word in mods.split())


def _singular(noun: str, kb: KnowledgeBase) -> str:
    """The singular of a plural noun, by the irregular list in ``rules/`` or the usual endings."""
    if noun in kb.irregular_plurals:
        return kb.irregular_plurals[noun]
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "xes", "sses", "zes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun

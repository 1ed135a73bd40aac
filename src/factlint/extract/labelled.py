"""The numbers and dates of a document's text, each with the label written right before it.

A label is a run of words before a link (the knowledge's ``statements.links`` in
``rules/language.yaml``: "of", ":", "was") and the value: "impact score of 95/100"; "magnitude 6.4"
has no link. A number may carry its unit word ("66 seats"), which names it when no label does. A
value whose sentence tells of a change, or that begins a range ("1,000 to 1,500"), states no one
value and is left out. FL101 (:mod:`factlint.rules.consistency`) compares what is found.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterator, Sequence

from factlint.dates import MONTHS
from factlint.extract.numbers import GROUP_SPACES, NUMBER
from factlint.extract.sentence_context import (
    DateSpan,
    change_pattern,
    named_places,
    other_dates,
    scope_pattern,
    scope_words,
    sentence_bounds,
    tells_of_change,
)
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim, Labelled, Span, singular, step_of

_NUMBER = re.compile(
    r"(?<![\w.,/:-])(?P<cur>[$€£¥])?\s?(?P<num>" + NUMBER + ")"
    r"(?P<attached>[A-Za-z]{1,3}\b)?"
    r"(?P<den>\s?/\s?\d{1,6}(?![\d/]))?"
    r"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?"
    r"(?![\d/:]|[.,]\d)"
    r"(?:[ \t]+(?P<word>[A-Za-z][A-Za-z-]*))?"
)
_DIGITS = re.compile(r"\d+")
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to|and)\s*[$€£¥]?\d")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LOOKBACK = 120
_MAX_LABEL = 4


def labelled_values(text: str, claims: Sequence[Claim], kb: KnowledgeBase) -> tuple[Labelled, ...]:
    """Every number and date in ``text`` with the label right before it (or its unit word).

    ``claims`` are the text's claims, whose dates are the dates read here.
    """
    dates = _date_spans(claims)
    tails = _tails(kb.label_links)
    changes = change_pattern(kb)
    scopes = scope_pattern(kb)
    starts = [start for start, _, _ in dates]
    found: list[Labelled] = []
    for start, end, (first, last) in dates:
        label, at, linked = _label_before(text, start, tails, kb)
        if not label:
            continue
        sentence = sentence_bounds(text, start, end)
        if not tells_of_change(text, start, end, changes, sentence):
            found.append(
                Labelled(
                    label,
                    "date",
                    _quote(text, at, end),
                    text[start:end],
                    Span(start, end),
                    at,
                    linked,
                    first=first,
                    last=last,
                    **_setting(text, start, end, dates, starts, scopes, sentence),
                )
            )
    for match in _numbers(text):
        start = match.start("cur") if match.group("cur") else match.start("num")
        number = _number(match, kb)
        if number is None:
            continue
        value, unit, step, word, end = number
        if _inside_date(start, end, dates, starts):
            continue
        sentence = sentence_bounds(text, start, end)
        if tells_of_change(text, start, end, changes, sentence) or _RANGE_AFTER.match(text, end):
            continue
        label, at, linked = _label_before(text, start, tails, kb)
        if not label and not word:
            continue
        found.append(
            Labelled(
                label,
                "number",
                _quote(text, at, end),
                text[start:end],
                Span(start, end),
                at,
                linked,
                value=value,
                unit=unit,
                step=step,
                unit_word=word,
                **_setting(text, start, end, dates, starts, scopes, sentence),
            )
        )
    return tuple(found)


def _setting(
    text: str,
    start: int,
    end: int,
    dates: Sequence[DateSpan],
    starts: Sequence[int],
    scopes: re.Pattern[str],
    sentence: tuple[int, int],
) -> dict[str, tuple]:
    """A value's other dates, scope words and named places in its ``sentence``, each sorted."""
    low, high = sentence
    return {
        "dates": tuple(sorted(other_dates(start, end, dates, starts, sentence))),
        "scopes": tuple(sorted(scope_words(text, scopes, low, high))),
        "places": tuple(sorted(named_places(text[low:high]))),
    }


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_NUMBER.finditer(text)``, tried only where a run of digits begins.

    A number's digits begin a run (the look-behind and the currency or space before them see to
    that), so its match begins at most two characters before one; scanning every character of
    the text for the pattern cost more than all the runs' matches together.
    """
    done = 0
    for run in _DIGITS.finditer(text):
        for at in _number_starts(text, run.start()):
            match = _NUMBER.match(text, at) if at >= done else None
            if match:
                yield match
                done = match.end()
                break


_CURRENCIES = "$€£¥"


def _number_starts(text: str, first: int) -> tuple[int, ...]:
    """Where a number whose digits begin at ``first`` may begin: at its currency or space, or there."""
    before = text[first - 1] if first else ""
    if before.isspace():
        if first >= 2 and text[first - 2] in _CURRENCIES:
            return (first - 2, first - 1, first)
        return (first - 1, first)
    if before and before in _CURRENCIES:
        return (first - 1, first)
    return (first,)


@functools.cache
def _tails(links: tuple[str, ...]) -> Tails:
    """Patterns for the end of a label: with one of ``links`` ("impact score of"), and without."""
    words = r"(?<![A-Za-z0-9'’-])(?P<label>[A-Za-z][A-Za-z0-9'’-]*(?:[\s*_]+[A-Za-z][A-Za-z0-9'’-]*){0,7})"
    ordered = sorted(links, key=len, reverse=True)
    linked = "|".join(_link_pattern(link) for link in ordered) or "(?!)"
    return Tails(
        linked=re.compile(words + r"[\s*_]*(?P<link>" + linked + r")[\s*_]*$", re.IGNORECASE),
        unlinked=re.compile(words + r"[\s*_]*$"),
        link_end=re.compile(
            r"[\s*_]*(?:" + ("|".join(_backwards_link(link) for link in ordered) or "(?!)") + ")",
            re.IGNORECASE,
        ),
        runs=8 + max((len(_RUN.findall(link)) for link in links), default=0),
    )


def _backwards_link(link: str) -> str:
    """:func:`_link_pattern` for a text read backwards."""
    body = r"\s+".join(re.escape(part[::-1]) for part in reversed(link.split()))
    return rf"\b{body}\b" if link[0].isalnum() else body


@dataclasses.dataclass(frozen=True)
class Tails:
    """The label patterns, and ``link_end``: whether a window read backwards can end with a link.

    ``link_end`` may say yes where ``linked`` then finds no label, never no where it would find one.
    """

    linked: re.Pattern[str]
    unlinked: re.Pattern[str]
    link_end: re.Pattern[str]
    runs: int  # the most runs of word letters a linked label and its link hold: eight words and a link's


# A run of the letters of label words, as ``linked`` (ignoring case) reads them.
_RUN = re.compile(r"[A-Za-z0-9'’-]+", re.IGNORECASE)


# The unlinked label read backwards: matched once at the value instead of searched from every
# character of the window before it (the search cost a tenth of a millisecond a number).
_BACKWARDS = re.compile(
    r"[\s*_]*(?P<label>[A-Za-z0-9'’-]*[A-Za-z](?:[\s*_]+[A-Za-z0-9'’-]*[A-Za-z]){0,7})(?![A-Za-z0-9'’-])"
)
_WORDISH = re.compile(r"[A-Za-z0-9'’-]")
_GAP = re.compile(r"[\s*_]+")


def label_end(text: str, low: int, start: int, tails: Tails) -> tuple[str, int, bool] | None:
    """The label ending at ``start`` and beginning at ``low`` or later: its text, start, whether linked.

    The same as searching ``tails.linked`` and then ``tails.unlinked`` in ``text[low:start]``.
    """
    if tails.link_end.match(text[low:start][::-1]):
        match = tails.linked.search(text, _label_reach(text, low, start, tails.runs), start)
        if match:
            return match.group("label"), match.start("label"), True
    return _unlinked(text, low, start)


def _label_reach(text: str, low: int, start: int, runs: int) -> int:
    """Where a linked label ending at ``start`` can begin at the earliest: ``runs`` runs of letters back.

    A linked label begins a run of word letters (its look-behind sees to that) and holds at most
    ``runs`` of them to ``start``, so no match of ``linked`` begins before; searching from there
    spares the engine trying eight words from every word of the window.
    """
    starts = [run.start() for run in _RUN.finditer(text, low, start)]
    return starts[-runs] if len(starts) >= runs else low


def _unlinked(text: str, low: int, start: int) -> tuple[str, int, bool] | None:
    """The unlinked label, read backwards from ``start``: up to eight words, none begun before ``low``."""
    match = _BACKWARDS.match(text[low:start][::-1])
    if not match:
        return None
    label_start, label_end_at = start - match.end("label"), start - match.start("label")
    if label_start == low and low > 0 and _WORDISH.match(text, low - 1):
        # The first word began before ``low``: the label can only begin after it.
        gap = _GAP.search(text, low, label_end_at)
        return _unlinked(text, gap.end(), start) if gap else None
    return text[label_start:label_end_at], label_start, False


def _link_pattern(link: str) -> str:
    escaped = r"\s+".join(re.escape(part) for part in link.split())
    return rf"\b{escaped}\b" if link[0].isalnum() else escaped


def _date_spans(claims: Sequence[Claim]) -> list[DateSpan]:
    """Each date claim's span and the spans of its repeats, with its days, in text order."""
    spans = []
    for claim in claims:
        if claim.kind != "date" or claim.time is None or claim.time.start is None or claim.time.end is None:
            continue
        length = claim.span.end - claim.span.start
        days = (claim.time.start, claim.time.end)
        for span in (claim.span, *claim.occurrences):
            spans.append((span.start, span.start + length, days))
    return sorted(spans, key=lambda item: (item[0], item[1]))


def _inside_date(start: int, end: int, dates: Sequence[DateSpan], starts: Sequence[int]) -> bool:
    index = bisect.bisect_right(starts, start) - 1
    for k in range(max(index - 1, 0), min(index + 2, len(dates))):
        date_start, date_end, _ = dates[k]
        if date_start < end and start < date_end:
            return True
    return False


def _label_before(
    text: str, start: int, tails: Tails, kb: KnowledgeBase
) -> tuple[tuple[str, ...], int, bool]:
    """The label right before a value ("impact score of"): its words, where it begins, whether linked.

    A link ("of", ":") joins most labels to their values; "magnitude 6.4" has none. The label is
    the run of words before the link, back to the first function word, a month or the start of the
    line, at most four words.
    """
    low = max(text.rfind("\n", max(0, start - _LOOKBACK), start) + 1, start - _LOOKBACK)
    found = label_end(text, low, start, tails)
    if found is None:
        return (), start, False
    written, label_start, linked = found
    words = list(_WORD.finditer(written))
    label: list[str] = []
    at = start
    for word in reversed(words):
        lower = word.group().lower().replace("’", "'")
        if lower in kb.function_words or lower.rstrip(".") in MONTHS or len(label) == _MAX_LABEL:
            break
        label.append(singular(lower))
        at = label_start + word.start()
    return tuple(reversed(label)), at, linked


def _quote(text: str, start: int, end: int) -> str:
    """The label and the value as written, without emphasis marks, for the finding's evidence."""
    return " ".join(text[start:end].replace("*", "").split())


def _number(match: re.Match[str], kb: KnowledgeBase) -> tuple[float, str, float, str, int] | None:
    """A number's value, unit, half the worth of its last digit, unit word, and where it ends."""
    digits = re.sub(f"[,{GROUP_SPACES}]", "", match.group("num"))
    value = float(digits)
    step = step_of(digits)
    unit, word, end = match.group("cur") or "", "", match.end("num")
    attached = (match.group("attached") or "").lower()
    if attached:
        end = match.end("attached")
        if attached in kb.scale_abbreviations:
            scale = kb.scale_abbreviations[attached]
            value, step = value * scale, step * scale
        else:
            unit += attached
    following = (match.group("word") or "").lower()
    if following in kb.scale_words and not match.group("den") and not match.group("pct"):
        scale = kb.scale_words[following]
        value, step, end = value * scale, step * scale, match.end("word")
        following = ""
    if match.group("den"):
        denominator = float(match.group("den").replace("/", "").strip())
        if denominator == 0:
            return None
        value, step, unit, end = value / denominator * 100, step / denominator * 100, "%", match.end("den")
    elif match.group("pct"):
        unit, end = "%", match.end("pct")
    elif following and following not in kb.function_words and not attached:
        word = singular(following)
        unit += word
    return value, unit, step, word, end

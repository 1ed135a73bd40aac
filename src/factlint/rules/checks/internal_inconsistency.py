"""FL101: one document gives incompatible values for one thing.

Three ways a document disagrees with itself:

- its front matter against its text: a number or a date under a key (``impact.score``,
  ``timeline.estimatedDate``) that the text gives differently right after the key's words ("impact
  score of 95/100", "Estimated Date: 12/30/2024"). A key is matched by its words, never by name;
  a one-word key that says little on its own ("score", "date") needs its parent's word too.
- a labelled figure given two values in the text ("impact score of 95/100" ... "impact score of
  100/100"): a label of at least ``min_label_words`` words right before a link (``links``: "of",
  ":", "was") and the figure.
- two figures of one fact from one source (the same group of the matching: subject, attribute,
  aspect and time) that cannot both be right ("turnout was 66.1%" ... "turnout of 64%").

A fourth is the publication date of the front matter against the byline's or the "Published:"
line's.

Figures that may differ are left alone: a sentence with a change, an earlier or an expected figure
(``changes`` and the change verbs of ``rules/quantities.yaml``), a range, a prospective figure,
another date, another part or place (``scopes``, the place nouns, names after "in"), two figures
in one sentence, figures in different units. Numbers agree within their rounding; dates compare as
calendar days, and when a timestamp falls on the text's day in another time zone (``zones``) the
finding says so, as the likely cause.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from factlint.ingest.dates import MONTHS, parse_iso, parse_written
from factlint.ingest.metadata import PUBLISHED_KEYS
from factlint.knowledge import KnowledgeBase
from factlint.match.intervals import reach
from factlint.model import Claim, ClaimGroup, Evidence, Finding, Source, Span
from factlint.rules.checks import register
from factlint.rules.context import Context, finding

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule

FIELDS = ("label", "count", "values", "note")
PARAMS: dict[str, Any] = {
    "links": [":", "=", "of", "was", "is", "were", "are", "stood at", "stands at", "at", "reached", "hit",
              "totalled", "totaled", "came to", "put at", "set at"],
    "generic_keys": ["score", "value", "date", "day", "time", "count", "number", "total", "amount", "level",
                     "rate", "figure", "min", "max", "low", "high", "start", "end", "size"],
    "ignore_keys": ["id", "version", "draft", "weight", "order", "index", "page", "pages", "year"],
    "changes": ["from", "up", "down", "rise", "fall", "risen", "fallen", "revised", "revision", "previous",
                "original", "originally", "initially", "compared", "than", "versus", "vs", "against",
                "between", "extended", "postponed", "delayed", "moved", "rescheduled", "updated", "new",
                "old", "forecast", "target", "expected", "estimate", "estimated at", "ago", "until",
                "previously", "earlier", "initial", "formerly", "prior", "already", "had been", "instead",
                "later", "now", "would", "could", "might", "will", "projected", "projection", "poll", "polls",
                "survey", "predicted", "suggested"],
    "scopes": ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "rural", "urban", "among", "nationally", "nationwide", "overall", "abroad", "domestic",
               "international", "each", "per", "average", "median", "first-round",
               "second-round", "quarterly", "annual", "monthly", "weekly", "daily"],
    "min_label_words": 2,
    "zones": {"US Pacific": -8, "US Eastern": -5, "UTC": 0, "Central Europe": 1, "India": 5.5,
              "China": 8, "Japan": 9, "Sydney": 10},
}  # fmt: skip

_NUMBER = re.compile(
    r"(?<![\w.,/:-])(?P<cur>[$€£¥])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<attached>[A-Za-z]{1,3}\b)?"
    r"(?P<den>\s?/\s?\d{1,6}(?![\d/]))?"
    r"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?"
    r"(?![\d/:]|[.,]\d)"
    r"(?:[ \t]+(?P<word>[A-Za-z][A-Za-z-]*))?"
)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to|and)\s*[$€£¥]?\d")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_WRITTEN_DATE = re.compile(
    r"^\s*(?:\d{1,2}/\d{1,2}/\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})\s*$"
)
_PLACE = re.compile(r"\b(?:in|at|near|across|throughout|outside|inside|within)\s+(?:the\s+)?([A-Z][\w-]+)")
_LOOKBACK = 120
_MAX_LABEL = 4


@dataclasses.dataclass(frozen=True)
class Statement:
    """One value given for a labelled thing: from the front matter (no span) or the text."""

    label: tuple[str, ...]
    kind: str  # "number" or "date"
    quote: str
    shown: str
    span: Span | None = None
    value: float | None = None
    unit: str = ""
    step: float = 0.0
    first: dt.date | None = None
    last: dt.date | None = None
    key: str | None = None
    moment: dt.datetime | None = None
    unit_word: str = ""
    from_meta: bool = False
    at: int | None = None
    linked: bool = True
    context: frozenset[object] = frozenset()
    places: frozenset[str] = frozenset()


@register("internal_inconsistency", FIELDS, PARAMS)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per thing a document gives two or more incompatible values for."""
    claims: dict[str, list[Claim]] = {}
    for claim in context.claims:
        claims.setdefault(claim.source_id, []).append(claim)
    groups: dict[str, list[ClaimGroup]] = {}
    for group in context.groups:
        for source_id in dict.fromkeys(claim.source_id for claim in group.claims):
            groups.setdefault(source_id, []).append(group)
    for source in context.sources:
        reported: set[int] = set()
        for found, spans in _labelled(context, rule, source, claims.get(source.id, [])):
            reported.update(spans)
            yield found
        yield from _same_fact(context, rule, source, groups.get(source.id, []), reported)


# Front matter and labelled figures ---------------------------------------------------------------
def _labelled(
    context: Context, rule: Rule, source: Source, claims: list[Claim]
) -> Iterator[tuple[Finding, set[int]]]:
    """Findings for front-matter values and labelled figures, with the text offsets they quote."""
    kb, params = context.kb, rule.params
    stated = _stated(source, claims, kb, params)
    wanted = list(_front_matter(source.meta, params, kb))
    used: set[int] = set()
    for meta in wanted:
        body = [
            (index, item)
            for index, item in enumerate(stated)
            if item.kind == meta.kind and _names(item, meta.label)
        ]
        used.update(index for index, _ in body)
        # The front matter speaks of the document as a whole: a figure its sentence dates or places
        # ("turnout in the capital", "on Monday") is another thing.
        plain = [item for _, item in body if not item.context]
        if not plain:
            continue
        found = _finding(context, rule, source, meta.label, [meta, *plain])
        if found is not None:
            yield found, {item.span.start for item in plain if item.span is not None}
    by_label: dict[tuple[object, ...], list[Statement]] = {}
    for index, item in enumerate(stated):
        if index not in used and item.linked and len(item.label) >= params["min_label_words"]:
            by_label.setdefault((item.label, item.context, item.places), []).append(item)
    for (label, _, _), items in by_label.items():
        if len(items) >= 2:
            found = _finding(context, rule, source, label, items)
            if found is not None:
                yield found, {item.span.start for item in items if item.span is not None}
    yield from _publication(context, rule, source, claims)


def _names(item: Statement, label: tuple[str, ...]) -> bool:
    """Whether a statement in the text speaks of the front-matter label."""
    if item.label == label or (len(label) >= 2 and item.label[-len(label) :] == label):
        return True
    return len(label) == 1 and item.unit_word == label[0]


def _front_matter(
    meta: Mapping[str, Any], params: Mapping[str, Any], kb: KnowledgeBase
) -> Iterator[Statement]:
    """The numbers and dates of the front matter, each under the words of its key."""
    ignore = {_norm(key) for key in params["ignore_keys"]}
    generic = set(params["generic_keys"])
    for path, value in _leaves(meta):
        if _norm(path[-1]) in ignore or (len(path) == 1 and _norm(path[0]) in PUBLISHED_KEYS):
            continue
        leaf = _key_words(path[-1], kb)
        if not leaf:
            continue
        if len(leaf) == 1 and leaf[0] in generic and len(path) > 1:
            parent = _key_words(path[-2], kb)
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
            step = _step_of(str(value))
            yield Statement(label, "number", shown, shown, value=number, step=step, key=key, from_meta=True)
        elif isinstance(value, str):
            day, moment = _date_value(value)
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


def _key_words(key: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """A key's words: ``estimatedDate`` and ``estimated_date`` are "estimated date"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key)
    words = [word.lower() for word in re.split(r"[^A-Za-z]+", spaced) if word]
    return tuple(_singular(word) for word in words if word not in kb.function_words)


def _norm(key: str) -> str:
    return re.sub(r"[_\-:. ]", "", key.lower())


def _date_value(value: str) -> tuple[dt.date | None, dt.datetime | None]:
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


def _stated(
    source: Source, claims: Sequence[Claim], kb: KnowledgeBase, params: Mapping[str, Any]
) -> list[Statement]:
    """Every number and date in the text with the label right before it (or its unit word)."""
    text = source.text
    dates = _date_spans(claims)
    tails = _tails(tuple(str(link).lower() for link in params["links"] if str(link).strip()))
    changes = _changes(kb, params)
    scopes = _scopes(kb, params)
    starts = [start for start, _, _ in dates]
    stated: list[Statement] = []
    for start, end, claim in dates:
        label, at, linked = _label_before(text, start, tails, kb)
        if label and claim.time is not None and not _legitimately_apart(text, start, end, changes):
            stated.append(
                Statement(
                    label,
                    "date",
                    _quote(text, at, end),
                    text[start:end],
                    Span(start, end),
                    first=claim.time.start,
                    last=claim.time.end,
                    at=at,
                    linked=linked,
                    context=_context(text, start, end, dates, starts, scopes),
                    places=_places_around(text, start, end),
                )
            )
    for match in _NUMBER.finditer(text):
        start = match.start("cur") if match.group("cur") else match.start("num")
        number = _number(match, kb)
        if number is None:
            continue
        value, unit, step, word, end = number
        if (
            _inside_date(start, end, dates, starts)
            or _legitimately_apart(text, start, end, changes)
            or _RANGE_AFTER.match(text, end)
        ):
            continue
        label, at, linked = _label_before(text, start, tails, kb)
        if not label and not word:
            continue
        stated.append(
            Statement(
                label,
                "number",
                _quote(text, at, end),
                text[start:end],
                Span(start, end),
                value=value,
                unit=unit,
                step=step,
                unit_word=word,
                at=at,
                linked=linked,
                context=_context(text, start, end, dates, starts, scopes),
                places=_places_around(text, start, end),
            )
        )
    return stated


@functools.cache
def _tails(links: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for the end of a label: with one of ``links`` ("impact score of"), and without."""
    words = r"(?<![A-Za-z0-9'’-])(?P<label>[A-Za-z][A-Za-z0-9'’-]*(?:[\s*_]+[A-Za-z][A-Za-z0-9'’-]*){0,7})"
    ordered = sorted(links, key=len, reverse=True)
    linked = "|".join(_link_pattern(link) for link in ordered) or "(?!)"
    return (
        re.compile(words + r"[\s*_]*(?P<link>" + linked + r")[\s*_]*$", re.IGNORECASE),
        re.compile(words + r"[\s*_]*$"),
    )


def _link_pattern(link: str) -> str:
    escaped = r"\s+".join(re.escape(part) for part in link.split())
    return rf"\b{escaped}\b" if link[0].isalnum() else escaped


def _date_spans(claims: Sequence[Claim]) -> list[tuple[int, int, Claim]]:
    """Each date claim's span and the spans of its repeats, in text order."""
    spans = []
    for claim in claims:
        if claim.kind != "date" or claim.time is None or claim.time.start is None or claim.time.end is None:
            continue
        length = claim.span.end - claim.span.start
        for span in (claim.span, *claim.occurrences):
            spans.append((span.start, span.start + length, claim))
    return sorted(spans, key=lambda item: (item[0], item[1]))


def _inside_date(start: int, end: int, dates: list[tuple[int, int, Claim]], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, start) - 1
    return any(
        dates[k][0] < end and start < dates[k][1]
        for k in range(max(index - 1, 0), min(index + 2, len(dates)))
    )


def _label_before(
    text: str, start: int, tails: tuple[re.Pattern[str], re.Pattern[str]], kb: KnowledgeBase
) -> tuple[tuple[str, ...], int, bool]:
    """The label right before a value ("impact score of"): its words, where it begins, whether linked.

    A link ("of", ":") joins most labels to their values; "magnitude 6.4" has none. The label is
    the run of words before the link, back to the first function word, a month or the start of the
    line, at most four words.
    """
    low = max(text.rfind("\n", max(0, start - _LOOKBACK), start) + 1, start - _LOOKBACK)
    linked = True
    match = tails[0].search(text, low, start)
    if not match:
        linked, match = False, tails[1].search(text, low, start)
    if not match:
        return (), start, False
    words = list(_WORD.finditer(match.group("label")))
    label: list[str] = []
    at = start
    for word in reversed(words):
        lower = word.group().lower().replace("’", "'")
        if lower in kb.function_words or lower.rstrip(".") in MONTHS or len(label) == _MAX_LABEL:
            break
        label.append(_singular(lower))
        at = match.start("label") + word.start()
    return tuple(reversed(label)), at, linked


def _quote(text: str, start: int, end: int) -> str:
    """The label and the value as written, without emphasis marks, for the finding's evidence."""
    return " ".join(text[start:end].replace("*", "").split())


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _number(match: re.Match[str], kb: KnowledgeBase) -> tuple[float, str, float, str, int] | None:
    """A number's value, unit, half the worth of its last digit, unit word, and where it ends."""
    digits = match.group("num").replace(",", "")
    value = float(digits)
    step = _step_of(digits)
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
        word = _singular(following)
        unit += word
    return value, unit, step, word, end


def _step_of(written: str) -> float:
    """Half the worth of the last digit written: 0.05 for "66.1", 0.5 for "95"."""
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    return 0.5 * 10.0**-decimals


@functools.cache
def _changes_pattern(words: frozenset[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!)")  # nothing to look for: never matches
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _changes(kb: KnowledgeBase, params: Mapping[str, Any]) -> re.Pattern[str]:
    """Words that tell of a change, an earlier figure or a range in a sentence."""
    words = {*(str(word).lower() for word in params["changes"]), *kb.change_verbs}
    return _changes_pattern(frozenset(word for word in words if word.strip()))


def _scopes(kb: KnowledgeBase, params: Mapping[str, Any]) -> re.Pattern[str]:
    """Words and names that restrict a figure to a part or a place ("in the north", "in Halm")."""
    words = {*(str(word).lower() for word in params["scopes"]), *kb.place_nouns, *kb.place_before}
    return _changes_pattern(frozenset(word for word in words if word.strip()))


def _context(
    text: str,
    start: int,
    end: int,
    dates: list[tuple[int, int, Claim]],
    starts: list[int],
    scopes: re.Pattern[str],
) -> frozenset[object]:
    """What else a figure's sentence says of it: the other dates it gives, the parts it is limited to.

    A part or place is one of ``scopes`` in lower case, so not in a name: "in the capital",
    "among women".
    """
    low, high = _sentence(text, start, end)
    found: set[object] = {
        (claim.time.start, claim.time.end)
        for date_start, date_end, claim in dates[
            bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)
        ]
        if not (date_start < end and start < date_end) and claim.time
    }
    found.update(match.group() for match in scopes.finditer(text, low, high) if match.group().islower())
    return frozenset(found)


def _places_around(text: str, start: int, end: int) -> frozenset[str]:
    low, high = _sentence(text, start, end)
    return frozenset(_named_places(text[low:high]))


def _named_places(sentence: str) -> set[str]:
    """Capitalised names after "in", "at", "across"...: the place a figure holds for."""
    found = set()
    for match in _PLACE.finditer(sentence):
        word = match.group(1).lower()
        if word.rstrip(".") not in MONTHS and not word.rstrip("s'’").endswith("day"):
            found.add(word)
    return found


def _legitimately_apart(text: str, start: int, end: int, changes: re.Pattern[str]) -> bool:
    """A figure in a sentence that tells of a change, an earlier figure or a range."""
    low, high = _sentence(text, start, end)
    return bool(changes.search(text, low, high))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``, searched within a bounded reach."""
    low = max(0, start - 400)
    before = [match.end() for match in _SENTENCE_END.finditer(text, low, start)]
    after = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return (before[-1] if before else low), (after.start() if after else min(len(text), end + 400))


def _same(one: Statement, other: Statement, cap: float) -> bool:
    """Whether two statements can give the same value (rounding aside; time zones are a note)."""
    if one.kind == "date":
        if one.first is None or other.first is None:
            return True
        return one.first <= (other.last or other.first) and other.first <= (one.last or one.first)
    if one.value is None or other.value is None:
        return True
    if not one.from_meta and not other.from_meta and one.unit != other.unit:
        return True  # figures in different units say nothing against each other
    pairs = [(one.value, other.value)]
    for meta, body in ((one, other), (other, one)):
        if meta.from_meta and body.unit == "%" and abs(meta.value or 0.0) <= 1:
            pairs.append(((meta.value or 0.0) * 100, body.value or 0.0))
    for a, b in pairs:
        size = max(abs(a), abs(b))
        allowed = min(max(one.step, other.step) * 0.98, cap * size) if size else 0.0
        if abs(a - b) <= max(allowed, 1e-9 * max(size, 1.0)):
            return True
    return False


def _clusters(items: Sequence[Statement], cap: float) -> list[list[Statement]]:
    """Statements that can give one value, together; in order of first appearance.

    The text's values are swept in order of size, so that a long list costs its sort; a front-matter
    value joins the first cluster it can be.
    """
    body = [item for item in items if not item.from_meta]
    body.sort(key=lambda item: (item.unit, item.first or dt.date.min, item.value or 0.0))
    clusters: list[list[Statement]] = []
    for item in body:
        if clusters and _same(item, clusters[-1][-1], cap):
            clusters[-1].append(item)
        else:
            clusters.append([item])
    for meta in (item for item in items if item.from_meta):
        joined = next(
            (cluster for cluster in clusters if any(_same(meta, other, cap) for other in cluster)), None
        )
        if joined is not None:
            joined.insert(0, meta)
        else:
            clusters.insert(0, [meta])
    return sorted(clusters, key=lambda cluster: min(_order(item) for item in cluster))


def _order(item: Statement) -> int:
    return -1 if item.span is None else item.span.start


def _finding(
    context: Context, rule: Rule, source: Source, label: tuple[str, ...], items: Sequence[Statement]
) -> Finding | None:
    clusters = _clusters(items, context.kb.rounding_cap)
    if len(clusters) < 2:
        return None
    meta = next((item for item in items if item.from_meta), None)
    note = _zone_note(meta, clusters, rule.params["zones"]) if meta else ""
    values = " vs ".join(_describe(cluster, source) for cluster in clusters)
    # The odd one out first (so that the finding points at it), then the rest.
    ordered = sorted(
        clusters,
        key=lambda cluster: (
            any(item.from_meta for item in cluster),
            len(cluster),
            -min(item.span.start for item in cluster if item.span) if any(i.span for i in cluster) else 0,
        ),
    )
    evidence = [_evidence(source, cluster[0]) for cluster in ordered]
    words = " ".join(label)
    return finding(
        context,
        rule,
        source.id,
        evidence,
        explanation=(
            f"the document gives “{words}” {len(clusters)} values: {values}{note}; one of them is wrong, "
            "or the text should say what each refers to"
        ),
        fix="give one value, or say what each value refers to",
        label=words,
        count=len(clusters),
        values=values,
        note=note,
    )


def _evidence(source: Source, item: Statement) -> Evidence:
    """A statement as evidence: its label and value as written, located from the label on."""
    if item.span is None:
        return Evidence(source.id, item.quote)
    start = item.at if item.at is not None and item.at <= item.span.start else item.span.start
    return Evidence(source.id, item.quote, Span(start, item.span.end))


def _describe(cluster: Sequence[Statement], source: Source) -> str:
    """A value and where the document gives it: "100 (front matter; line 14)"."""
    meta = [item.shown for item in cluster if item.from_meta]
    lines = sorted({source.offsets.line_col(item.span.start)[0] for item in cluster if item.span is not None})
    places = ["front matter"] if meta else []
    if lines:
        places.append(("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines[:6])))
    elif not meta:
        places.append("text")
    return f"{meta[0] if meta else cluster[0].shown} ({'; '.join(places)})"


def _zone_note(meta: Statement, clusters: Sequence[Sequence[Statement]], zones: Mapping[str, float]) -> str:
    """When a timestamp falls on the text's day in another time zone: which zones, at what time."""
    if meta.kind != "date" or meta.moment is None:
        return ""
    days = {item.first for cluster in clusters if meta not in cluster for item in cluster if item.first}
    notes = []
    for day in sorted(days):
        shifted = []
        for name, hours in zones.items():
            local = meta.moment.astimezone(dt.timezone(dt.timedelta(hours=float(hours))))
            if local.date() == day:
                shifted.append(f"{name} ({local:%H:%M})")
        if shifted:
            notes.append(f"{meta.shown.split(': ', 1)[-1]} is {day.isoformat()} in {', '.join(shifted)}")
    if not notes:
        return ""
    return "; " + "; ".join(notes) + ": likely a time-zone shift, still one date written two ways"


# The publication date --------------------------------------------------------------------------
def _publication(
    context: Context, rule: Rule, source: Source, claims: Sequence[Claim]
) -> Iterator[tuple[Finding, set[int]]]:
    """The front matter's publication date against the date of the byline or "Published:" line."""
    if source.published is None or source.published_from != "front_matter":
        return
    key, raw = next(
        (
            (str(key), value)
            for key, value in source.meta.items()
            if _norm(str(key)) in PUBLISHED_KEYS and isinstance(value, str)
        ),
        ("date", source.published.isoformat()),
    )
    _, moment = _date_value(raw)
    shown = f"{key}: {raw.strip()}"
    meta = Statement(
        ("publication", "date"),
        "date",
        shown,
        shown,
        first=source.published,
        last=source.published,
        key=key,
        moment=moment,
        from_meta=True,
    )
    for where in ("byline", "text"):
        stated = source.dates.get(where)
        try:
            day = dt.date.fromisoformat(stated) if stated else None
        except ValueError:
            continue
        if day is None or day == source.published:
            continue
        head = [
            claim
            for claim in claims
            if claim.kind == "date" and claim.time and claim.time.start == claim.time.end == day
        ]
        written = head[0].text if head else stated
        body = Statement(
            ("publication", "date"),
            "date",
            written,
            written,
            head[0].span if head else None,
            first=day,
            last=day,
        )
        found = _finding(context, rule, source, ("publication", "date"), [meta, body])
        if found is not None:
            yield found, set()


# Two figures of one fact -------------------------------------------------------------------------
def _same_fact(
    context: Context, rule: Rule, source: Source, groups: Sequence[ClaimGroup], reported: set[int]
) -> Iterator[Finding]:
    """Claims of one group and one source whose figures cannot both hold at one time."""
    kb = context.kb
    changes = _changes(kb, rule.params)
    scopes = _scopes(kb, rule.params)
    text = source.text
    for group in groups:
        mine = [claim for claim in group.claims if claim.source_id == source.id]
        if len(mine) < 2:
            continue
        usable = [
            claim
            for claim in mine
            if claim.quantity is not None
            and claim.quantity.value is not None
            and (claim.quantity.qualifier is not None or claim.quantity.low == claim.quantity.high)
            and not claim.modality
            and claim.span.start not in reported
            and not _legitimately_apart(text, claim.span.start, claim.span.end, changes)
            and reach(claim, kb) is not None
        ]
        by_time: dict[object, list[Claim]] = {}
        for claim in usable:
            by_time.setdefault(_time_key(claim), []).append(claim)
        undated = by_time.pop("publication", [])
        if group.claims[0].attribute not in kb.running_totals:
            # A figure dated only by the article goes with the figures its sentence dates ("on
            # Sunday"); a running total moves from day to day, so it stays apart.
            by_time = {key: [*claims, *undated] for key, claims in by_time.items()} or {"": undated}
        elif undated:
            by_time["publication"] = undated
        for together in by_time.values():
            clusters = _claim_clusters(together, kb)
            if len(clusters) < 2 or not _comparable(clusters, scopes):
                continue
            yield _fact_finding(context, rule, source, clusters)


def _time_key(claim: Claim) -> object:
    time = claim.refers_to
    if time is None or time.start is None or time.resolution == "publication":
        return "publication"
    return (time.start, time.end)


def _claim_clusters(claims: Sequence[Claim], kb: KnowledgeBase) -> list[list[Claim]]:
    """Claims whose figures meet, together (swept by the low end of their reach), in text order."""
    reaches = [(found, claim) for claim in claims if (found := reach(claim, kb)) is not None]
    reaches.sort(key=lambda pair: (pair[0].low, pair[0].high))
    clusters: list[list[Claim]] = []
    high = -math.inf
    for found, claim in reaches:
        if clusters and found.low <= high:
            clusters[-1].append(claim)
            high = max(high, found.high)
        else:
            clusters.append([claim])
            high = found.high
    return sorted(clusters, key=lambda cluster: min(claim.span.start for claim in cluster))


def _comparable(clusters: Sequence[Sequence[Claim]], scopes: re.Pattern[str]) -> bool:
    """Two clusters speak of one thing: not the same sentence, the same units, the same places."""
    first, second = clusters[0][0], clusters[1][0]
    if first.sentence == second.sentence:
        return False
    if first.quantity and second.quantity and first.quantity.unit != second.quantity.unit:
        return False

    def where(sentence: str) -> set[str]:
        scoped = {match.group() for match in scopes.finditer(sentence) if match.group().islower()}
        return scoped | _named_places(sentence)

    return where(first.sentence) == where(second.sentence)


def _fact_finding(
    context: Context, rule: Rule, source: Source, clusters: Sequence[Sequence[Claim]]
) -> Finding:
    def describe(cluster: Sequence[Claim]) -> str:
        lines = sorted({source.offsets.line_col(claim.span.start)[0] for claim in cluster})
        return (
            f"{cluster[0].text} ({'line' if len(lines) == 1 else 'lines'} {', '.join(map(str, lines[:6]))})"
        )

    attribute = clusters[0][0].attribute or "figure"
    values = " vs ".join(describe(cluster) for cluster in clusters)
    ordered = sorted(clusters, key=lambda cluster: (len(cluster), -cluster[0].span.start))
    evidence: list[Evidence] = [
        Evidence(source.id, cluster[0].text, cluster[0].span, cluster[0].id) for cluster in ordered
    ]
    return finding(
        context,
        rule,
        source.id,
        evidence,
        explanation=(
            f"the document gives {len(clusters)} figures for {attribute} at one time: {values}; "
            "no change, earlier figure, range or place in their sentences tells them apart"
        ),
        fix="give one figure, or say what each figure refers to",
        label=attribute,
        count=len(clusters),
        values=values,
        note="",
    )

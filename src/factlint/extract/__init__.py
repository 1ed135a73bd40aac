"""Extraction: the checkable claims in a source's text, each with its span and sentence.

So far money, percentages and quantities with units, with their qualifiers as intervals, dates
resolved against the publication date, and roles (person, title, organisation); stock data and
attributes follow (see the issues). Each number has a subject and counterparty among the
organisations (:mod:`~factlint.extract.entities`) and people (:mod:`~factlint.extract.people`,
``person:`` ids) of its sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import math
from typing import Any, TypeVar

from factlint.extract.changes import PREVIOUS, previous_values
from factlint.extract.dates import find_dates
from factlint.extract.described import describe, describe_date
from factlint.extract.entities import Mention, find_entities
from factlint.extract.found import Found, Occupied, without_overlaps
from factlint.extract.frames import frame_of, modality_of
from factlint.extract.listings import find_listings
from factlint.extract.money import find_money
from factlint.extract.names import read_names
from factlint.extract.parties import inherit_parties, named, parties
from factlint.extract.people import Person, apart, find_described, find_people
from factlint.extract.percent import find_fractions, find_percent
from factlint.extract.precision import with_precision
from factlint.extract.quantities import find_quantities
from factlint.extract.roles import find_roles
from factlint.extract.sentences import sentence_spans
from factlint.extract.timing import refers_to
from factlint.ingest.meta_values import meta_values
from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.model import Claim, OffsetMap, Source, Span

T = TypeVar("T", Found, Mention, Person)
MAX_SENTENCE = 600
_ODD_SPACES = "\u00a0\u2007\u2009\u202f\u200a"
_SPACES = str.maketrans(dict.fromkeys(_ODD_SPACES, " "))


def extract(source: Source, kb: KnowledgeBase | None = None) -> list[Claim]:
    """Every claim in ``source.text``, in text order."""
    kb = kb or default_knowledge()
    text = source.text
    # Odd spaces (no-break, thin) read as spaces; the text keeps its length, so spans hold.
    scan = _plain_spaces(text)
    found = without_overlaps(find_money(scan, kb) + find_percent(scan, kb) + find_fractions(scan, kb))
    # Dates, then quantities, never take text that an earlier kind already explains.
    found += find_dates(scan, source.published, Occupied([(item.start, item.end) for item in found]))
    found += find_quantities(scan, kb, [(item.start, item.end) for item in found])
    taken = Occupied([(item.start, item.end) for item in found])
    roles = find_roles(scan, kb)
    found += [item for item in roles if not taken.overlaps(item.start, item.end)]
    found += find_listings(scan, kb)
    found = [item for item in found if _finite(item)]
    found.sort(key=lambda item: (item.start, item.end, item.kind))
    sentences = sentence_spans(text, kb.abbreviations)
    starts = [span.start for span in sentences]
    dates = [item for item in found if item.kind == "date"]
    outlet = _outlet_names(source.outlet)
    # Organisations and people are read from the same capitalised names.
    names = read_names(scan, kb)
    mentions, people = apart(find_entities(scan, kb, names), find_people(scan, kb, roles, names))
    mentions = [
        m for m in mentions if not (m.entity.startswith("candidate:") and scan[m.start : m.end] in outlet)
    ]
    found = [_listed_company(item, mentions) for item in found]
    date_starts, mention_starts = [date.start for date in dates], [m.start for m in mentions]
    # A person is found by the words that introduce it ("Finance Minister Vera Koll"), so that a
    # sentence holds them too.
    people = sorted([*people, *find_described(scan, kb, people)], key=lambda person: person.lead)
    people_starts = [person.lead for person in people]
    located = []
    windows = []

    def located_in(window: tuple[int, int]) -> tuple[list[Found], list[Mention], list[Person]]:
        """The dates, organisations and people of a sentence window."""
        return (
            _inside(dates, date_starts, window),
            _inside(mentions, mention_starts, window),
            _inside(people, people_starts, window),
        )

    for item in found:
        window = _window(text, sentences, starts, item)
        if item.kind != "date":
            item = _framed_in(scan, item, window, located_in(window), source.published, kb)
        located.append((item, text[window[0] : window[1]], window[0]))
        windows.append(window)
    # A date that no figure takes as its time is described, once every figure has its time.
    timed = {
        (window, item.refers_to.text)
        for (item, _, _), window in zip(located, windows, strict=True)
        if item.refers_to is not None
    }
    for index, ((item, sentence, at), window) in enumerate(zip(located, windows, strict=True)):
        if item.kind == "date" and item.time is not None and (window, item.time.text) not in timed:
            item = _framed_in(scan, item, window, located_in(window), source.published, kb)
            located[index] = (item, sentence, at)
    framed_items = [item for item, _, _ in located]
    # The value before a change ("to $5 billion from $4.2 billion") is compared only with values before one.
    for index in previous_values(scan, framed_items, windows, kb):
        framed_items[index] = dataclasses.replace(framed_items[index], aspect=PREVIOUS)
    inherited = named(inherit_parties(framed_items, sentences=windows))
    located = [(item, sentence, at) for item, (_, sentence, at) in zip(inherited, located, strict=True)]
    return _merge_repeats(source, located)


def _plain_spaces(text: str) -> str:
    """``text`` with its odd spaces as spaces (a mapping translation is slow: most texts have none)."""
    if text.isascii() or not any(space in text for space in _ODD_SPACES):
        return text
    return text.translate(_SPACES)


def _outlet_names(outlet: str | None) -> set[str]:
    """How an article names its own outlet ("The Castlemere Chronicle", "the Chronicle understands").

    The outlet reports the facts and is no party to them, so an unknown organisation of that name is
    left out (a known one stays: a company's own press release names the company).
    """
    if not outlet:
        return set()
    words = outlet.split()
    if words[0].lower() == "the":
        words = words[1:]
    names = {outlet, " ".join(words)}
    if len(words) >= 2:
        names.add(words[-1])
    return names


def _listed_company(item: Found, mentions: list[Mention]) -> Found:
    """A listing's company as an entity id when an organisation is named right before it."""
    if item.kind != "listing":
        return item
    before = [m for m in mentions if m.end <= item.start and item.start - m.end <= 3]
    return dataclasses.replace(item, subject=before[-1].entity) if before else item


def _framed_in(
    text: str,
    item: Found,
    bounds: tuple[int, int],
    local: tuple[list[Found], list[Mention], list[Person]],
    published: dt.date | None,
    kb: KnowledgeBase,
) -> Found:
    """:func:`_framed` with the dates, organisations and people of its window."""
    return _framed(text, item, bounds, *local, published, kb)


def _framed(
    text: str,
    item: Found,
    bounds: tuple[int, int],
    dates: list[Found],
    mentions: list[Mention],
    people: list[Person],
    published: dt.date | None,
    kb: KnowledgeBase,
) -> Found:
    """``item`` with the attribute, aspect, time and parties its sentence gives it (numbers only).

    A date gets only its subject and open description, with the other dates of its sentence; a
    date that a figure of its sentence takes as its time is left to that figure.
    """
    if item.kind == "date" and item.time is not None:
        others = [date for date in dates if date is not item]
        subject, _ = parties(text, (item.start, item.end), bounds, mentions, people)
        return dataclasses.replace(
            item,
            subject=subject,
            described=describe_date(text, (item.start, item.end), bounds, kb, _days(others)),
        )
    if item.kind not in ("money", "percent", "quantity"):
        return item
    span = (item.start, item.end)
    attribute, aspect = frame_of(text, span, bounds, item.kind, item.quantity, kb)
    subject, counterparty = parties(text, span, bounds, mentions, people)
    framed = dataclasses.replace(
        item,
        attribute=attribute,
        aspect=aspect,
        modality=modality_of(text, span, bounds, kb),
        subject=subject,
        counterparty=counterparty,
        described=describe(
            text,
            span,
            bounds,
            item.quantity,
            item.kind,
            kb,
            dates=_days(dates),
            date_spans=tuple((date.start, date.end) for date in dates),
        ),
    )
    # The time reads the attribute (a stock figure's trading session).
    when = refers_to(text, framed, bounds, dates, published, kb)
    return framed if when is None else dataclasses.replace(framed, refers_to=when)


def _days(dates: list[Found]) -> tuple[tuple[dt.date, dt.date], ...]:
    """The first and last day of each date found, as resolved, in order (one without days is left out).

    The resolver's guess of a year or week is kept here: "an ICBM launched in July" in a September
    article is this July's, and a figure it dates is not Friday's missile.
    """
    return tuple(
        sorted(
            (date.time.start, date.time.end)
            for date in dates
            if date.time is not None and date.time.start is not None and date.time.end is not None
        )
    )


def text_source(text: str, published: dt.date | None = None, **fields: Any) -> Source:
    """A source made in memory from plain text (for tests, notebooks and quick checks).

    ``fields`` override the defaults (``id``, ``path``, ``format``, ``meta``...); front matter
    given as ``meta`` is read into ``meta_values`` as the reader reads it.
    """
    defaults: dict[str, Any] = {
        "id": "text",
        "path": "<text>",
        "format": "text",
        "encoding": "utf-8",
        "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        "text": text,
        "offsets": OffsetMap(((0, len(text), 0, len(text)),) if text else (), (0,)),
        "published": published,
        "meta_values": meta_values(fields.get("meta") or {}),
    }
    return Source(**{**defaults, **fields})


def _finite(item: Found) -> bool:
    """Whether a found figure is a number at all: a run of hundreds of digits reads as infinity.

    Only an open bound may be infinite ("more than 5": up to infinity); a value or a lower bound
    that is, is broken or hostile text, not a figure anyone can check.
    """
    quantity = item.quantity
    if quantity is None:
        return True
    bounds = (quantity.value, quantity.low if quantity.low is not None else 0.0)
    return all(bound is None or math.isfinite(bound) for bound in bounds) and (
        quantity.high is None or quantity.high > -math.inf
    )


def extract_text(text: str, published: dt.date | None = None, kb: KnowledgeBase | None = None) -> list[Claim]:
    """The claims in a piece of plain text (for tests, notebooks and quick checks)."""
    source = text_source(text, published)
    return extract(source, kb)


def _inside(items: list[T], item_starts: list[int], window: tuple[int, int]) -> list[T]:
    """The items (sorted by start) lying wholly inside ``window``, found by bisection."""
    low = bisect.bisect_left(item_starts, window[0])
    high = bisect.bisect_left(item_starts, window[1])
    return [item for item in items[low:high] if item.end <= window[1]]


def _window(text: str, sentences: list[Span], starts: list[int], item: Found) -> tuple[int, int]:
    """The sentence holding ``item``, cut to words around it when the "sentence" runs on.

    Text without sentence punctuation is one long sentence; every per-claim step reads this window,
    so such text costs time and memory in proportion to its length, not its square.
    """
    index = bisect.bisect_right(starts, item.start) - 1
    if index >= 0 and sentences[index].start <= item.start < sentences[index].end:
        start, end = sentences[index].start, max(sentences[index].end, item.end)
    else:
        start, end = item.start, item.end
    if end - start > MAX_SENTENCE:
        start = max(start, item.start - MAX_SENTENCE // 2)
        end = min(end, item.end + MAX_SENTENCE // 2)
        start = text.find(" ", start, item.start) + 1 or start
        end = text.rfind(" ", item.end, end) if text.rfind(" ", item.end, end) != -1 else end
    return start, end


def _merge_repeats(source: Source, located: list[tuple[Found, str, int]]) -> list[Claim]:
    """One claim per distinct (sentence, place in it, quote, kind); repeats become occurrences."""
    first: dict[tuple[str, str, str, int], int] = {}
    claims: list[Claim] = []
    repeats: dict[int, list[Span]] = {}
    for item, sentence, sentence_start in located:
        key = (item.kind, source.text[item.start : item.end], sentence, item.start - sentence_start)
        if key in first:
            repeats.setdefault(first[key], []).append(Span(item.start, item.end))
            continue
        first[key] = len(claims)
        claims.append(_claim(source, item, sentence))
    for index, spans in repeats.items():
        claims[index] = dataclasses.replace(claims[index], occurrences=tuple(spans))
    return claims


def _claim(source: Source, item: Found, sentence: str) -> Claim:
    common = {
        "id": f"{source.id}#{item.start}-{item.end}",
        "source_id": source.id,
        "span": Span(item.start, item.end),
        "text": source.text[item.start : item.end],
        "sentence": sentence,
        "kind": item.kind,
        "extractor": item.extractor,
    }
    if item.role is not None:  # the person is the subject of a role, the organisation its counterparty
        return Claim(
            **common,
            attribute="role.title",
            subject=item.role.person,
            counterparty=item.role.organisation,
            role=item.role,
        )
    if item.listing is not None:
        return Claim(**common, attribute="stock.listing", subject=item.subject, listing=item.listing)
    return Claim(
        **common,
        attribute=item.attribute,
        aspect=item.aspect,
        modality=item.modality,
        refers_to=item.refers_to,
        subject=item.subject,
        counterparty=item.counterparty,
        quantity=with_precision(common["text"], item.quantity),
        time=item.time,
        role=item.role,
        described=item.described,
    )

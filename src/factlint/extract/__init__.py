"""Extraction: the checkable claims in a source's text, each with its span and sentence.

So far money, percentages and quantities with units, with their qualifiers as intervals, dates
resolved against the publication date, and roles (person, title, organisation); stock data and
attributes follow (see the issues).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib

from factlint.extract.dates import find_dates
from factlint.extract.entities import Mention, find_entities
from factlint.extract.found import Found, Occupied, without_overlaps
from factlint.extract.frames import frame_of
from factlint.extract.listings import find_listings
from factlint.extract.money import find_money
from factlint.extract.parties import parties
from factlint.extract.percent import find_fractions, find_percent
from factlint.extract.quantities import find_quantities
from factlint.extract.roles import find_roles
from factlint.extract.sentences import sentence_spans
from factlint.extract.timing import refers_to
from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.model import Claim, OffsetMap, Source, Span

MAX_SENTENCE = 600
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " "})


def extract(source: Source, kb: KnowledgeBase | None = None) -> list[Claim]:
    """Every claim in ``source.text``, in text order."""
    kb = kb or default_knowledge()
    text = source.text
    # Odd spaces (no-break, thin) read as spaces; the text keeps its length, so spans hold.
    scan = text.translate(_SPACES)
    found = without_overlaps(find_money(scan, kb) + find_percent(scan, kb) + find_fractions(scan, kb))
    # Dates, then quantities, never take text that an earlier kind already explains.
    found += find_dates(scan, source.published, Occupied([(item.start, item.end) for item in found]))
    found += find_quantities(scan, kb, [(item.start, item.end) for item in found])
    taken = Occupied([(item.start, item.end) for item in found])
    found += [item for item in find_roles(scan, kb) if not taken.overlaps(item.start, item.end)]
    found += find_listings(scan, kb)
    found.sort(key=lambda item: (item.start, item.end, item.kind))
    sentences = sentence_spans(text, kb.abbreviations)
    starts = [span.start for span in sentences]
    dates = [item for item in found if item.kind == "date"]
    mentions = find_entities(scan, kb)
    found = [_listed_company(item, mentions) for item in found]
    framed = [_framed(scan, item, sentences, starts, dates, mentions, source.published, kb) for item in found]
    located = [(item, *_sentence(text, sentences, starts, item)) for item in framed]
    return _merge_repeats(source, located)


def _listed_company(item: Found, mentions: list[Mention]) -> Found:
    """A listing's company as an entity id when an organisation is named right before it."""
    if item.kind != "listing":
        return item
    before = [m for m in mentions if m.end <= item.start and item.start - m.end <= 3]
    return dataclasses.replace(item, subject=before[-1].entity) if before else item


def _framed(
    text: str,
    item: Found,
    sentences: list[Span],
    starts: list[int],
    dates: list[Found],
    mentions: list[Mention],
    published: dt.date | None,
    kb: KnowledgeBase,
) -> Found:
    """``item`` with the attribute, aspect and time its sentence gives it (numbers only)."""
    if item.kind not in ("money", "percent", "quantity"):
        return item
    index = bisect.bisect_right(starts, item.start) - 1
    if index >= 0 and sentences[index].start <= item.start < sentences[index].end:
        bounds = (sentences[index].start, sentences[index].end)
    else:
        bounds = (max(0, item.start - MAX_SENTENCE // 2), min(len(text), item.end + MAX_SENTENCE // 2))
    attribute, aspect = frame_of(text, (item.start, item.end), bounds, item.kind, item.quantity, kb)
    when = refers_to(text, dataclasses.replace(item, attribute=attribute), bounds, dates, published, kb)
    subject, counterparty = parties(text, (item.start, item.end), bounds, mentions)
    return dataclasses.replace(
        item, attribute=attribute, aspect=aspect, refers_to=when, subject=subject, counterparty=counterparty
    )


def extract_text(text: str, published: dt.date | None = None, kb: KnowledgeBase | None = None) -> list[Claim]:
    """The claims in a piece of plain text (for tests, notebooks and quick checks)."""
    source = Source(
        id="text",
        path="<text>",
        format="text",
        encoding="utf-8",
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        text=text,
        offsets=OffsetMap(((0, len(text), 0, len(text)),) if text else (), (0,)),
        published=published,
    )
    return extract(source, kb)


def _sentence(text: str, sentences: list[Span], starts: list[int], item: Found) -> tuple[str, int]:
    """The sentence holding ``item`` and where it starts; for a run-on "sentence", a window of words."""
    index = bisect.bisect_right(starts, item.start) - 1
    if index >= 0 and sentences[index].start <= item.start < sentences[index].end:
        start, end = sentences[index].start, max(sentences[index].end, item.end)
    else:
        start, end = item.start, item.end
    if end - start > MAX_SENTENCE:
        # Text without sentence punctuation would otherwise copy megabytes into every claim.
        start = max(start, item.start - MAX_SENTENCE // 2)
        end = min(end, item.end + MAX_SENTENCE // 2)
        start = text.find(" ", start, item.start) + 1 or start
        end = text.rfind(" ", item.end, end) if text.rfind(" ", item.end, end) != -1 else end
    return text[start:end], start


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
        refers_to=item.refers_to,
        subject=item.subject,
        counterparty=item.counterparty,
        quantity=item.quantity,
        time=item.time,
        role=item.role,
    )

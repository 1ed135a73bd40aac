"""Extraction: the checkable claims in a source's text, each with its span and sentence.

So far money, percentages and quantities with units, with their qualifiers as intervals, and dates
resolved against the publication date; stock data, roles and attributes follow (see the issues).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib

from factlint.extract.dates import find_dates
from factlint.extract.found import Found, Occupied
from factlint.extract.money import find_money
from factlint.extract.percent import find_percent
from factlint.extract.quantities import find_quantities
from factlint.extract.sentences import sentence_spans
from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.model import Claim, OffsetMap, Source, Span


def extract(source: Source, kb: KnowledgeBase | None = None) -> list[Claim]:
    """Every claim in ``source.text``, in text order."""
    kb = kb or default_knowledge()
    text = source.text
    found = find_money(text, kb) + find_percent(text, kb)
    # Dates, then quantities, never take text that an earlier kind already explains.
    found += find_dates(text, source.published, Occupied([(item.start, item.end) for item in found]))
    found += find_quantities(text, kb, [(item.start, item.end) for item in found])
    found.sort(key=lambda item: (item.start, item.end, item.kind))
    sentences = sentence_spans(text, kb.abbreviations)
    starts = [span.start for span in sentences]
    return [_claim(source, item, _sentence(text, sentences, starts, item)) for item in found]


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


def _sentence(text: str, sentences: list[Span], starts: list[int], item: Found) -> str:
    index = bisect.bisect_right(starts, item.start) - 1
    if index >= 0 and sentences[index].start <= item.start < sentences[index].end:
        span = sentences[index]
        end = max(span.end, item.end)
        return text[span.start : end]
    return text[item.start : item.end]


def _claim(source: Source, item: Found, sentence: str) -> Claim:
    return Claim(
        id=f"{source.id}#{item.start}-{item.end}",
        source_id=source.id,
        span=Span(item.start, item.end),
        text=source.text[item.start : item.end],
        sentence=sentence,
        kind=item.kind,
        extractor=item.extractor,
        quantity=item.quantity,
        time=item.time,
    )

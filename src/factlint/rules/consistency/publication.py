"""The front matter's publication date against the date of the byline or the "Published:" line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from factlint.ingest.metadata import PUBLISHED_KEYS
from factlint.model import Claim, Finding, Source
from factlint.rules.consistency.disagreement import disagreement
from factlint.rules.consistency.front_matter import date_value, norm_key
from factlint.rules.consistency.statements import Statement
from factlint.rules.context import Context

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule


def publication(
    context: Context, rule: Rule, source: Source, claims: Sequence[Claim]
) -> Iterator[tuple[Finding, set[int]]]:
    """The front matter's publication date against the date of the byline or "Published:" line."""
    if source.published is None or source.published_from != "front_matter":
        return
    key, raw = next(
        (
            (str(key), value)
            for key, value in source.meta.items()
            if norm_key(str(key)) in PUBLISHED_KEYS and isinstance(value, str)
        ),
        ("date", source.published.isoformat()),
    )
    _, moment = date_value(raw)
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
        found = disagreement(context, rule, source, ("publication", "date"), [meta, body])
        if found is not None:
            yield found, set()

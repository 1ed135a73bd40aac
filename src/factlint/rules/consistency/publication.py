"""The front matter's publication date against the date of the byline or the "Published:" line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from factlint.model import Claim, Finding, Source
from factlint.rules.consistency.disagreement import disagreement
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
    given = next((value for value in source.meta_values if value.published and value.number is None), None)
    if given is not None:
        key, written = given.path[0], given.written
        moment = given.date.moment if given.date is not None else None
    else:
        key, written, moment = "date", source.published.isoformat(), None
    shown = f"{key}: {written}"
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
        day = stated.whole_day if stated is not None else None
        if day is None or day == source.published:
            continue
        head = [
            claim
            for claim in claims
            if claim.kind == "date" and claim.time and claim.time.start == claim.time.end == day
        ]
        written_there = head[0].text if head else stated.iso
        body = Statement(
            ("publication", "date"),
            "date",
            written_there,
            written_there,
            head[0].span if head else None,
            first=day,
            last=day,
        )
        found = disagreement(context, rule, source, ("publication", "date"), [meta, body])
        if found is not None:
            yield found, set()

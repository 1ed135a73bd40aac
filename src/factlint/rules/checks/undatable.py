"""FL303: a source without a publication date, and the relative dates that therefore stay unknown.

Without a date, "last November" or "on Monday" cannot be placed and no figure can be called stale
or current; the finding lists those expressions so that an editor can supply the date.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Claim, Finding
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule


@register("undatable", ("source", "count", "expressions"), {"listed": 5}, document=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per readable source with no publication date."""
    undated = {source.id for source in context.sources if source.published is None}
    dates: dict[str, list[Claim]] = {}
    for claim in context.claims:
        if claim.source_id in undated:
            dates.setdefault(claim.source_id, []).append(claim)
    for source in context.sources:
        if source.published is not None or not source.words:
            continue
        unresolved = [
            claim
            for claim in dates.get(source.id, [])
            if claim.kind == "date" and claim.time is not None and claim.time.resolution == "unresolved"
        ]
        distinct = list(dict.fromkeys(" ".join(claim.text.split()) for claim in unresolved))
        shown = ", ".join(f"“{text}”" for text in distinct[: rule.params["listed"]])
        more = len(distinct) - rule.params["listed"]
        yield finding(
            context,
            rule,
            source.id,
            [quote(claim) for claim in unresolved],
            explanation=(
                "no publication date in the metadata, byline, dateline or text"
                + (f"; relative dates left unresolved: {shown}" if unresolved else "")
                + (f" and {more} more" if more > 0 else "")
            ),
            fix="add the publication date to the front matter (date: YYYY-MM-DD) or the byline",
            source=source.path,
            count=len(unresolved),
            expressions=shown or "none",
        )

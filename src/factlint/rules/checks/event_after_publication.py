"""FL302: an event told as done on a date after the article's publication.

"On March 12 the company announced..." cannot stand in an article published on March 5. A date
of the text is checked when it falls after the publication date and extraction found a verb of a
completed event governing it (:mod:`factlint.extract.events`: the verb nearest to it in its
clause is one of ``completed_verbs``, "announced", "was signed", "died"; a plan or a schedule,
a deadline or an event noun that takes the date for itself leave it without one; the words are
``completed_verbs`` and ``event_words`` in ``rules/frames.yaml``).

Relative dates ("last Tuesday") are resolved against the publication date, looking back for the
past, so they never land after it; a day written without a year ("March 12") is read the same way
by extraction, a year back. When that day falls within ``yearless_days`` after publication in the
publication's own year, and its sentence names no year it may be in (a later year, "a launch in
2027", is another event's), the finding says so: a news article that names a day without a year
means this year's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from factlint.model import Claim, Finding, Wording
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule

FIELDS = ("quote", "verb", "date", "published", "days")
PARAMS: dict[str, Any] = {
    # A day without a year this many days after publication is read as this year's.
    "yearless_days": 45,
}
_YEARLESS = ("date.mdy", "date.dmy")


@register("event_after_publication", FIELDS, PARAMS, document=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per date after publication that a verb of a completed event governs."""
    for claim in context.claims:
        source = context.by_id.get(claim.source_id)
        published = source.published if source is not None else None
        if source is None or published is None or claim.kind != "date" or claim.time is None:
            continue
        wording = context.wording(claim)
        day, yearless = _after(claim, wording, published, rule.params["yearless_days"])
        verb = wording.verb
        if day is None or verb is None:
            continue
        days = (day - published).days
        explanation = (
            f"the sentence tells of “{verb}” as done on {day.isoformat()}, but the article was published "
            f"on {published.isoformat()} (from its {(source.published_from or 'text').replace('_', ' ')})"
        )
        if yearless:
            read = claim.time.start.isoformat() if claim.time.start else "last year"
            explanation += (
                f"; “{claim.text}” has no year: in {published.year} it falls {days} day(s) after "
                f"publication, and read as {read} it would be almost a year old"
            )
        if days == 1:
            explanation += (
                "; one day: a time zone between the dateline and the publication date may explain it"
            )
        yield finding(
            context,
            rule,
            claim.source_id,
            [quote(claim)],
            explanation=explanation,
            fix="check the date and the publication date; an event still to come takes the future "
            "(“will announce”)" + ("; give the year" if yearless else ""),
            quote=claim.text,
            verb=verb,
            date=day.isoformat(),
            published=published.isoformat(),
            days=days,
        )


def _after(
    claim: Claim, wording: Wording, published: dt.date, yearless_days: int
) -> tuple[dt.date | None, bool]:
    """The day a date claim falls on after publication, and whether it was written without a year.

    A date relative to the publication (resolved by extraction, looking back for the past and
    ahead for the future) is never after it by mistake, except a day written without a year.
    """
    time = claim.time
    if time is None or time.start is None:
        return None, False
    if time.resolution == "absolute":
        return (time.start, False) if time.start > published else (None, False)
    if (
        time.resolution == "relative"
        and claim.extractor in _YEARLESS
        and time.precision == "day"
        and time.start <= published
        and not wording.year_named
    ):
        try:
            this_year = time.start.replace(year=published.year)
        except ValueError:  # 29 February
            return None, False
        if published < this_year <= published + dt.timedelta(days=yearless_days):
            return this_year, True
    return None, False

"""FL301: a person given a title they did not hold on the date the claim speaks of.

The tenures come from ``rules/people.yaml``. A claim is flagged only when it contradicts a listed
tenure (the person held that title at that organisation, but not on that date, whatever the
precision of the dates); a title not listed for the person is unknown, not wrong. "Former" and
past-tense roles are left alone. The message names who held the title on that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.match.names import normalise, person_key, resolve
from factlint.model import Basis, Claim, Finding
from factlint.people import Person, Tenure
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule

FIELDS = ("person", "title", "organisation", "date", "holder", "since", "then", "held")


@register("role_anachronism", FIELDS, document=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per role claim that a listed tenure contradicts on the claim's date."""
    people = _index(context.kb.people)
    names = {entity.id: entity.name for entity in context.kb.entities}
    for claim in context.claims:
        role = claim.role
        day = _day(claim, context)
        if role is None or role.former or day is None or not role.organisation:
            continue
        person = people.get(person_key(role.person))
        organisation = resolve(role.organisation, context.kb) or normalise(role.organisation, context.kb)
        if person is None:
            continue
        tenures = [t for t in person.tenures if t.title == role.title and t.organisation == organisation]
        if not tenures or not all(t.surely_excludes(day) for t in tenures):
            continue
        holder, since = _holder(context.kb.people, role.title, organisation, day)
        held = "; ".join(_span(tenure) for tenure in tenures)
        where = names.get(organisation, organisation)
        yield finding(
            context,
            rule,
            claim.source_id,
            [quote(claim)],
            explanation=(
                f"rules/people.yaml lists {person.name} as {role.title} of {where} "
                f"from {held}"
                + (f"; on {day.isoformat()} it was {holder}, since {since}" if holder else "")
                + f" (source: {tenures[0].source})"
            ),
            fix=f"{holder}, {role.title}" if holder else f"former {role.title} {person.name}",
            basis=[
                Basis(
                    file="people.yaml",
                    entry=person.id,
                    says=f"{person.name}: {role.title} of {where}, {_span(tenure)}",
                    source=tenure.source or None,
                )
                for tenure in tenures
            ],
            person=person.name,
            title=role.title,
            organisation=where,
            date=day.isoformat(),
            holder=holder or "someone else",
            since=since or "an unknown date",
            then=f"{holder} since {since}" if holder else "no holder listed for that date",
            held=held,
        )


def _span(tenure: Tenure) -> str:
    """A tenure's dates: "2021-07-01 to 2024-06-03", "2024-06-03 to now"."""
    return f"{tenure.start.isoformat()} to {tenure.end.isoformat() if tenure.end else 'now'}"


def _index(people: tuple[Person, ...]) -> dict[str, Person]:
    """People by every normalised way of naming them."""
    index: dict[str, Person] = {}
    for person in people:
        for name in (person.name, *person.aliases):
            index.setdefault(person_key(name), person)
    return index


def _day(claim: Claim, context: Context) -> dt.date | None:
    """The day a role claim speaks of: its own time when it has one, else its source's publication."""
    if claim.refers_to is not None and claim.refers_to.start == claim.refers_to.end and claim.refers_to.end:
        return claim.refers_to.end
    return context.published.get(claim.source_id)


def _holder(
    people: tuple[Person, ...], title: str, organisation: str, day: dt.date
) -> tuple[str | None, str | None]:
    """Who surely held ``title`` at ``organisation`` on ``day``, and since when."""
    for person in people:
        for tenure in person.tenures:
            if tenure.title == title and tenure.organisation == organisation and tenure.surely_holds(day):
                return person.name, tenure.start.isoformat()
    return None, None

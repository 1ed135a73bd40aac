"""People and the titles they held, from ``rules/people.yaml``: tenures with dates and sources.

A date is written as precisely as it is known (``2024-06-03``, ``2024-06`` or ``2024``), and a
tenure keeps that precision, so that a check never calls a claim wrong on a day the knowledge
cannot tell: a tenure that ended "in 2014" may have covered any day of 2014.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from factlint.located import Located, RuleFileError, load_located

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclasses.dataclass(frozen=True)
class Tenure:
    """A title held at an organisation from ``start`` (earliest possible day) to ``end``.

    ``start_latest`` is the latest day the tenure may have begun and ``end_latest`` the latest
    day it may have ended (None: still held), given the precision of the dates.
    """

    title: str
    organisation: str
    start: dt.date
    start_latest: dt.date
    end: dt.date | None
    end_latest: dt.date | None
    source: str

    def surely_excludes(self, day: dt.date) -> bool:
        """Whether ``day`` lies outside the tenure whatever the exact dates were (its bounds count as in)."""
        return day < self.start or (self.end_latest is not None and day > self.end_latest)

    def surely_holds(self, day: dt.date) -> bool:
        """Whether ``day`` lies inside the tenure whatever the exact dates were."""
        return self.start_latest <= day and (self.end is None or day < self.end)


@dataclasses.dataclass(frozen=True)
class Person:
    """Someone in the knowledge: id, name, other names and tenures."""

    id: str
    name: str
    aliases: tuple[str, ...]
    tenures: tuple[Tenure, ...]


def check_people_file(
    path: Path, titles: set[str] | None = None, organisations: set[str] | None = None
) -> None:
    """Validate one ``people.yaml`` with positions; raises :class:`RuleFileError` at the first mistake.

    ``titles`` and ``organisations``, when given, are the known canonical titles and entity ids.
    """
    located = load_located(path)
    data = located.value
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get("people", {}), dict):
        raise located.error((), "people.yaml holds a mapping `people:` of ids to entries")
    for person_id, entry in (data.get("people") or {}).items():
        where = ("people", str(person_id))
        if not _ID.match(str(person_id)):
            raise located.error(where, f"id {person_id!r} must be lower-case words joined by hyphens")
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise located.error(where, "an entry needs a name")
        unknown = set(entry) - {"name", "aliases", "tenures"}
        if unknown:
            raise located.error(
                where, f"unknown key(s) {', '.join(sorted(unknown))}; allowed: name, aliases, tenures"
            )
        for index, tenure in enumerate(entry.get("tenures") or []):
            _check_tenure(located, (*where, "tenures", str(index)), tenure, titles, organisations)


def _check_tenure(
    located: Located,
    where: tuple[str, ...],
    tenure: Any,
    titles: set[str] | None,
    organisations: set[str] | None,
) -> None:
    if not isinstance(tenure, dict):
        raise located.error(where, "a tenure is {title, organisation, start, end, source}")
    for key in ("title", "organisation", "start", "source"):
        if not tenure.get(key):
            raise located.error(where, f"a tenure needs {key}")
    if titles is not None and tenure["title"] not in titles:
        raise located.error(
            (*where, "title"), f"unknown title {tenure['title']!r}: use a key of rules/titles.yaml"
        )
    if organisations is not None and tenure["organisation"] not in organisations:
        raise located.error(
            (*where, "organisation"),
            f"unknown organisation {tenure['organisation']!r}: use an id of rules/entities.yaml",
        )
    for key in ("start", "end"):
        if tenure.get(key) is not None and parse_day(tenure[key]) is None:
            raise located.error((*where, key), f"{key} {tenure[key]!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    if tenure.get("end") is not None and parse_day(tenure["end"])[1] < parse_day(tenure["start"])[0]:  # type: ignore[index]
        raise located.error((*where, "end"), "the tenure ends before it starts")


def parse_day(value: Any) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day a date written to some precision may be."""
    if isinstance(value, dt.date):
        return value, value
    match = _DATE.match(str(value).strip())
    if not match:
        return None
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    try:
        if day:
            exact = dt.date(year, int(month), int(day))
            return exact, exact
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return dt.date(year, int(month), 1), dt.date(year, int(month), last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def build_people(data: Mapping[str, Any]) -> tuple[Person, ...]:
    """The people of merged ``people.yaml`` data (validated file by file before)."""
    people = []
    for person_id, entry in sorted((data or {}).items()):
        tenures = []
        for tenure in entry.get("tenures") or []:
            start = parse_day(tenure["start"])
            end = parse_day(tenure["end"]) if tenure.get("end") is not None else None
            if start is None:
                continue
            tenures.append(
                Tenure(
                    title=str(tenure["title"]),
                    organisation=str(tenure["organisation"]),
                    start=start[0],
                    start_latest=start[1],
                    end=end[0] if end else None,
                    end_latest=end[1] if end else None,
                    source=str(tenure.get("source", "")),
                )
            )
        people.append(
            Person(
                id=str(person_id),
                name=str(entry["name"]),
                aliases=tuple(str(alias) for alias in entry.get("aliases") or ()),
                tenures=tuple(tenures),
            )
        )
    return tuple(people)


__all__ = ["Person", "RuleFileError", "Tenure", "build_people", "check_people_file", "parse_day"]

"""The note for a front-matter timestamp that is the text's day in another time zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from factlint.rules.consistency.statements import Statement


def zone_note(meta: Statement, clusters: Sequence[Sequence[Statement]], zones: Mapping[str, float]) -> str:
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

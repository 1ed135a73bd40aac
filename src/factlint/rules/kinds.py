"""The registry of check kinds: each kind module of :mod:`factlint.rules.checks` registers itself here.

A kind is a function from the run's :class:`~factlint.rules.context.Context` and one
:class:`~factlint.rules.base.Rule` to findings; it declares the fields its message templates may
use and the parameters (with defaults) a rule file may set.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from factlint.model import Finding
from factlint.rules.base import Rule
from factlint.rules.context import Context

Check = Callable[[Context, Rule], Iterable[Finding]]


@dataclasses.dataclass(frozen=True)
class Kind:
    """A check kind: its function, the message fields it gives and its parameters' defaults."""

    name: str
    run: Check
    fields: tuple[str, ...]
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    late: bool = False  # runs after suppressions are applied (it reports on them)
    heavy: bool = False  # loads a large library: left out of quick runs unless selected by name
    document: bool = False  # reads one source (its claims and groups) at a time: may run source by source


KINDS: dict[str, Kind] = {}


def register(
    name: str,
    fields: Iterable[str],
    params: Mapping[str, Any] | None = None,
    *,
    late: bool = False,
    heavy: bool = False,
    document: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated function as the check kind ``name``."""

    def decorate(run: Check) -> Check:
        if name in KINDS:
            raise ValueError(f"check kind {name!r} is registered twice")
        KINDS[name] = Kind(name, run, tuple(fields), dict(params or {}), late, heavy, document)
        return run

    return decorate

"""The rule record and its examples: what the catalogue reads, and the checks and the context take.

A rule file (read by :mod:`factlint.rules.catalogue`) becomes a :class:`Rule`. The catalogue, the
kind registry (:mod:`factlint.rules.kinds`), the context and every check import it; it imports
only the model, so none of them imports another in a circle.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from factlint.model import Severity


@dataclasses.dataclass(frozen=True)
class ExampleSource:
    """One inline source of an example: its file name (the extension gives the format) and text."""

    name: str
    text: str
    published: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class Example:
    """Inline sources and the codes the catalogue must raise on them, and must not."""

    id: str
    sources: tuple[ExampleSource, ...]
    raises: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()
    code: str = ""  # the rule the example belongs to
    params: Mapping[str, Any] = dataclasses.field(
        default_factory=dict
    )  # that rule's params, for this example


@dataclasses.dataclass(frozen=True)
class Rule:
    """One check of the catalogue, as its file declares it."""

    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    description: str
    why: str
    examples: tuple[Example, ...]
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    source: str = ""
    path: str = ""

    def say(self, **fields: Any) -> str:
        """The message with the kind's fields filled in."""
        return self.message.format_map({key: _plain(value) for key, value in fields.items()})


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)

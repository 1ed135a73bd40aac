"""What each knowledge file in ``rules/`` may hold, checked file by file before the knowledge is built.

The knowledge is described once, field by field of :class:`factlint.knowledge.KnowledgeBase`: each
field is declared with :func:`known`, naming the file and key it is read from, the key's shape
("a list of phrases", "a mapping of phrases to numbers", "{kinds, cues, after, units, context,
unit_alone}"), how the value is built, its default and what it means. :func:`schemas` gathers those
shapes into each file's schema, so the same description validates a file and fills in what it
leaves out. A mistake is reported as ``newsroom/frames.yaml:12:5: ...`` with the offending line,
rather than as a ``KeyError`` from building. What needs every folder merged (a unit named in
frames.yaml, an entity's parent) is checked after merging and points at the file that names it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factlint.located import RuleFileError, load_located

Where = tuple[str, ...]

QUALIFIERS = ("up_to", "less_than", "more_than", "at_least", "nearly", "about")
FRAME_KINDS = ("money", "percent", "quantity")
ENTITY_KINDS = ("public_company", "subsidiary", "private_company", "government", "organisation")
# The longest a period of each name lasts, in days (a plausible range may hold only ``within`` one).
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "year": 366}


class KnowledgeError(ValueError):
    """A rules file is missing, unreadable or not in the expected shape; names the file."""


class KnowledgeFileError(RuleFileError, KnowledgeError):
    """A mistake at a place in one knowledge file: ``file:line:col: message`` and the line's text."""


class _Mistake(Exception):
    """A value not of its shape, at ``where`` (keys and list indexes from the top of its file)."""

    def __init__(self, where: Where, message: str) -> None:
        super().__init__(message)
        self.where, self.message = where, message


# --- shapes -------------------------------------------------------------------------------------


class Shape:
    """A shape a value may take; ``name`` says it in an error ("a list of phrases"), ``many`` in a plural."""

    name: str
    many: str

    def check(self, value: Any, where: Where, label: str) -> None:
        """Raise :class:`_Mistake` at the first part of ``value`` (called ``label``) not of this shape."""

    def takes(self, value: Any) -> bool:
        """Whether ``value`` is of the container type this shape describes (see :class:`Either`)."""
        return True

    def wrong(self, value: Any, where: Where, label: str) -> _Mistake:
        """The mistake of ``value`` not being of this shape."""
        return _Mistake(where, f"{label} must be {self.name}, not {_what(value)}")


@dataclasses.dataclass(frozen=True)
class Text(Shape):
    """A scalar the loader turns into text with ``str()``; ``strict`` only a string (names, ids)."""

    name: str = "text"
    many: str = "text"
    strict: bool = False
    empty: str | None = None  # why an empty one is wrong, when it is

    def check(self, value: Any, where: Where, label: str) -> None:
        types = str if self.strict else (str, int, float, dt.date)
        if isinstance(value, bool) or not isinstance(value, types):
            # YAML reads a bare no, on, off or yes as a boolean: such a word must be quoted
            raise self.wrong(value, where, label)
        if self.empty and not str(value).strip():
            raise _Mistake(where, f"{label}: {self.empty}")


@dataclasses.dataclass(frozen=True)
class Identifier(Shape):
    """A name used as a pattern group name."""

    name: str = "a plain identifier (letters, digits, _)"
    many: str = "plain identifiers (letters, digits, _)"

    def check(self, value: Any, where: Where, label: str) -> None:
        if not isinstance(value, str) or not value.isidentifier():
            raise self.wrong(value, where, label)


@dataclasses.dataclass(frozen=True)
class Number(Shape):
    """A number, as ``float()`` reads it, within ``[low, high]`` (``high`` left out when ``below_high``)."""

    name: str = "a number"
    many: str = "numbers"
    low: float | None = None
    high: float | None = None
    below_high: bool = False
    whole: bool = False

    def check(self, value: Any, where: Where, label: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int if self.whole else (int, float, str)):
            raise self.wrong(value, where, label)
        try:
            number = float(value)
        except ValueError:
            raise _Mistake(
                where, f"{label} must be {self.name}, not {_what(value)} (could not convert string to float)"
            ) from None
        except OverflowError:
            raise _Mistake(where, f"{label} must be {self.name}, not a number this large") from None
        too_low = self.low is not None and not number >= self.low
        too_high = self.high is not None and not (
            number < self.high if self.below_high else number <= self.high
        )
        if too_low or too_high:
            raise _Mistake(where, f"{label} must be {self.name}, not {value!r}")


@dataclasses.dataclass(frozen=True)
class Flag(Shape):
    """``true`` or ``false``."""

    name: str = "true or false"
    many: str = "true or false"

    def check(self, value: Any, where: Where, label: str) -> None:
        if not isinstance(value, bool):
            raise self.wrong(value, where, label)


@dataclasses.dataclass(frozen=True)
class OneOf(Shape):
    """One word of a known vocabulary."""

    values: tuple[str, ...]
    many: str

    @property
    def name(self) -> str:
        return f"one of {', '.join(self.values)}"

    def check(self, value: Any, where: Where, label: str) -> None:
        if isinstance(value, (list, dict)) or value is None:
            raise self.wrong(value, where, label)
        if value not in self.values:
            raise _Mistake(where, f"{label} {value!r} is not one of {', '.join(self.values)}")


@dataclasses.dataclass(frozen=True)
class Day(Shape):
    """A date as people.yaml writes it (its format is checked in :mod:`factlint.people`)."""

    name: str = "a date (YYYY-MM-DD, YYYY-MM or YYYY)"
    many: str = "dates"

    def check(self, value: Any, where: Where, label: str) -> None:
        if isinstance(value, (bool, dt.datetime)) or not isinstance(value, (str, int, dt.date)):
            raise self.wrong(value, where, label)


@dataclasses.dataclass(frozen=True)
class Maybe(Shape):
    """``shape``, or nothing (``key:`` left empty, or ``null``)."""

    shape: Shape

    @property
    def name(self) -> str:
        return f"{self.shape.name} (or empty)"

    @property
    def many(self) -> str:
        return self.shape.many

    def check(self, value: Any, where: Where, label: str) -> None:
        if value is not None:
            self.shape.check(value, where, label)


@dataclasses.dataclass(frozen=True)
class ListOf(Shape):
    """A list of ``item``."""

    item: Shape

    @property
    def name(self) -> str:
        return f"a list of {self.item.many}"

    @property
    def many(self) -> str:
        return f"lists of {self.item.many}"

    def takes(self, value: Any) -> bool:
        return isinstance(value, list)

    def check(self, value: Any, where: Where, label: str) -> None:
        if not isinstance(value, list):
            raise self.wrong(value, where, label)
        for index, item in enumerate(value):
            self.item.check(item, (*where, str(index)), f"{label}[{index}]")


@dataclasses.dataclass(frozen=True)
class MapOf(Shape):
    """A mapping of ``key`` to ``value``, any number of entries."""

    key: Shape
    value: Shape

    @property
    def name(self) -> str:
        return f"a mapping of {self.key.many} to {self.value.many}"

    @property
    def many(self) -> str:
        return f"mappings of {self.key.many} to {self.value.many}"

    def takes(self, value: Any) -> bool:
        return isinstance(value, dict)

    def check(self, value: Any, where: Where, label: str) -> None:
        if not isinstance(value, dict):
            raise self.wrong(value, where, label)
        for key, item in value.items():
            self.key.check(key, (*where, str(key)), f"the key {key!r} in {label}")
            self.value.check(item, (*where, str(key)), f"{label}.{key}")


@dataclasses.dataclass(frozen=True)
class Record(Shape):
    """A mapping with known keys, each of its own shape; any other key is a mistake."""

    fields: Mapping[str, Shape]
    what: str = ""  # how an unknown or missing key names the record ("a plausible range")
    required: tuple[str, ...] = ()
    rule: Callable[[dict[Any, Any]], tuple[str, str] | None] | None = None  # (key, message) of a mistake

    @property
    def name(self) -> str:
        return "{" + ", ".join(self.fields) + "}"

    @property
    def many(self) -> str:
        return self.name

    def takes(self, value: Any) -> bool:
        return isinstance(value, dict)

    def check(self, value: Any, where: Where, label: str) -> None:
        if not isinstance(value, dict):
            raise self.wrong(value, where, label)
        what = self.what or label
        unknown = sorted(str(key) for key in value if not (isinstance(key, str) and key in self.fields))
        if unknown:
            raise _Mistake(
                (*where, unknown[0]),
                f"unknown key(s) in {what}: {unknown}; allowed: {', '.join(self.fields)}",
            )
        for key in self.required:
            if key not in value:
                raise _Mistake(where, f"missing key {key!r} in {what}")
        for key, item in value.items():
            self.fields[key].check(item, (*where, key), f"{label}.{key}" if label else key)
        mistake = self.rule(value) if self.rule else None
        if mistake:
            raise _Mistake((*where, mistake[0]), mistake[1])


@dataclasses.dataclass(frozen=True)
class Either(Shape):
    """One of ``options``, told apart by container type (a mapping, a list)."""

    options: tuple[Shape, ...]

    @property
    def name(self) -> str:
        return " or ".join(option.name for option in self.options)

    @property
    def many(self) -> str:
        return " or ".join(option.many for option in self.options)

    def check(self, value: Any, where: Where, label: str) -> None:
        for option in self.options:
            if option.takes(value):
                option.check(value, where, label)
                return
        raise self.wrong(value, where, label)


def _what(value: Any) -> str:
    """A value as an error names it."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}" + ("..." if len(value) > 40 else "")
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return {list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


# --- shapes the description uses -------------------------------------------------------------

# YAML reads a bare no, yes, on or off as false or true, and the loader writes those as "false" and
# "true": the bundled language.yaml and units.yaml still hold some, so text accepts booleans for now.
TEXT = Text()
PHRASE = Text("a phrase", "phrases", empty="an empty phrase would match everywhere")
FORM = Text("a written form", "written forms", empty="an empty form would match everywhere")
PHRASES = ListOf(PHRASE)
TEXTS = ListOf(TEXT)
NAME = Text("a name (text)", "names (text)", strict=True, empty="a name may not be empty")
NUMBER = Number()
NOT_NEGATIVE = Number("a number at least 0", "numbers at least 0", low=0)
SHARE = Number("a share between 0 and 1 (at least 0, below 1)", "shares", low=0, high=1, below_high=True)
PERCENTAGE = Number("a number between 0 and 100", "numbers between 0 and 100", low=0, high=100)
COUNT = Number("a whole number at least 0", "whole numbers", low=0, whole=True)


def _range_in_order(spec: dict[Any, Any]) -> tuple[str, str] | None:
    low, high = float(spec.get("min", "-inf")), float(spec.get("max", "inf"))
    return ("min", f"a plausible range with min {low} above max {high}") if low > high else None


PLAUSIBLE_RANGE = Record(
    {
        "min": NUMBER,
        "max": NUMBER,
        "unit": Maybe(TEXT),
        "within": Maybe(OneOf(tuple(PERIOD_DAYS), "periods")),
        "why": Maybe(TEXT),
    },
    what="a plausible range",
    rule=_range_in_order,
)
TENURE = Record(
    {"title": TEXT, "organisation": TEXT, "start": Maybe(Day()), "end": Maybe(Day()), "source": Maybe(TEXT)},
    what="a tenure",
)

# --- the description: one per key ---------------------------------------------------------------

REQUIRED: Any = dataclasses.MISSING  # a key every merged knowledge must hold (no default)


@dataclasses.dataclass(frozen=True)
class Known:
    """Where a knowledge field is read from, the shape its key must have, and how it is built.

    ``shape`` None: the key is described by another field, and this one reads it too; ``build``
    None: the field is built by the loader itself (people, once titles and entities are known).
    """

    file: str
    key: tuple[str, ...]  # the key within its file, outer first ("names", "fuzzy_threshold")
    shape: Shape | None
    build: Callable[[Any], Any] | None
    meaning: str
    required: bool


def known(
    file: str, key: str, shape: Shape | None, build: Callable[[Any], Any] | None, default: Any, meaning: str
) -> Any:
    """A dataclass field read from ``key`` (dotted) of ``file``: a missing key takes ``default``.

    ``default`` is :data:`REQUIRED` for a key the knowledge cannot do without; a mapping default is
    copied for each instance.
    """
    metadata = {"knowledge": Known(file, tuple(key.split(".")), shape, build, meaning, default is REQUIRED)}
    if default is REQUIRED:
        return dataclasses.field(metadata=metadata)
    if isinstance(default, dict):
        return dataclasses.field(default_factory=default.copy, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def described(cls: type) -> list[tuple[str, Known]]:
    """The fields of ``cls`` declared with :func:`known`, in order, with their description."""
    return [
        (field.name, field.metadata["knowledge"])
        for field in dataclasses.fields(cls)
        if "knowledge" in field.metadata
    ]


def schemas(cls: type) -> dict[str, dict[str, Shape]]:
    """Each file's schema, from the fields of ``cls``: a dotted key's outer keys become records."""
    trees: dict[str, dict[str, Any]] = {}
    for _, description in described(cls):
        if description.shape is None:
            continue
        *outer, last = description.key
        tree = trees.setdefault(description.file, {})
        for key in outer:
            tree = tree.setdefault(key, {})
        if last in tree:
            raise ValueError(f"{description.file}: {'.'.join(description.key)} is described twice")
        tree[last] = description.shape
    return {file: {key: _shape(item) for key, item in tree.items()} for file, tree in trees.items()}


def _shape(item: Shape | dict[str, Any]) -> Shape:
    return Record({key: _shape(inner) for key, inner in item.items()}) if isinstance(item, dict) else item


# --- checking -----------------------------------------------------------------------------------


def read_knowledge_file(path: Path, schema: Mapping[str, Shape]) -> dict[str, Any]:
    """The content of the knowledge file at ``path``, checked against ``schema`` (its top-level keys).

    Raises :class:`KnowledgeFileError` at the first mistake, with its line, column and text. An
    empty file adds nothing.
    """
    try:
        value = load_located(path).value
    except RuleFileError as exc:
        raise KnowledgeFileError(str(exc)) from exc
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _error(path, (), f"{path.name} holds a mapping of {', '.join(schema)}; not {_what(value)}")
    unknown = sorted(str(key) for key in value if not (isinstance(key, str) and key in schema))
    if unknown:
        raise _error(
            path, (unknown[0],), f"unknown key(s) in {path.name}: {unknown}; allowed: {', '.join(schema)}"
        )
    try:
        for key, item in value.items():
            schema[key].check(item, (key,), key)
    except _Mistake as mistake:
        raise _error(path, mistake.where, mistake.message) from None
    return value


def check_merged(files: Sequence[tuple[Path, Mapping[str, Any]]], data: Mapping[str, Any]) -> None:
    """Check what needs every folder merged; ``files`` are each file's checked content, in order.

    A mistake points at the file that names the unknown unit, entity or exchange.
    """
    known = _known_units(data)
    ids = {str(key) for key in data.get("entities", {})}
    exchanges = {str(code) for code in data.get("exchanges", {})}
    for path, content in files:
        for attribute, spec in content.get("attributes", {}).items():
            for index, unit in enumerate(spec.get("units", ())):
                problem = _unknown_unit(str(unit), known, data)
                if problem:
                    raise _error(path, ("attributes", str(attribute), "units", str(index)), problem)
        for key, spec in content.get("plausibility", {}).items():
            for index, entry in enumerate(spec if isinstance(spec, list) else [spec]):
                where = ("plausibility", str(key), *((str(index),) if isinstance(spec, list) else ()))
                problem = _unknown_unit(str(entry["unit"]), known, data) if entry.get("unit") else None
                if problem:
                    raise _error(path, (*where, "unit"), problem)
        for key, entry in content.get("entities", {}).items():
            where = ("entities", str(key))
            parent = entry.get("parent")
            if parent is not None and parent not in ids:
                raise _error(path, (*where, "parent"), f"parent {parent!r} is not an entity id")
            listing = entry.get("listing")
            if listing and str(listing["exchange"]) not in exchanges:
                raise _error(
                    path,
                    (*where, "listing"),
                    f"unknown exchange {listing['exchange']!r} (rules/markets.yaml)",
                )
    later_first = list(reversed(files))
    for attribute, spec in data.get("attributes", {}).items():
        if not spec.get("kinds"):
            where = ("attributes", str(attribute))
            message = f"attribute {attribute!r} has no kinds ({', '.join(FRAME_KINDS)}), so it never applies"
            raise _error(_naming(later_first, where), where, message)
    for key, spec in data.get("plausibility", {}).items():
        # Each file's ranges are in order, but merged key by key a later max may fall below a min.
        disorder = _range_in_order(spec) if isinstance(spec, dict) else None
        if disorder:
            where = ("plausibility", str(key))
            message = f"{disorder[1]}, once the rules folders are merged"
            raise _error(_naming(later_first, where), (*where, disorder[0]), message)


def _known_units(data: Mapping[str, Any]) -> set[str]:
    """Unit ids of units.yaml, currency codes and percent unit names."""
    return {str(name) for section in ("units", "currencies", "percent") for name in data.get(section, {})}


_COUNTED = re.compile(r"[a-z]+(?:_[a-z]+)*")


def _unknown_unit(unit: str, known: set[str], data: Mapping[str, Any]) -> str | None:
    """Why ``unit`` names no unit, or None.

    Besides the ids of units.yaml, currencies and percent units, a quantity's unit is the noun it
    counts, made singular ("23 people" counts person, "299 seats" seat): any such noun is a unit.
    """
    if unit in known:
        return None
    for unit_id, spec in data.get("units", {}).items():
        forms = [*spec.get("words", ()), *spec.get("before", ()), *spec.get("attached", ())]
        if unit.lower() in (str(form).lower() for form in forms):
            return f"unit {unit!r} is how units.yaml writes {unit_id!r}: name the unit by its id"
    singulars = {str(singular) for singular in data.get("irregular_plurals", {}).values()}
    plurals = {str(plural): str(singular) for plural, singular in data.get("irregular_plurals", {}).items()}
    if unit in plurals:
        return f"unit {unit!r} is a plural: a counted noun is named in the singular ({plurals[unit]!r})"
    plural = unit.endswith("s") and not unit.endswith(("ss", "us", "is")) and unit not in singulars
    if _COUNTED.fullmatch(unit) and not plural:
        return None
    return (
        f"unknown unit {unit!r}: not a unit id of units.yaml, a currency, a percent unit, nor a counted "
        "noun in the singular (lower case, like person or seat)"
    )


def _naming(later_first: list[tuple[Path, Mapping[str, Any]]], where: Where) -> Path:
    """The last file with a value at ``where``."""
    for path, content in later_first:
        value: Any = content
        for key in where:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            return path
    return later_first[0][0]  # a key that is not text: the last file is the best guess


def _error(path: Path, where: Where, message: str) -> KnowledgeFileError:
    """The mistake at ``where`` in ``path``, with its line and column (the file is read again for them)."""
    try:
        located = load_located(path)
    except RuleFileError as exc:
        return KnowledgeFileError(str(exc))
    return KnowledgeFileError(str(located.error(where, message)))

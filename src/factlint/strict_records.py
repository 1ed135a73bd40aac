"""Records rebuilt from JSON that nobody vouches for, every value checked against its field's type.

:func:`factlint.model.from_dict` trusts its input, as the JSON report it reads back is factlint's
own. A cache entry is read from a folder that anyone with write access to it (or a repository
that ships one) could have filled, so :func:`decode` accepts only what the record's type hints
allow: a text where a text is due, a whole number where a number is, a list where a tuple is, no
unknown field, and raises :class:`RecordError` at the first mismatch. It builds one checking
function per type, once, so that reading thousands of entries stays quick.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from factlint.dates import StatedDate

T = TypeVar("T")
Check = Callable[[Any], Any]


class RecordError(ValueError):
    """JSON that does not make a record of the type asked for."""


def decode(cls: type[T], data: Any) -> T:
    """The record of type ``cls`` that ``data`` (parsed JSON) describes; :class:`RecordError` if none."""
    try:
        return _checker(cls)(data)  # type: ignore[no-any-return]
    except RecordError:
        raise
    except (TypeError, ValueError, OverflowError) as exc:  # a record's own checks (a span's order)
        raise RecordError(f"{cls.__name__}: {exc}") from exc


@functools.cache
def _checker(hint: Any) -> Check:
    """The function that checks and converts a parsed JSON value for the type ``hint``."""
    if hint is Any:
        return _any
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _optional(hint, args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple_of(_checker(args[0]))
        return _fixed_tuple(tuple(_checker(arg) for arg in args))
    if origin in (dict, collections.abc.Mapping):
        return _mapping_of(_checker(args[1]))
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return _record(hint)
        if issubclass(hint, enum.Enum):
            return _enum(hint)
        if hint is dt.date:
            return _date
        if hint is StatedDate:
            return _stated_date
        if hint in _SCALARS:
            return _SCALARS[hint]
    raise TypeError(f"no JSON form for {hint!r}")


def _any(value: Any) -> Any:
    return value  # parsed JSON is plain data whatever it holds


def _optional(hint: Any, args: tuple[Any, ...]) -> Check:
    options = [arg for arg in args if arg is not type(None)]
    if len(options) != 1 or len(args) != 2:
        raise TypeError(f"no JSON form for {hint!r}")
    inner = _checker(options[0])

    def check(value: Any) -> Any:
        return None if value is None else inner(value)

    return check


def _tuple_of(inner: Check) -> Check:
    def check(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise RecordError(f"expected a list, not {type(value).__name__}")
        return tuple(map(inner, value))

    return check


def _fixed_tuple(inners: tuple[Check, ...]) -> Check:
    if all(inner is _SCALARS[int] for inner in inners):
        return _whole_numbers(len(inners))

    def check(value: Any) -> tuple[Any, ...]:
        if type(value) is not list or len(value) != len(inners):
            raise RecordError(f"expected a list of {len(inners)}")
        return tuple(inner(item) for inner, item in zip(inners, value, strict=True))

    return check


def _whole_numbers(size: int) -> Check:
    """A tuple of ``size`` whole numbers (an offset run), checked without a call per number."""

    def check(value: Any) -> tuple[int, ...]:
        if type(value) is not list or len(value) != size or not all(type(item) is int for item in value):
            raise RecordError(f"expected a list of {size} whole numbers")
        return tuple(value)

    return check


def _mapping_of(inner: Check) -> Check:
    def check(value: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise RecordError(f"expected a mapping, not {type(value).__name__}")
        return {key: inner(item) for key, item in value.items()}  # JSON keys are always text

    return check


def _record(cls: type) -> Check:
    hints = typing.get_type_hints(cls)
    fields = {field.name: _checker(hints[field.name]) for field in dataclasses.fields(cls)}

    def check(value: Any) -> Any:
        if type(value) is not dict:
            raise RecordError(f"{cls.__name__}: expected a mapping, not {type(value).__name__}")
        unknown = value.keys() - fields.keys()
        if unknown:
            raise RecordError(f"{cls.__name__}: unknown field {sorted(unknown)[0]!r}")
        return cls(**{name: fields[name](item) for name, item in value.items()})

    return check


def _enum(cls: type[enum.Enum]) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not str:
            raise RecordError(f"{cls.__name__}: expected text")
        return cls(value)

    return check


def _date(value: Any) -> dt.date:
    if type(value) is not str:
        raise RecordError("a date: expected text")
    return dt.date.fromisoformat(value)


def _stated_date(value: Any) -> StatedDate:
    if type(value) is not str:
        raise RecordError("a stated date: expected text")
    return StatedDate.from_iso(value)


def _exactly(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise RecordError(f"expected {kind.__name__}, not {type(value).__name__}")
        return value

    return check


def _number(value: Any) -> Any:
    # A whole number stays whole: the record had it so, and its JSON must come out the same.
    if type(value) not in (int, float):
        raise RecordError(f"expected a number, not {type(value).__name__}")
    return value


_SCALARS: dict[type, Check] = {str: _exactly(str), int: _exactly(int), bool: _exactly(bool), float: _number}

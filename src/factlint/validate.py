"""The claims table checked with great-expectations suites kept as data in ``expectations/``.

A suite file (``rules/expectations/*.yaml`` or ``.json``; a desk's in ``DIR/expectations/``) is::

    suite: desk-pins                   # optional; the file's stem by default
    description: facts the business desk has checked
    expectations:
      - type: ExpectColumnValuesToBeBetween   # a class of great_expectations.expectations
        where: {subject: amazon, counterparty: anthropic, attribute: investment.total}
        kwargs: {column: value, min_value: 7.5e9, max_value: 8.5e9}
        description: Amazon has put $8 billion into Anthropic (Nov 2024)

``type`` is a great-expectations 1.x expectation class (``ExpectColumnValuesToNotBeNull``) or its
snake-case name; ``kwargs`` are that class's fields. ``where`` keeps the rows whose columns equal
the given values (a list means any of them) and becomes the expectation's ``row_condition``, so a
pin on one fact does not need GX's condition syntax.

great-expectations is imported only when a suite runs (the import takes seconds), with analytics
off, in an ephemeral context with no stores on disk and no data docs: nothing is written.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factlint.knowledge import default_rules_dir
from factlint.located import Located, RuleFileError, load_located

if TYPE_CHECKING:  # pragma: no cover - types only
    import pandas

SUITE_SUFFIXES = (".yaml", ".yml", ".json")
_SUITE_KEYS = ("suite", "description", "expectations")
_EXPECTATION_KEYS = ("type", "kwargs", "where", "description")
_EXAMPLES = 5  # unexpected values shown per failed expectation


class SuiteError(RuleFileError):
    """A mistake in a suite file: ``file:line:col: message`` and the line's text."""


@dataclasses.dataclass(frozen=True)
class Expectation:
    """One expectation of a suite, as its file states it."""

    type: str
    kwargs: Mapping[str, Any]
    where: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    description: str = ""
    index: int = 0

    @property
    def label(self) -> str:
        """``ExpectColumnValuesToBeBetween(value) where attribute=investment.total``: how results name it."""
        column = self.kwargs.get("column") or ",".join(
            str(self.kwargs[key]) for key in ("column_A", "column_B") if key in self.kwargs
        )
        where = " and ".join(f"{key}={_text(value)}" for key, value in self.where.items())
        return f"{self.type}({column})" + (f" where {where}" if where else "")


@dataclasses.dataclass(frozen=True)
class Suite:
    """A named list of expectations read from one file; ``user`` for a desk's suite (FL502)."""

    name: str
    path: str
    expectations: tuple[Expectation, ...]
    description: str = ""
    user: bool = False


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What one expectation found on the claims table."""

    suite: Suite
    expectation: Expectation
    success: bool
    unexpected_count: int
    examples: tuple[Any, ...]
    rows: tuple[int, ...]  # positions in the table of (some of) the unexpected rows

    def to_dict(self) -> dict[str, Any]:
        """The outcome as JSON: suite, file, expectation, kwargs, where, success, counts, examples."""
        return {
            "suite": self.suite.name,
            "path": self.suite.path,
            "expectation": self.expectation.type,
            "label": self.expectation.label,
            "kwargs": dict(self.expectation.kwargs),
            "where": dict(self.expectation.where),
            "description": self.expectation.description,
            "success": self.success,
            "unexpected_count": self.unexpected_count,
            "examples": [_plain(value) for value in self.examples],
            "rows": list(self.rows),
        }


def default_suites_dir() -> Path:
    """The bundled ``rules/expectations`` folder."""
    return default_rules_dir() / "expectations"


def suite_files(folder: Path) -> list[Path]:
    """The suite files of a folder, sorted (none when it does not exist)."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix in SUITE_SUFFIXES and path.is_file())


def default_suites() -> tuple[Suite, ...]:
    """The bundled suites (FL501)."""
    return tuple(load_suite(path) for path in suite_files(default_suites_dir()))


def user_suites(folders: Iterable[str | Path]) -> tuple[Suite, ...]:
    """The suites in each rules folder's ``expectations/`` (FL502)."""
    return tuple(
        load_suite(path, user=True)
        for folder in map(Path, folders)
        for path in suite_files(folder / "expectations")
    )


def load_suite(path: Path, *, user: bool = False) -> Suite:
    """The suite in ``path``, its shape checked; raises :class:`SuiteError` naming the place."""
    stat = path.stat() if path.is_file() else None
    return _load_suite(path, stat.st_mtime_ns if stat else None, user)


@functools.lru_cache(maxsize=64)
def _load_suite(path: Path, mtime: int | None, user: bool) -> Suite:
    """A suite read once per file version (every report of a process runs the bundled suite)."""
    del mtime  # part of the cache key only
    try:
        located = load_located(path)
    except RuleFileError as exc:
        raise SuiteError(str(exc)) from None
    return parse_suite(located, name=path.stem, user=user)


def parse_suite(located: Located, *, name: str, user: bool = False) -> Suite:
    """A suite from a located mapping (a file, or a rule's inline ``expectations`` list)."""
    data = located.value
    if isinstance(data, list):  # an inline list of expectations
        data = {"expectations": data}
    if not isinstance(data, dict):
        raise _error(located, (), "a suite file holds a mapping with suite, description and expectations")
    for key in data:
        if key not in _SUITE_KEYS:
            raise _error(located, (str(key),), f"unknown key {key!r}; allowed: {', '.join(_SUITE_KEYS)}")
    items = data.get("expectations")
    if not isinstance(items, list) or not items:
        raise _error(located, ("expectations",), "expectations must be a non-empty list")
    expectations = tuple(_expectation(located, index, item) for index, item in enumerate(items))
    suite_name = data.get("suite", name)
    if not isinstance(suite_name, str) or not suite_name.strip():
        raise _error(located, ("suite",), "suite must be a non-empty name")
    return Suite(
        name=suite_name,
        path=str(located.path),
        expectations=expectations,
        description=" ".join(str(data.get("description") or "").split()),
        user=user,
    )


def _expectation(located: Located, index: int, item: Any) -> Expectation:
    where = ("expectations", str(index))
    if not isinstance(item, dict):
        raise _error(located, where, "an expectation is a mapping with type and kwargs")
    for key in item:
        if key not in _EXPECTATION_KEYS:
            raise _error(
                located, (*where, str(key)), f"unknown key {key!r}; allowed: {', '.join(_EXPECTATION_KEYS)}"
            )
    kind = item.get("type")
    if not isinstance(kind, str) or not (kind.isascii() and kind.replace("_", "").isalpha()):
        raise _error(located, (*where, "type"), "type must name an expectation: ExpectColumnValuesToBeInSet")
    kind = _class_name(kind)
    for key in ("kwargs", "where"):
        if not isinstance(item.get(key) or {}, dict):
            raise _error(located, (*where, key), f"{key} must be a mapping")
    conditions = item.get("where") or {}
    for column, value in conditions.items():
        if isinstance(value, (dict, list)) and not (
            isinstance(value, list) and value and all(not isinstance(v, (dict, list)) for v in value)
        ):
            raise _error(
                located,
                (*where, "where", str(column)),
                "a where value is a value or a non-empty list of values",
            )
    expectation = Expectation(
        type=kind,
        kwargs=dict(item.get("kwargs") or {}),
        where=dict(conditions),
        description=" ".join(str(item.get("description") or "").split()),
        index=index,
    )
    try:
        _build(expectation)
    except (TypeError, ValueError, AttributeError) as exc:  # pydantic's errors are ValueErrors
        raise _error(located, where, f"{kind}: {_first_line(exc)}") from None
    return expectation


def _error(located: Located, where: tuple[str, ...], message: str) -> SuiteError:
    return SuiteError(str(located.error(where, message)))


def _class_name(kind: str) -> str:
    """``expect_column_values_to_be_between`` -> ``ExpectColumnValuesToBeBetween``."""
    if "_" in kind or kind.islower():
        return "".join(part.capitalize() for part in kind.split("_"))
    return kind


def _first_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return "; ".join(lines[:3]) if lines else type(exc).__name__


@functools.cache
def _gx() -> Any:
    """great_expectations, imported once with analytics off."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations

    return great_expectations


def _build(expectation: Expectation) -> Any:
    """The great-expectations object for ``expectation`` (raises when the type or kwargs are wrong)."""
    gx = _gx()
    import great_expectations.expectations as gxe

    cls = getattr(gxe, expectation.type, None)
    if not isinstance(cls, type) or not issubclass(cls, gx.expectations.Expectation):
        raise ValueError(f"no such expectation in great_expectations.expectations: {expectation.type}")
    kwargs = dict(expectation.kwargs)
    if expectation.where:
        kwargs["row_condition"] = _condition(expectation.where)
    if expectation.description:
        kwargs.setdefault("description", expectation.description)
    return cls(**kwargs)


def _condition(where: Mapping[str, Any]) -> Any:
    """``where`` as a great-expectations row condition: each column equal to (one of) its value(s)."""
    from great_expectations.expectations.row_conditions import AndCondition, Column

    parts = [
        Column(str(column)).is_in(value) if isinstance(value, list) else Column(str(column)) == value
        for column, value in where.items()
    ]
    return parts[0] if len(parts) == 1 else AndCondition(conditions=parts)


@functools.cache
def _batch_definition() -> Any:
    """One ephemeral context for the process: in-memory stores, no analytics, no progress bars."""
    gx = _gx()
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    asset = context.data_sources.add_pandas("factlint").add_dataframe_asset("claims")
    return asset.add_batch_definition_whole_dataframe("claims table")


def run_suites(frame: pandas.DataFrame, suites: Sequence[Suite]) -> list[Outcome]:
    """Each expectation of each suite run over ``frame``, in the suites' order.

    A first pass asks great-expectations only whether each expectation holds (half the metrics);
    the failed ones run again for their unexpected values and rows.
    """
    if not suites:
        return []
    import pandas

    # The same table is often validated again in one process (a report's FL501 and FL502, the
    # pytest plugin, repeated runs over one corpus): keep the last results by content.
    key = (int(pandas.util.hash_pandas_object(frame, index=False).sum()), len(frame), repr(tuple(suites)))
    if key in _RESULTS:
        return list(_RESULTS[key])
    outcomes = _run_suites(frame, suites)
    if len(_RESULTS) >= 64:
        _RESULTS.pop(next(iter(_RESULTS)))
    _RESULTS[key] = tuple(outcomes)
    return outcomes


_RESULTS: dict[tuple[int, int, str], tuple[Outcome, ...]] = {}


def _run_suites(frame: pandas.DataFrame, suites: Sequence[Suite]) -> list[Outcome]:
    batch = _batch_definition().get_batch(batch_parameters={"dataframe": frame.reset_index(drop=True)})
    outcomes = []
    for suite in suites:
        vacuous = {index for index, item in enumerate(suite.expectations) if _vacuous(item, frame)}
        asked = [index for index in range(len(suite.expectations)) if index not in vacuous]
        passed = _validate(batch, suite, asked, "BOOLEAN_ONLY") if asked else {}
        failed = [index for index, result in passed.items() if not result.success]
        details = _validate(batch, suite, failed, "COMPLETE") if failed else {}
        for index, expectation in enumerate(suite.expectations):
            if index in vacuous:
                outcomes.append(Outcome(suite, expectation, True, 0, (), ()))
            else:
                outcomes.append(_outcome(suite, expectation, details.get(index, passed[index])))
    return outcomes


def _vacuous(expectation: Expectation, frame: pandas.DataFrame) -> bool:
    """Whether a per-row expectation's ``where`` keeps no row, so that it holds without asking GX.

    A desk's pin on one fact matches nothing in most runs; skipping it saves a validation per run.
    Expectations about the table as a whole (row counts, ...) are always asked.
    """
    if not expectation.where or not expectation.type.startswith(("ExpectColumnValues", "ExpectColumnPair")):
        return False
    keep = None
    for column, value in expectation.where.items():
        if column not in frame.columns:
            return False  # let GX say what is wrong
        test = frame[column].isin(value if isinstance(value, list) else [value])
        keep = test if keep is None else keep & test
    return keep is not None and not bool(keep.any())


def _validate(batch: Any, suite: Suite, indexes: Iterable[int], result_format: str) -> dict[int, Any]:
    """The results of the expectations at ``indexes``, by index (GX groups them by metric)."""
    gx_suite = _gx().ExpectationSuite(name=suite.name)
    for index in indexes:
        built = _build(suite.expectations[index])
        built.meta = {**(built.meta or {}), "factlint_index": index}
        gx_suite.add_expectation(built)
    result = batch.validate(gx_suite, result_format={"result_format": result_format})
    return {r.expectation_config.meta["factlint_index"]: r for r in result.results}


def _outcome(suite: Suite, expectation: Expectation, result: Any) -> Outcome:
    details = result.result or {}
    unexpected = list(details.get("unexpected_list") or details.get("partial_unexpected_list") or [])
    rows = details.get("unexpected_index_list") or details.get("partial_unexpected_index_list") or []
    if result.exception_info and result.exception_info.get("raised_exception"):
        message = result.exception_info.get("exception_message") or "raised an exception"
        unexpected = [f"error: {_first_line(Exception(message))}"]
    return Outcome(
        suite=suite,
        expectation=expectation,
        success=bool(result.success),
        unexpected_count=int(details.get("unexpected_count") or 0),
        examples=tuple(unexpected[:_EXAMPLES]),
        rows=tuple(int(row) for row in rows if isinstance(row, (int, float)) and row == row),
    )


def _plain(value: Any) -> Any:
    """A value JSON can hold: NaN as None, numpy scalars as Python ones, pairs as lists."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _text(value: Any) -> str:
    return "|".join(map(str, value)) if isinstance(value, list) else str(value)

"""Units of measure made comparable: "15ft" and "3.7 metres" are both lengths, in metres.

The conversion is pint's (its default registry, loaded once, on the first unit it is asked about),
never a table of our own. A unit id of ``rules/units.yaml`` that pint does not know ("km2") is
left as it is: its figures are compared only with figures of the same id.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from factlint.model import Claim, Precision

# Ids of rules/units.yaml that pint spells otherwise.
_PINT_NAMES = {"km2": "km**2", "kph": "km/hour"}


@functools.cache
def _registry() -> Any:
    import pint  # loaded on first use: a run without units of measure never pays for it

    return pint.UnitRegistry(cache_folder=None)


@functools.lru_cache(maxsize=256)
def base_of(unit: str) -> tuple[str, float] | None:
    """The base unit a unit id converts to and the factor to it (``foot``: ``meter``, 0.3048).

    None when pint does not know the id, or knows it as a dimensionless number.
    """
    if not unit or not unit.replace("_", "").isalnum():
        return None
    try:
        quantity = _registry().Quantity(1.0, _PINT_NAMES.get(unit, unit)).to_base_units()
    except Exception:  # pint raises its own errors for unknown or malformed units
        return None
    if quantity.dimensionless:
        return None
    return str(quantity.units), float(quantity.magnitude)


def same_dimension(unit: str, other: str) -> bool:
    """Whether figures in the two unit ids can be converted into each other."""
    if unit == other:
        return True
    mine, theirs = base_of(unit), base_of(other)
    return mine is not None and theirs is not None and mine[0] == theirs[0]


def in_unit(claim: Claim, unit: str) -> Claim:
    """The claim with its quantity converted to ``unit`` (its text, as written, is kept).

    A claim already in ``unit``, or whose unit does not convert to it, comes back as it is.
    """
    quantity = claim.quantity
    if quantity is None or quantity.unit == unit or not same_dimension(quantity.unit, unit):
        return claim
    factor = base_of(quantity.unit)[1] / base_of(unit)[1]  # type: ignore[index]
    converted = dataclasses.replace(
        quantity,
        value=_times(quantity.value, factor),
        low=_times(quantity.low, factor),
        high=_times(quantity.high, factor),
        unit=unit,
        precision=_scaled(quantity.precision, factor),
    )
    return dataclasses.replace(claim, quantity=converted)


def _times(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _scaled(precision: Precision | None, factor: float) -> Precision | None:
    if precision is None:
        return None
    return dataclasses.replace(
        precision,
        step=_times(precision.step, factor),
        scale=_times(precision.scale, factor),
    )

"""The check kinds: one small module each, each registering itself in :mod:`factlint.rules.kinds`.

A kind is a function from the run's :class:`~factlint.rules.context.Context` and one rule of
the catalogue to findings; it declares the fields its message templates may use and the
parameters (with defaults) a rule file may set. A rule file in ``rules/checks/`` picks a kind and
gives it a code, a severity, a message and examples. Importing this package registers every kind.
"""

from __future__ import annotations

import importlib
import pkgutil

from factlint.rules.kinds import KINDS, Check, Kind, register

__all__ = ["KINDS", "Check", "Kind", "register"]


def _load_kinds() -> None:
    """Import every kind module so that each registers itself."""
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        importlib.import_module(f"{__name__}.{module.name}")


_load_kinds()

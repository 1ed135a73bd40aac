"""Run settings from the project: ``[tool.factlint]`` in ``pyproject.toml`` or a ``factlint.toml``.

    [tool.factlint]            # in factlint.toml the same keys stand at the top
    rules = ["newsroom-rules"]  # folders layered over the bundled rules/, in order
    select = ["FL2", "time"]    # codes, code prefixes or dotted names; empty: all
    ignore = ["FL203"]
    severity = {FL204 = "error"}

Command-line ``--rules`` folders come after the configured ones; ``--select`` and ``--ignore``
replace the configured lists. Folder paths are relative to the file that names them.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

from factlint.located import RuleFileError
from factlint.model import Severity

CONFIG_FILES = ("factlint.toml", "pyproject.toml")


@dataclasses.dataclass(frozen=True)
class Settings:
    """The rule folders, selectors and severity overrides a project asks for."""

    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = dataclasses.field(default_factory=dict)
    path: Path | None = None


def find_settings(folder: Path, *, upward: bool = False) -> Settings:
    """The settings of the first config file found in ``folder`` (none: the defaults).

    With ``upward``, the folder's parents are searched too, nearest first, as a linter finds the
    settings of the project a draft belongs to.
    """
    folders = [folder, *folder.resolve().parents] if upward else [folder]
    for place in folders:
        for name in CONFIG_FILES:
            path = place / name
            if path.is_file():
                settings = read_settings(path)
                if settings is not None:
                    return settings
    return Settings()


def read_settings(path: Path) -> Settings | None:
    """The settings in ``path`` (None for a pyproject.toml without ``[tool.factlint]``)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RuleFileError(f"{path}:1:1: cannot read the settings: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factlint")
        if data is None:
            return None
    unknown = set(data) - {"rules", "select", "ignore", "severity"}
    if unknown:
        raise RuleFileError(f"{path}:1:1: unknown factlint setting(s): {', '.join(sorted(unknown))}")
    severity: dict[str, Severity] = {}
    for selector, level in _mapping(path, data, "severity").items():
        try:
            severity[str(selector)] = Severity(str(level))
        except ValueError:
            raise RuleFileError(
                f"{path}:1:1: severity of {selector} must be error, warning or info"
            ) from None
    return Settings(
        rules=tuple((path.parent / folder).resolve() for folder in _strings(path, data, "rules")),
        select=_strings(path, data, "select"),
        ignore=_strings(path, data, "ignore"),
        severity=severity,
        path=path,
    )


def _strings(path: Path, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuleFileError(f"{path}:1:1: {key} must be a list of texts")
    return tuple(value)


def _mapping(path: Path, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise RuleFileError(f'{path}:1:1: {key} must be a table such as {{FL204 = "error"}}')
    return value

"""YAML read with the line and column of every value, for every file of rules and knowledge.

A mistake in a user's rule or knowledge file is then reported as ``rules/people.yaml:14:3`` with
the offending line. Files are loaded by :mod:`factlint.safe_yaml`: bounded, safe, and with a key
given twice in one mapping refused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from factlint.safe_yaml import Document, YAMLLoadError, load, locate

Path_ = tuple[str, ...]


class RuleFileError(ValueError):
    """A mistake in a rule or knowledge file: ``file:line:col: message`` and the line's text."""


@dataclasses.dataclass(frozen=True)
class Located:
    """A file's content as plain Python, with the position (line, column; from 1) of each value.

    ``marks`` are given, or found from ``node`` (the composed document) when an error needs them.
    """

    path: Path
    text: str
    value: Any
    marks: Mapping[Path_, tuple[int, int]] = dataclasses.field(default_factory=dict)
    node: yaml.Node | None = dataclasses.field(default=None, repr=False, compare=False)

    def position(self, where: Path_) -> tuple[int, int]:
        """The line and column of the value at ``where`` (or the nearest enclosing one)."""
        marks = self.marks
        if not marks and self.node is not None:
            marks = Document(self.value, self.node).positions()
        return locate(dict(marks), where)

    def error(self, where: Path_, message: str) -> RuleFileError:
        """An error pointing at the value at ``where`` (or the nearest enclosing one)."""
        line, column = self.position(where)
        return error_at(self.path, self.text, line, column, message)


def error_at(path: Path, text: str, line: int, column: int, message: str) -> RuleFileError:
    """``file:line:col: message`` and the text of that line."""
    lines = text.splitlines()
    excerpt = lines[line - 1].rstrip() if 0 < line <= len(lines) else ""
    return RuleFileError(f"{path}:{line}:{column}: {message}\n    {excerpt}")


def load_located(path: Path) -> Located:
    """The YAML file at ``path`` with positions; a read, syntax, size or duplicate key error says where."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}:1:1: cannot read: {exc}") from exc
    try:
        document = load(text)
    except YAMLLoadError as exc:
        raise error_at(path, text, exc.line, exc.column, exc.message) from None
    return Located(path, text, document.value, node=document.node)

"""YAML read with the line and column of every value.

A mistake in a user's rule or knowledge file is then reported as ``rules/people.yaml:14:3`` with
the offending line.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str, ...]


class RuleFileError(ValueError):
    """A mistake in a rule or knowledge file: ``file:line:col: message`` and the line's text."""


@dataclasses.dataclass(frozen=True)
class Located:
    """A file's content as plain Python, with the position (line, column; from 1) of each value."""

    path: Path
    text: str
    value: Any
    marks: dict[Path_, tuple[int, int]]

    def error(self, where: Path_, message: str) -> RuleFileError:
        """An error pointing at the value at ``where`` (or the nearest enclosing one)."""
        for cut in range(len(where), -1, -1):
            if where[:cut] in self.marks:
                line, column = self.marks[where[:cut]]
                break
        else:
            line, column = 1, 1
        lines = self.text.splitlines()
        excerpt = lines[line - 1].rstrip() if 0 < line <= len(lines) else ""
        return RuleFileError(f"{self.path}:{line}:{column}: {message}\n    {excerpt}")


_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it


def load_located(path: Path) -> Located:
    """The YAML file at ``path`` with positions; any read or syntax error names the place."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}:1:1: cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=_FAST)
        value = yaml.load(text, Loader=_FAST)
    except yaml.YAMLError:
        node, value = _parse_slowly(path, text)
    marks: dict[Path_, tuple[int, int]] = {}
    if node is not None:
        _walk(node, (), marks)
    return Located(path, text, value, marks)


def _parse_slowly(path: Path, text: str) -> tuple[yaml.Node | None, Any]:
    """Parse with the pure-Python parser, whose errors say where they are."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(exc.problem or exc).split())
        located = Located(path, text, None, {(): (line, column)})
        raise located.error((), f"not valid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}:1:1: not valid YAML: {' '.join(str(exc).split())}") from exc


def _walk(node: yaml.Node, where: Path_, marks: dict[Path_, tuple[int, int]]) -> None:
    marks[where] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key, child in node.value:
            _walk(child, (*where, str(key.value)), marks)
            marks[(*where, str(key.value))] = (key.start_mark.line + 1, key.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _walk(child, (*where, str(index)), marks)

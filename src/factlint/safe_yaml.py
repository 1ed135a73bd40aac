"""Every YAML text factlint reads, loaded one safe way.

The text is composed once (with libyaml when PyYAML has it) into a node graph that is checked
before any value is built: its length, the number of alias references, the size the document
expands to through aliases and merge keys (``<<``, which PyYAML flattens while building, so an
alias bomb made of merges explodes there), cycles, and keys given twice in one mapping. Values are
then built from that node graph by the safe constructors only. Every problem is one
:class:`YAMLLoadError` with the line and column it is at.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, ClassVar

import yaml

Where = tuple[str, ...]

_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclasses.dataclass(frozen=True)
class Limits:
    """How big a document may be: characters, alias references, values once aliases are expanded."""

    chars: int
    aliases: int
    nodes: int


# Rule and knowledge files: the bundled rules/ hold at most 47 kB and 2,200 values a file and use
# 7 aliases in all; a 4 MB file of plain values composes in about 600 MB at the very worst.
FILE_LIMITS = Limits(chars=4_000_000, aliases=10_000, nodes=1_000_000)
# Front matter: a few lines of metadata; the bounds it has always had, and its length.
FRONT_MATTER_LIMITS = Limits(chars=1_000_000, aliases=100, nodes=20_000)


class YAMLLoadError(ValueError):
    """The text is not YAML factlint accepts; ``line`` and ``column`` (from 1) say where."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.message, self.line, self.column = message, line, column


@dataclasses.dataclass(frozen=True)
class Duplicate:
    """A key given again in one mapping: where it is given again, and the line it was first at."""

    key: str
    line: int
    column: int
    first_line: int

    @property
    def message(self) -> str:
        """``duplicate key 'x' (first at line N)``."""
        return f"duplicate key {self.key!r} (first at line {self.first_line})"


@dataclasses.dataclass(frozen=True)
class Document:
    """A loaded document: its value, the node graph it was built from, and any duplicate keys."""

    value: Any
    node: yaml.Node | None
    duplicates: tuple[Duplicate, ...] = ()

    def positions(self) -> dict[Where, tuple[int, int]]:
        """The line and column (from 1) of each value by its path of keys and list indexes.

        A key's path points at the key. What is reached through an alias is not listed again: its
        path falls back, in :func:`locate`, to the alias's enclosing value.
        """
        marks: dict[Where, tuple[int, int]] = {}
        for where, node, key in _tree(self.node):
            mark = (key or node).start_mark
            marks[where] = (mark.line + 1, mark.column + 1)
        return marks


_FAST: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_FAST):
    """The safe loader (libyaml's parser when available)."""


class _TextDatesLoader(_FAST):
    """The safe loader with timestamps kept as the strings they are written as."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def load(
    text: str,
    *,
    limits: Limits = FILE_LIMITS,
    timestamps: bool = True,
    allow_duplicates: bool = False,
) -> Document:
    """The YAML document in ``text``, checked against ``limits`` before it is built.

    ``timestamps=False`` keeps dates as written (strings). A key given twice in one mapping raises
    at its second place unless ``allow_duplicates``; then the last value wins, as in YAML loaders,
    and the duplicates are listed. Anything else wrong raises :class:`YAMLLoadError`.
    """
    if len(text) > limits.chars:
        raise YAMLLoadError(f"more than {limits.chars:,} characters; refused")
    loader = None
    try:
        loader = (_Loader if timestamps else _TextDatesLoader)(text)
        node = loader.get_single_node()
        if node is None:
            return Document(None, None)
        duplicates = _duplicates(loader, _check_graph(node, limits))
        if duplicates and not allow_duplicates:
            first = duplicates[0]
            raise YAMLLoadError(first.message, first.line, first.column)
        return Document(loader.construct_document(node), node, duplicates)
    except YAMLLoadError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "no detail").split())
        raise _at(f"not valid YAML: {problem}", mark) from None
    except yaml.YAMLError as exc:
        raise YAMLLoadError(f"not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise YAMLLoadError("not valid YAML: nested too deeply") from None
    except (
        Exception
    ) as exc:  # a constructor's own: ValueError (!!timestamp 2024-13-45), IndexError (!!int "")
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise YAMLLoadError(f"not valid YAML: {detail}"[:300]) from None
    finally:
        if loader is not None:
            loader.dispose()


def _at(message: str, mark: yaml.Mark | None) -> YAMLLoadError:
    return YAMLLoadError(message, mark.line + 1, mark.column + 1) if mark else YAMLLoadError(message)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_graph(root: yaml.Node, limits: Limits) -> list[yaml.MappingNode]:
    """Refuse too many aliases, an alias inside what it names, and a too large expansion.

    Returns the document's mappings. One pass over the distinct nodes counts them and their
    edges: a document without aliases is a tree (one edge fewer than nodes) and expands to no more
    than it holds. Otherwise :func:`_expanded` measures the expansion without making it.
    """
    seen = {root}
    mappings = []
    edges = 0
    stack = [root]
    mapping_node, sequence_node = yaml.MappingNode, yaml.SequenceNode
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is mapping_node:
            mappings.append(node)
            children = [child for pair in node.value for child in pair]
        elif kind is sequence_node:
            children = node.value
        else:
            continue
        edges += len(children)
        for child in children:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    aliases = edges - (len(seen) - 1)  # a tree has one edge to each node but the root
    if aliases > limits.aliases:
        raise YAMLLoadError(f"more than {limits.aliases:,} aliases (an alias bomb?)")
    if aliases or len(seen) > limits.nodes:
        _expanded(root, limits)
    return mappings


def _expanded(root: yaml.Node, limits: Limits) -> None:
    """Refuse an alias inside what it names, and an expansion beyond ``limits.nodes``.

    Each distinct node is visited once, depth first without recursion; its expanded size is one
    plus its children's.
    """
    size: dict[yaml.Node, int] = {}
    entered: set[yaml.Node] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            total = 1 + sum(size[child] for child in _children(node))
            if total > limits.nodes:
                raise _at(f"expands to more than {limits.nodes:,} values (an alias bomb?)", node.start_mark)
            size[node] = total
        elif node not in size:
            entered.add(node)
            stack.append((node, True))
            for child in _children(node):
                if child in entered and child not in size:  # one of its own ancestors
                    raise _at("an alias refers to a value that contains it", child.start_mark)
                stack.append((child, False))


def _duplicates(loader: Any, mappings: list[yaml.MappingNode]) -> tuple[Duplicate, ...]:
    """Keys given twice in one mapping (merged ``<<`` keys may be overridden), in text order."""
    found = []
    scalar_node = yaml.ScalarNode
    for node in mappings:
        first: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            tag = key_node.tag
            if tag == _STR:
                key = key_node.value
            elif type(key_node) is scalar_node and tag != _MERGE:
                key = loader.construct_object(key_node)
            else:
                continue
            try:
                earlier = first.setdefault(key, key_node)
            except TypeError:  # unhashable: the constructor says so
                continue
            if earlier is not key_node:
                mark = key_node.start_mark
                found.append(Duplicate(str(key), mark.line + 1, mark.column + 1, earlier.start_mark.line + 1))
    return tuple(sorted(found, key=lambda duplicate: (duplicate.line, duplicate.column)))


def _tree(root: yaml.Node | None) -> Iterator[tuple[Where, yaml.Node, yaml.Node | None]]:
    """Every distinct node under ``root`` once, as ``(path, node, its key node or None)``."""
    if root is None:
        return
    seen: set[int] = set()
    stack: list[tuple[Where, yaml.Node, yaml.Node | None]] = [((), root, None)]
    while stack:
        where, node, key = stack.pop()
        yield where, node, key
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(((*where, str(k.value)), v, k) for k, v in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(((*where, str(i)), v, None) for i, v in reversed(list(enumerate(node.value))))


def locate(marks: dict[Where, tuple[int, int]], where: Where) -> tuple[int, int]:
    """The position of ``where``, or of the nearest value that encloses it; (1, 1) when none."""
    for cut in range(len(where), -1, -1):
        if where[:cut] in marks:
            return marks[where[:cut]]
    return 1, 1

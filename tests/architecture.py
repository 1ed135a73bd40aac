"""The shape of the house, read from the source: each module's stage and what it imports.

Every ``import`` and ``from ... import`` of factlint in a module counts, wherever it stands (at
the top, inside a function, under ``TYPE_CHECKING``): a late import is still an arrow. The stages,
in order, and what each may import:

- base: records, knowledge, YAML, dates and small helpers every stage needs;
- ingest (files to sources), extract (sources to claims), match (claims to groups),
  structured (claims tables to groups);
- rules: judgement of records only, so base and match and nothing else, and no text pattern;
- report, then run (engines, pipeline, caches, evaluation), then faces (command line, plugin).
"""

from __future__ import annotations

import ast
import dataclasses
import functools
from collections.abc import Iterator, Mapping
from pathlib import Path

STAGES = ("base", "ingest", "extract", "match", "structured", "rules", "report", "run", "faces")

# Modules or packages (the longest prefix wins) and their stage.
STAGE_OF = {
    "factlint.version": "base",
    "factlint.model": "base",
    "factlint.dates": "base",
    "factlint.safe_yaml": "base",
    "factlint.located": "base",
    "factlint.knowledge": "base",
    "factlint.knowledge_schema": "base",
    "factlint.people": "base",
    "factlint.memory": "base",
    "factlint.bulk": "base",
    "factlint.strict_records": "base",
    "factlint.generated": "base",
    "factlint.temporary": "base",
    "factlint.tables": "base",
    "factlint.words": "base",
    "factlint.guessed": "base",
    "factlint.ingest": "ingest",
    "factlint.extract": "extract",
    "factlint.match": "match",
    "factlint.structured": "structured",
    "factlint.rules": "rules",
    "factlint.validate": "rules",
    "factlint.report": "report",
    "factlint.engines": "run",
    "factlint.pipeline": "run",
    "factlint.cache": "run",
    "factlint.runcache": "run",
    "factlint.testing": "run",
    "factlint.rule_examples": "run",
    "factlint.eval": "run",
    "factlint.run_setup": "run",
    "factlint.cli": "faces",
    "factlint.pytest_plugin": "faces",
    "factlint": "faces",  # the package itself: the public API (factlint.claims_table)
}

# Stages with a narrower allowance than "any stage before".
ONLY = {"rules": frozenset({"base", "match", "rules"})}

# What rules/ may not do: read text with patterns, or slice a source's text.
TEXT_MODULES = frozenset({"re", "regex", "fnmatch"})


@dataclasses.dataclass(frozen=True)
class Import:
    """One arrow: ``importer`` imports ``imported`` at ``line``."""

    importer: str
    imported: str
    line: int


def module_name(root: Path, path: Path) -> str:
    """The dotted name of the module at ``path`` under the source folder ``root``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path) -> dict[str, Path]:
    """Every module of the factlint package under ``root`` by name."""
    return {module_name(root, path): path for path in sorted((root / "factlint").rglob("*.py"))}


def imports(root: Path) -> Iterator[Import]:
    """Every import of a factlint module by a factlint module, resolved to the module it names."""
    known = modules(root)
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _nodes(path):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                # "from package import module" names the module; "from module import name" the module.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                    for alias in node.names
                ]
            else:
                continue
            for target in dict.fromkeys(targets):
                if target == "factlint" or target.startswith("factlint."):
                    yield Import(name, _resolve(target, known), node.lineno)


def _nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of the module at ``path``, parsed once for each version of the file."""
    status = path.stat()
    return _parsed(str(path), status.st_mtime_ns, status.st_size)


@functools.cache
def _parsed(path: str, _mtime: int, _size: int) -> tuple[ast.AST, ...]:
    return tuple(ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"), path)))


def _resolve(target: str, known: Mapping[str, Path]) -> str:
    """The module an import names: itself, or its longest known prefix (an attribute import)."""
    while target not in known and "." in target:
        target = target.rpartition(".")[0]
    return target


def stage_of(module: str) -> str | None:
    """The stage of ``module``: that of its longest prefix in :data:`STAGE_OF` (None if none)."""
    name = module
    while "." in name:
        if name in STAGE_OF:
            return STAGE_OF[name]
        name = name.rpartition(".")[0]
    return STAGE_OF["factlint"] if module == "factlint" else None


def allowed(importer: str, imported: str) -> bool:
    """Whether a module of stage ``importer`` may import one of stage ``imported``."""
    if importer in ONLY:
        return imported in ONLY[importer]
    return STAGES.index(imported) <= STAGES.index(importer)


def stage_problems(root: Path) -> list[str]:
    """Modules without a stage, and imports of a later (or forbidden) stage, as readable lines."""
    problems = [f"{name}: no stage (add it to STAGE_OF)" for name in modules(root) if stage_of(name) is None]
    for arrow in imports(root):
        importer, imported = stage_of(arrow.importer), stage_of(arrow.imported)
        if importer and imported and not allowed(importer, imported):
            problems.append(
                f"{arrow.importer}:{arrow.line} ({importer}) imports {arrow.imported} ({imported})"
            )
    return problems


def cycles(root: Path) -> list[list[str]]:
    """The groups of modules that import one another, directly or in a loop (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {name: set() for name in modules(root)}
    for arrow in imports(root):
        if arrow.imported != arrow.importer:
            graph[arrow.importer].add(arrow.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for child in sorted(graph[node]):
            if child not in index:
                visit(child)
                low[node] = min(low[node], low[child])
            elif child in on_stack:
                low[node] = min(low[node], index[child])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def text_readers(root: Path) -> list[str]:
    """Places in ``factlint/rules/`` that read text: a pattern module imported, a source's text used."""
    found = []
    for name, path in modules(root).items():
        if stage_of(name) != "rules":
            continue
        for node in _nodes(path):
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [(node.module or "").split(".")[0]]
            else:
                names = []
            found += [f"{name}:{node.lineno} imports {module}" for module in names if module in TEXT_MODULES]
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "text"
                and isinstance(node.value, ast.Name)
                and node.value.id.endswith("source")
            ):
                found.append(f"{name}:{node.lineno} reads {node.value.id}.text")
    return found

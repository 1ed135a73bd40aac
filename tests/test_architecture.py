"""The stages are real boundaries: no import of a later stage, no cycle, no text read in rules/.

The checks read the source with :mod:`tests.architecture`; each is also run on a copy of the tree
with a deliberate fault, to show that it fails when the shape is broken.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.architecture import cycles, imports, stage_of, stage_problems, text_readers

SOURCE = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the source tree to break on purpose (each test adds to its own file)."""
    root = tmp_path_factory.mktemp("src")
    shutil.copytree(SOURCE / "factlint", root / "factlint")
    return root


def _add(root: Path, module: str, line: str) -> None:
    path = root / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


def test_the_walk_sees_the_imports_that_run_late():
    arrows = {(arrow.importer, arrow.imported) for arrow in imports(SOURCE)}
    # At the top, inside a function (pandas-only code), and a module named by "from package import".
    assert ("factlint.pipeline", "factlint.rules.engine") in arrows
    assert ("factlint", "factlint.tables") in arrows
    assert ("factlint.engines", "factlint.engines.local") in arrows


def test_every_module_has_a_stage_and_imports_only_earlier_ones():
    assert stage_problems(SOURCE) == []


def test_a_back_import_is_caught(tree: Path):
    _add(tree, "factlint.model", "def _late():\n    from factlint import pipeline  # noqa")
    _add(tree, "factlint.rules.selection", "from factlint.extract import numbers  # noqa")
    problems = stage_problems(tree)
    assert any(line.startswith("factlint.model:") and "factlint.pipeline (run)" in line for line in problems)
    assert any(
        line.startswith("factlint.rules.selection:") and "factlint.extract.numbers (extract)" in line
        for line in problems
    )


def test_a_module_without_a_stage_is_caught(tree: Path):
    (tree / "factlint" / "stray.py").write_text('"""A module nobody placed."""\n', encoding="utf-8")
    assert "factlint.stray: no stage (add it to STAGE_OF)" in stage_problems(tree)
    assert stage_of("factlint.rules.checks.arithmetic") == "rules"


def test_no_two_modules_import_each_other():
    assert cycles(SOURCE) == []


def test_a_cycle_is_caught(tree: Path):
    _add(tree, "factlint.match.intervals", "from factlint.match import reconcile  # noqa")
    loops = cycles(tree)
    assert any({"factlint.match.intervals", "factlint.match.reconcile"} <= set(loop) for loop in loops)


def test_rules_read_no_text():
    assert text_readers(SOURCE) == []


def test_text_read_in_rules_is_caught(tree: Path):
    _add(tree, "factlint.rules.selection", "import re  # noqa\n\n\ndef _f(source):\n    return source.text")
    found = text_readers(tree)
    assert any("factlint.rules.selection" in line and "imports re" in line for line in found)
    assert any("factlint.rules.selection" in line and "reads source.text" in line for line in found)

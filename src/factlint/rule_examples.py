"""Running a rule's examples: its inline sources written to a folder and read like any corpus.

A test helper of the run stage (beside :mod:`factlint.testing`): it builds a whole report with the
pipeline, which the rules themselves may not import. ``tests/rules/test_examples.py`` runs every
example of the catalogue with it.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Mapping
from pathlib import Path

from factlint.model import Finding
from factlint.pipeline import build_report
from factlint.rules.base import Example, Rule


def run_example(example: Example, catalogue: Mapping[str, Rule]) -> list[Finding]:
    """Every finding of the whole catalogue on the example's sources."""
    owner = catalogue.get(example.code)
    if example.params and owner is not None:
        catalogue = {
            **catalogue,
            example.code: dataclasses.replace(owner, params={**owner.params, **example.params}),
        }
    with tempfile.TemporaryDirectory(prefix="factlint-example-") as folder:
        paths = []
        for index, source in enumerate(example.sources):
            path = Path(folder) / f"{index:02d}-{source.name}"
            text = source.text
            if source.published is not None and path.suffix == ".txt" and "Published:" not in text:
                text = f"Published: {source.published.isoformat()}\n\n{text}"
            elif (
                source.published is not None and path.suffix == ".md" and not text.startswith(("---", "+++"))
            ):
                text = f"---\ndate: {source.published.isoformat()}\n---\n{text}"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        report = build_report(paths, catalogue=catalogue)
    return [
        finding for finding in report.findings if finding.code.startswith("FL") and finding.code < "FL900"
    ]


def check_example(example: Example, catalogue: Mapping[str, Rule]) -> list[str]:
    """What is wrong with ``example`` under ``catalogue``: missing or unwanted codes (empty when right)."""
    found = {finding.code for finding in run_example(example, catalogue)}
    problems = [f"{code} not raised" for code in example.raises if code not in found]
    problems += [f"{code} raised" for code in example.clean if code in found]
    return problems

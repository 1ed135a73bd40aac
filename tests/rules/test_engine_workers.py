"""With workers, the heavy rules run whole in one of them and the findings stay the same."""

from __future__ import annotations

import os
from pathlib import Path

from factlint.knowledge import default_knowledge
from factlint.model import Severity
from factlint.pipeline import build_report
from factlint.rules import engine
from factlint.rules.catalogue import Rule, load_catalogue
from factlint.rules.checks import KINDS, Kind
from factlint.rules.context import finding

from ..conftest import ROOT, SEEDS, check_context

STORIES = ROOT / "fixtures" / "stories"


def test_heavy_rules_run_in_a_worker_beside_the_document_rules(monkeypatch, tmp_path):
    ran_in = tmp_path / "pids"

    def heavy(context, rule):
        with ran_in.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        for source in context.sources:
            yield finding(context, rule, source.id, label=Path(source.path).name)

    monkeypatch.setitem(KINDS, "test_heavy", Kind("test_heavy", heavy, ("label",), heavy=True))
    fake = Rule("FL599", "table.test_heavy", "test_heavy", Severity.INFO, "weighed {label}", "", "", ())
    catalogue = {"FL599": fake} | {
        code: rule for code, rule in load_catalogue().items() if not code.startswith("FL5")
    }
    report = build_report([SEEDS, *sorted(p for p in STORIES.iterdir() if p.is_dir())], stories="folder")
    context = check_context(report, default_knowledge())

    serial = engine.run_checks(context, catalogue)
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    assert engine.run_checks(context, catalogue, jobs=2) == serial
    assert {found.code for found in serial} >= {"FL599", "FL101", "FL203"}
    first, second = ran_in.read_text(encoding="utf-8").split()
    assert first == str(os.getpid()) != second  # serially here, then in a worker

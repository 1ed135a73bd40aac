from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples on every run, so that a red build is reproducible; local runs
# explore new ones each time ("hunt" explores many more, for a longer search).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("hunt", max_examples=20_000, deadline=None, print_blob=True)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
elif os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "amazon-anthropic"


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commands run by the tests keep their cache in a scratch folder, never in the checkout."""
    os.environ["FACTLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("factlint-cache"))
    # ... and the key that signs its entries (see factlint.cache.key_file) in another.
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))


def report_outputs(folder: Path) -> list[str]:
    """The options of ``factlint report`` that write all three reports into ``folder``."""
    return [
        "-o",
        str(folder / "r.html"),
        "--json",
        str(folder / "r.json"),
        "--jsonl",
        str(folder / "r.jsonl"),
    ]


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def write(tmp_path: Path):
    """Write bytes or text to a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", newline="")
        else:
            path.write_bytes(content)
        return path

    return _write


def check_context(report, kb):
    """The checks' context of a report's run: its extraction's readings found again from its claims."""
    from factlint.extract.reading import read_beside
    from factlint.rules.context import Context

    claims: dict[str, list] = {}
    for claim in report.claims:
        claims.setdefault(claim.source_id, []).append(claim)
    readings = {source.id: read_beside(source, claims.get(source.id, []), kb) for source in report.sources}
    return Context(report.sources, report.claims, report.groups, kb, readings=readings)

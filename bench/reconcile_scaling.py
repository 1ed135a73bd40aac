"""Grouping and reconciliation time and peak memory for 10k, 100k and 1M structured claims.

Each size runs in a fresh process (so that peak memory is its own): a seeded synthetic world
(src/factlint/eval/synthetic.py, ten sources of which three are reliable, each fact told by about
seven of them) is typed and blocked (``claims_from_frame`` + ``block``: the grouping) and then
reconciled (source weights, consensus, verdicts, labels). The table shows seconds per stage,
microseconds per claim and peak resident memory; per-claim cost that stays flat as the size grows
tenfold is linear growth. Results go to reports/bench-reconcile-scaling.json.

    .venv/bin/python bench/reconcile_scaling.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def measure(size: int) -> dict[str, float]:
    """One size, in this process: the figures of each stage."""
    from factlint.bulk import collector_paused
    from factlint.eval.synthetic import generate
    from factlint.knowledge import default_knowledge
    from factlint.match.reconcile import reconcile
    from factlint.structured.consensus import block
    from factlint.structured.table import claims_from_frame

    kb = default_knowledge()
    world = generate(1, facts=max(1, size // 7), noise=0.5)
    claims = world.claims.head(size)
    started = time.perf_counter()
    with collector_paused():  # as table_consensus does
        groups = block(claims_from_frame(claims, kb, "scaling"))
        grouped = time.perf_counter()
        reconciled = reconcile(groups, kb)
    finished = time.perf_counter()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "claims": len(claims),
        "groups": len(reconciled),
        "group s": round(grouped - started, 2),
        "reconcile s": round(finished - grouped, 2),
        "us per claim": round(1e6 * (finished - started) / len(claims), 1),
        "peak MiB": round(peak_kib / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one)))
        return
    rows = []
    for size in (int(part) for part in args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        row = rows[-1]
        print(
            f"{row['claims']:>9} claims {row['groups']:>8} groups  group {row['group s']:>7.2f} s  "
            f"reconcile {row['reconcile s']:>7.2f} s  {row['us per claim']:>6.1f} us/claim  "
            f"peak {row['peak MiB']:>8.1f} MiB",
            flush=True,
        )
    out = ROOT / "reports" / "bench-reconcile-scaling.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

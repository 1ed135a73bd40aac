"""How extraction time grows with input length on hostile, claim-dense text.

Each input is repeated at two sizes, four times apart; a ratio near 4 is linear growth, near 16
quadratic. Text without sentence punctuation is the case that once went quadratic.

    .venv/bin/python bench/scaling.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from factlint.extract import extract_text

CASES = {
    "counts, no punctuation": "5 people ",
    "money and percent": "$1 and 2 dollars rose 3% ",
    "dates and organisations, run-on": "On Monday, Amazon said $5 billion in Anthropic ",
    "quantities and units": "up to 5 gigawatts and 12 people last week ",
}


def main() -> None:
    extract_text("warm up $1 billion on Nov. 22, 2024 for 5 people")
    print(f"{'input':34} {'small KB':>9} {'s':>7} {'large KB':>9} {'s':>7} {'ratio':>6}")
    for name, unit in CASES.items():
        timings = []
        for copies in (5_000, 20_000):
            text = unit * copies
            started = time.perf_counter()
            extract_text(text)
            timings.append((len(text) / 1e3, time.perf_counter() - started))
        (small, small_s), (large, large_s) = timings
        print(f"{name:34} {small:9.0f} {small_s:7.2f} {large:9.0f} {large_s:7.2f} {large_s / small_s:6.1f}")


if __name__ == "__main__":
    main()

"""Score factlint's findings on the real-news stories with a fact-checker's gold.

A bench line for :mod:`factlint.eval.realnews` (``python -m factlint.eval realnews``): reads
``../shared/realnews`` in place, lists the dev stories and totals both splits, and prints the
time the whole run took.

    .venv/bin/python bench/realnews.py [--realnews ../shared/realnews]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from factlint.eval import realnews


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realnews", type=Path, default=realnews.default_realnews_dir())
    options = parser.parse_args()
    started = time.perf_counter()
    scores = realnews.evaluate(realnews.load_gold(options.realnews))
    print(realnews.table(scores))
    print(f"{len(scores)} stories scored in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()

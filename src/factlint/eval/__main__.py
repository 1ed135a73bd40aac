"""``python -m factlint.eval extract [--gold DIR] [--kinds money,percent] [--misses]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factlint.eval.extraction import KINDS, evaluate, table
from factlint.eval.gold import GoldError, default_gold_dir, load_gold


def main(argv: list[str] | None = None) -> int:
    """Print the extraction scores on the gold set; 2 on a usage or gold-file error."""
    parser = argparse.ArgumentParser(prog="python -m factlint.eval", description=__doc__)
    parser.add_argument("task", choices=["extract"])
    parser.add_argument("--gold", type=Path, default=None, help="folder of gold YAML files")
    parser.add_argument("--kinds", default=",".join(KINDS), help="kinds to score, comma-separated")
    parser.add_argument("--misses", action="store_true", help="also list every miss and extra claim")
    args = parser.parse_args(argv)
    try:
        entries = load_gold(args.gold or default_gold_dir())
    except (GoldError, OSError, KeyError, ValueError) as exc:
        print(f"factlint.eval: {exc}", file=sys.stderr)
        return 2
    evaluation = evaluate(entries, [kind.strip() for kind in args.kinds.split(",") if kind.strip()])
    print(table(evaluation))
    if args.misses:
        print("\n".join(evaluation.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m factlint.eval extract [--gold DIR] [--kinds money,percent] [--misses]``.

``python -m factlint.eval match [--gold DIR] [--misses]`` scores grouping and labels on the story folders.

``python -m factlint.eval reconcile [--seed N] [--facts N]`` compares factlint's consensus with majority
vote on seeded structured claims at several noise levels.

``python -m factlint.eval realnews [--gold DIR] [--split dev|test|all]`` scores the findings on the
real-news stories with a fact-checker's gold (``../shared/realnews``, read in place): gold
findings caught, false alarms on traps, and error and warning findings per story. Stories of
the test split are totalled, not listed, unless ``--split test`` or ``all`` asks for them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factlint.eval import matching
from factlint.eval.extraction import KINDS, evaluate, table
from factlint.eval.gold import GoldError, default_gold_dir, load_gold
from factlint.eval.story_gold import StoryGoldError, default_stories_dir, load_stories


def main(argv: list[str] | None = None) -> int:
    """Print the scores of a task on its gold set; 2 on a usage or gold-file error."""
    parser = argparse.ArgumentParser(prog="python -m factlint.eval", description=__doc__)
    parser.add_argument("task", choices=["extract", "match", "reconcile", "realnews"])
    parser.add_argument("--gold", type=Path, default=None, help="folder of gold YAML files or story folders")
    parser.add_argument("--kinds", default=",".join(KINDS), help="kinds to score (extract), comma-separated")
    parser.add_argument("--misses", action="store_true", help="also list misses, extras, wrong labels")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic world (reconcile)")
    parser.add_argument("--facts", type=int, default=300, help="facts in the synthetic world (reconcile)")
    parser.add_argument(
        "--split", choices=["dev", "test", "all"], default="dev", help="stories listed (realnews)"
    )
    args = parser.parse_args(argv)
    if args.task == "realnews":
        return _realnews(args.gold, args.split)
    if args.task == "reconcile":
        from factlint.eval import synthetic

        print(synthetic.table(synthetic.compare(seed=args.seed, facts=args.facts)))
        return 0
    if args.task == "match":
        return _match(args.gold or default_stories_dir(), args.misses)
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


def _match(folder: Path, misses: bool) -> int:
    try:
        stories = load_stories(folder)
    except (StoryGoldError, OSError) as exc:
        print(f"factlint.eval: {exc}", file=sys.stderr)
        return 2
    evaluation = matching.evaluate(stories)
    print(matching.table(evaluation))
    if misses:
        print("\n".join(evaluation.overall.misses))
    return 0


def _realnews(folder: Path | None, split: str) -> int:
    from factlint.eval import realnews

    try:
        golds = realnews.load_gold(folder or realnews.default_realnews_dir())
    except realnews.RealNewsError as exc:
        print(f"factlint.eval: {exc}", file=sys.stderr)
        return 2
    shown = realnews.SPLITS if split == "all" else (split,)
    print(realnews.table(realnews.evaluate(golds), shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())

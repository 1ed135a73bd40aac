"""One story told by many tiny files: how the report grows with the number of sources.

Every file says one or two sentences about Amazon's investment in Anthropic; most agree, every
tenth gives another figure and every tenth drops a qualifier, so the story's groups have both
agreeing and contradicting members. For each of ``--sizes`` the story is written afresh and
``factlint report DIR -o out.html --json out.json --jobs J --no-cache`` runs in a fresh process:
wall time, exit code, JSON and HTML size, and peak memory of the whole process tree (as
bench/run.py measures it: proportional set sizes summed, a page that forked processes share
counted once). A ratio of about 2 between sizes twice apart is linear growth, 4 quadratic.

    .venv/bin/python bench/one_story.py                          # 5k, 10k, 20k files
    .venv/bin/python bench/one_story.py --sizes 100000 --jobs 2  # the done-when run
    .venv/bin/python bench/one_story.py --sizes 100000 --cache   # with the cache: cold, then warm

With ``--cache`` each size runs twice with the cache on (in the work folder), as a user's first
run and rerun would: the second copies the stored report.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from run import MB, run_cli

SENTENCES = (
    "Amazon invested $4 billion in Anthropic on Sept. 25, 2023.",
    "Amazon invested $8 billion in Anthropic on Sept. 25, 2023.",
    "Amazon invested up to $4 billion in Anthropic on Sept. 25, 2023.",
)


def write_story(folder: Path, size: int) -> None:
    """``size`` tiny articles of one story in ``folder``: a tenth contradict, a tenth qualify."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(size):
        kind = 1 if index % 10 == 3 else 2 if index % 10 == 7 else 0
        day = 26 + index % 3
        text = f"---\ntitle: Story {index}\npublished: 2023-09-{day}\n---\n{SENTENCES[kind]}\n"
        if index % 4 == 0:
            text += "Anthropic was valued at $18 billion.\n"
        (folder / f"s{index:06d}.md").write_text(text, encoding="utf-8")


def measure(
    size: int, jobs: int, work: Path, cache: Path | None = None, fresh: bool = True
) -> dict[str, float | int | None]:
    """One report of a story of ``size`` files: seconds, exit code, sizes and peak memory.

    ``cache``: the cache folder to use (else ``--no-cache``); ``fresh``: write the story anew.
    """
    story, out = work / f"story-{size}", work / f"out-{size}"
    if fresh:
        shutil.rmtree(story, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        write_story(story, size)
        out.mkdir()
    html, json_path = out / "report.html", out / "report.json"
    args = [
        "report",
        str(story),
        "-o",
        str(html),
        "--json",
        str(json_path),
        "--jobs",
        str(jobs),
        *(["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]),
    ]
    run = run_cli(args, cwd=work)
    if run.returncode not in (0, 1) or not html.exists() or not json_path.exists():
        print(run.stderr[-2000:], file=sys.stderr)
    return {
        "files": size,
        "seconds": round(run.seconds, 1),
        "returncode": run.returncode,
        "json_mb": round(json_path.stat().st_size / MB, 1) if json_path.exists() else None,
        "html_mb": round(html.stat().st_size / MB, 1) if html.exists() else None,
        "peak_mb": run.tree_peak_pss_mb or run.tree_peak_mb,
        "largest_process_mb": run.process_peak_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000", help="numbers of files, comma-separated")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None, help="folder for stories and reports")
    parser.add_argument("--cache", action="store_true", help="run with the cache, cold then warm")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="factlint-one-story-"))
    work.mkdir(parents=True, exist_ok=True)
    columns = ("files", "seconds", "returncode", "json_mb", "html_mb", "peak_mb", "largest_process_mb")
    print(" ".join(f"{name:>18}" for name in columns))
    for size in (int(part) for part in options.sizes.split(",")):
        if not options.cache:
            runs = [measure(size, options.jobs, work)]
        else:
            cache = work / f"cache-{size}"
            shutil.rmtree(cache, ignore_errors=True)
            runs = [
                measure(size, options.jobs, work, cache),
                measure(size, options.jobs, work, cache, fresh=False),
            ]
        for figures in runs:
            print(" ".join(f"{figures[name]!s:>18}" for name in columns), flush=True)
    if options.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""The performance targets: per-stage throughput, scaling, peers, end to end, cache and check.

On seeded corpora of invented news (bench/corpus.py, generated once into ``--corpus-dir`` and
reused while their manifest matches), one run measures:

- each stage (ingest, extract, match, rules, report) in a fresh process per size, on one core:
  seconds, MB/s of raw corpus bytes, claims/s, peak memory, and the scaling exponent (the slope of
  log time on log bytes across ``--sizes``). Start-up is left out by a warm-up on one story; the
  great-expectations rules (FL501/FL502) are timed apart, their start-up (import) too;
- recall (and precision) on the planted claims, for factlint on the whole corpus and, on a sample
  of ``--peer-sample`` articles, beside quantulum3 (``parser.parse``) and dateparser's
  ``search_dates`` as it comes (detecting the language, as the issue timed it) and told the text is
  English (``languages=["en"]``, some twenty times quicker), all given the same clean body text:
  speed and ratios. The targets judge the peers as the issue timed them; beside the English-only
  ``search_dates``, factlint's date finder alone (the same task) is timed too, shown, not judged;
- on the whole corpus, the planted contradictions that a finding points at (it quotes the odd
  source's figure), and the FL201 contradictions that quote a planted one's figure: shown, not a
  target;
- ``factlint report`` end to end with ``--jobs``, no cache: wall time and peak memory (the
  proportional set sizes of the whole process tree summed every 250 ms, a page that forked
  processes share counted once; the resident sizes summed every 50 ms, counting it in each,
  beside);
- the cache: a cold run, a rerun over the unchanged corpus, then one changed file, counting the
  cache entries each run wrote (the files it re-extracted) and re-reading through the API;
- ``factlint check`` on one draft against the other sources of its story, cold start included.

The table and the targets are printed; every figure goes to reports/bench.json.

    .venv/bin/python bench/run.py --size 10000       # the done-when run: sizes 100, 1000, 10000
    .venv/bin/python bench/run.py --size 1000        # a quicker one (sizes 100, 1000)
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import dataclasses
import datetime as dt
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import corpus  # noqa: E402

MB = 1e6
PEERS = ("quantulum3", "search_dates", "search_dates_en")
# The peers as the issue timed them (search_dates detecting the language: about 30 KB/s, 0.165 s
# for 5 KB); told the language, search_dates is some twenty times quicker, a comparison shown
# beside them, with factlint's date finder alone on the same texts.
JUDGED_PEERS = ("quantulum3", "search_dates")
PEER_NAMES = {
    "quantulum3": "quantulum3",
    "search_dates": "search_dates (as it comes)",
    "search_dates_en": "search_dates (English only)",
}
STAGES = ("ingest", "extract", "match", "rules", "rules_gx", "report")
STAGE_NAMES = {
    "ingest": "ingest (read, parse)",
    "extract": "extract",
    "match": "match (group, reconcile)",
    "rules": "rules (all but gx)",
    "rules_gx": "rules gx (FL501, FL502)",
    "report": "report (HTML + JSON)",
}
NUMBER_KINDS = ("money", "percent", "quantity")
FACTLINT_KINDS = ("money", "percent", "quantity", "date", "role", "listing")
CHANGE = "\n\nThe company also said its order book grew by 7 percent in 2023.\n"
TARGETS = {
    "extract_mb_s": 1.0,
    "peer_ratio": 30.0,
    "end_to_end_s": 60.0,
    "end_to_end_articles": 10_000,
    "peak_mb": 2000.0,
    "exponent": 1.15,
    "cache_speedup": 10.0,
    "check_s": 1.5,
}


# --- corpora --------------------------------------------------------------------------------------


def ensure_corpus(base: Path, size: int, seed: int) -> Path:
    """The corpus of ``size`` articles for ``seed`` in ``base``, generated unless a complete one is there."""
    folder = base / f"corpus-{size}-{seed}"
    totals = manifest_totals(folder / "manifest.json")
    if totals is not None and totals.get("size") == size and totals.get("seed") == seed:
        return folder
    if folder.exists():
        shutil.rmtree(folder)  # an interrupted or foreign run of the generator: ours to redo
    started = time.perf_counter()
    corpus.generate(folder, size, seed)
    print(f"generated {folder} in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def manifest_totals(path: Path) -> dict[str, Any] | None:
    """The seed, size and totals of a complete manifest (read a line at a time), else None."""
    found: dict[str, Any] = {}
    last = ""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                last = line
                key = line[1 : line.find('"', 1)] if line.startswith('"') else ""
                if key in ("seed", "size", "totals"):
                    found[key] = json.loads(line.split(": ", 1)[1].rstrip().rstrip(","))
    except (OSError, ValueError):
        return None
    if "totals" not in found or last.strip() != "}":
        return None
    return {"seed": found.get("seed"), "size": found.get("size"), **found["totals"]}


# --- recall on the planted claims -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Planted:
    """A planted claim located in a source's clean text, with the factlint kind that should find it."""

    target: str
    start: int
    end: int


def target_kind(claim: dict[str, Any]) -> str:
    """The factlint kind of a planted claim: stock figures are a listing, a percentage, money or shares."""
    if claim["kind"] != "stock":
        return claim["kind"]
    if isinstance(claim["value"], str):
        return "listing"
    return {"percent": "percent", "share": "quantity"}.get(claim["unit"], "money")


def clean_offsets(source: Any) -> Callable[[int], int | None]:
    """A function from an offset of the raw file to the clean text's, None outside the text."""
    copied = sorted(
        (o_start, o_len, c_start) for c_start, c_len, o_start, o_len in source.offsets.runs if c_len == o_len
    )
    starts = [run[0] for run in copied]

    def clean(offset: int) -> int | None:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return None
        o_start, o_len, c_start = copied[index]
        return c_start + offset - o_start if offset < o_start + o_len else None

    return clean


def planted_in_text(source: Any, article: dict[str, Any]) -> tuple[list[Planted], list[dict[str, Any]]]:
    """The article's planted claims found in the clean text, and those outside it (front matter, head)."""
    clean = clean_offsets(source)
    inside, outside = [], []
    for claim in article["claims"]:
        start, last = clean(claim["offset"]), clean(claim["offset"] + len(claim["text"]) - 1)
        if start is None or last is None:
            outside.append(claim)
        else:
            inside.append(Planted(target_kind(claim), start, last + 1))
    return inside, outside


def contradictions_flagged(
    findings: Iterable[Any], sources: dict[str, Any], manifest: Path
) -> dict[str, Any]:
    """How many planted contradictions a finding points at, by kind, and how many FL201 findings point at one.

    A contradiction is flagged when a finding (other than FL203, a figure no other source gives)
    quotes the odd source's figure; an FL201 contradiction is on a planted one when it quotes any
    figure of one. Neither is a target: the generator plants conflicts that no rule may be able to
    tell (two sources could each be right), and a conflict it did not plan may be real.
    """
    quoted: dict[str, list[tuple[int, int]]] = {}
    contradictions = []
    for finding in findings:
        spans = [(e.source_id, e.span.start, e.span.end) for e in finding.evidence if e.span is not None]
        if finding.code != "FL203":
            for source_id, start, end in spans:
                quoted.setdefault(source_id, []).append((start, end))
        if finding.code == "FL201":
            contradictions.append(spans)
    cleaners = {source_id: clean_offsets(source) for source_id, source in sources.items()}
    planted: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    figures: dict[str, list[tuple[int, int]]] = {}
    for contradiction in corpus.iter_contradictions(manifest):
        planted[contradiction["kind"]] += 1
        hit = False
        for value in contradiction["values"]:
            clean = cleaners.get(value["path"])
            start = clean(value["offset"]) if clean else None
            if start is None:
                continue
            span = (start, start + len(value["text"]))
            figures.setdefault(value["path"], []).append(span)
            if value["path"] == contradiction["odd"]:
                hit = hit or _overlaps(quoted.get(value["path"], []), *span)
        flagged[contradiction["kind"]] += hit
    on_planted = sum(
        any(_overlaps(figures.get(source_id, []), start, end) for source_id, start, end in spans)
        for spans in contradictions
    )
    return {
        "planted": dict(planted),
        "flagged": dict(flagged),
        "fl201": len(contradictions),
        "fl201_on_planted": on_planted,
    }


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


@dataclasses.dataclass
class Tally:
    """Planted claims found per kind, and a tool's findings that match a planted claim."""

    planted: Counter[str] = dataclasses.field(default_factory=Counter)
    found: Counter[str] = dataclasses.field(default_factory=Counter)
    predicted: Counter[str] = dataclasses.field(default_factory=Counter)
    correct: Counter[str] = dataclasses.field(default_factory=Counter)
    false_examples: list[str] = dataclasses.field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("planted", "found", "predicted", "correct"):
            getattr(self, name).update(getattr(other, name))
        self.false_examples += other.false_examples[: max(0, 8 - len(self.false_examples))]

    def row(self, kinds: Iterable[str]) -> dict[str, Any]:
        """Recall per kind and over ``kinds``, precision over the findings."""
        kinds = list(kinds)
        recall = {kind: _ratio(self.found[kind], self.planted[kind]) for kind in kinds}
        planted = sum(self.planted[kind] for kind in kinds)
        found = sum(self.found[kind] for kind in kinds)
        return {
            "planted": {kind: self.planted[kind] for kind in kinds},
            "found": {kind: self.found[kind] for kind in kinds},
            "recall": recall,
            "recall_all": _ratio(found, planted),
            "predicted": dict(self.predicted),
            "precision": {kind: _ratio(self.correct[kind], self.predicted[kind]) for kind in self.predicted},
            "precision_all": _ratio(sum(self.correct.values()), sum(self.predicted.values())),
            "false_examples": self.false_examples,
        }


def _ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def score_factlint(claims: Iterable[Any], planted: list[Planted]) -> Tally:
    """The claims of factlint against the planted ones: a claim of the right kind overlapping the text."""
    spans: dict[str, list[tuple[int, int]]] = {}
    tally = Tally()
    for claim in claims:
        if claim.kind not in FACTLINT_KINDS:
            continue
        mine = [(claim.span.start, claim.span.end), *((s.start, s.end) for s in claim.occurrences)]
        spans.setdefault(claim.kind, []).extend(mine)
        tally.predicted[claim.kind] += 1
        if any(p.target == claim.kind and _overlaps(mine, p.start, p.end) for p in planted):
            tally.correct[claim.kind] += 1
        elif len(tally.false_examples) < 8:
            tally.false_examples.append(f"{claim.kind}: {claim.text}")
    for item in planted:
        tally.planted[item.target] += 1
        tally.found[item.target] += _overlaps(spans.get(item.target, []), item.start, item.end)
    return tally


def score_peer(
    text: str, found: list[tuple[int, int, str | None]], planted: list[Planted], targets: tuple[str, ...]
) -> tuple[Tally, Tally]:
    """A peer's findings ``(start, end, kind or None)`` against the planted claims of ``targets``.

    Two tallies: any finding overlapping a planted claim counts (generous), and only a finding of
    its kind counts (typed; a bare number counts for a quantity, since quantulum3 reads "6,000
    employees" as a dimensionless 6,000). Precision: the share of the findings that overlap a
    planted claim of ``targets``.
    """
    mine = [item for item in planted if item.target in targets]
    generous, typed = Tally(), Tally()
    for start, end, kind in found:
        label = kind or "number"
        hit = any(p.start < end and start < p.end for p in mine)
        for tally in (generous, typed):
            tally.predicted[label] += 1
            tally.correct[label] += hit
        if not hit and len(generous.false_examples) < 8:
            generous.false_examples.append(f"{label}: {text[start:end]}")
    for item in mine:
        kinds = {item.target, None} if item.target == "quantity" else {item.target}
        for tally, typed_only in ((generous, False), (typed, True)):
            tally.planted[item.target] += 1
            spans = [(s, e) for s, e, k in found if not typed_only or k in kinds]
            tally.found[item.target] += _overlaps(spans, item.start, item.end)
    return generous, typed


# --- in a fresh process: the stages at one size -----------------------------------------------------


class Clock:
    """Wall and CPU seconds of named stages: ``with clock("extract"): ...``.

    CPU time well under wall time means the stage waited: for the disk, or for a core that
    another process had.
    """

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall[name] = time.perf_counter() - wall
        self.cpu[name] = time.process_time() - cpu


def _timed(function: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def measure_stages(folder: Path) -> dict[str, Any]:
    """Every stage over the corpus in ``folder``, one after another in this process, with recall."""
    from factlint import __version__
    from factlint.engines import LocalEngine
    from factlint.extract import extract
    from factlint.extract.reading import read_beside
    from factlint.ingest.corpus import assemble, list_files
    from factlint.ingest.reader import read_source
    from factlint.knowledge import default_knowledge
    from factlint.model import Report
    from factlint.pipeline import build_report, match_claims
    from factlint.report.html_report import render_html
    from factlint.report.json_report import stream_json
    from factlint.rules.catalogue import load_catalogue
    from factlint.rules.checks import KINDS
    from factlint.rules.context import Context
    from factlint.rules.engine import run_checks
    from factlint.rules.selection import Selection

    kb, kb_s = _timed(default_knowledge)
    catalogue, catalogue_s = _timed(load_catalogue)
    heavy = tuple(rule.code for rule in catalogue.values() if KINDS[rule.kind].heavy)
    light, gx = Selection(quick=True), Selection(select=heavy)
    first_story = min(path for path in folder.iterdir() if path.is_dir())
    warm, warm_s = _timed(
        build_report, [first_story], kb=kb, catalogue=catalogue, selection=light, stories="folder"
    )
    render_html(warm), "".join(stream_json(warm))
    warm_context = Context(tuple(s for s in warm.sources if s.text), warm.claims, warm.groups, kb)
    _, gx_start_s = _timed(run_checks, warm_context, catalogue, gx) if heavy else (None, 0.0)

    clock = Clock()
    with clock("ingest"):
        files, rejected = list_files([folder])
        found = assemble((read_source(path, source_id) for path, source_id in files), rejected)
    sources = found.sources
    with clock("extract"):
        per_source = [tuple(extract(source, kb)) for source in sources]
        readings = {
            source.id: read_beside(source, found_claims, kb)
            for source, found_claims in zip(sources, per_source, strict=True)
        }
    claims = tuple(claim for found_claims in per_source for claim in found_claims)
    with clock("match"):
        groups = match_claims(claims, sources, kb, LocalEngine(), "folder")
    context = Context(tuple(s for s in sources if s.text), claims, groups, kb, readings=readings)
    with clock("rules"):
        findings = run_checks(context, catalogue, light)
    with clock("rules_gx"):
        gx_findings = run_checks(context, catalogue, gx) if heavy else []
    report = Report(
        __version__, (str(folder),), sources, (*found.problems, *findings, *gx_findings), claims, groups
    )
    with tempfile.TemporaryDirectory() as out, clock("report"):  # as ``factlint report`` writes them
        html_chars = Path(out, "report.html").write_text(render_html(report), encoding="utf-8")
        with open(Path(out, "report.json"), "w", encoding="utf-8") as handle:
            json_chars = sum(handle.write(chunk) for chunk in stream_json(report))

    recall, outside, published = Tally(), Counter[str](), Counter[str]()
    by_id = {
        source.id: (source, found_claims) for source, found_claims in zip(sources, per_source, strict=True)
    }
    for article in corpus.iter_articles(folder / "manifest.json"):
        if article["path"] not in by_id:
            outside.update(claim["kind"] for claim in article["claims"])  # the file was not read
            continue
        source, found_claims = by_id[article["path"]]
        inside, missing = planted_in_text(source, article)
        recall.add(score_factlint(found_claims, inside))
        outside.update(claim["kind"] for claim in missing)
        for claim in missing:
            if claim.get("fact") == "published":
                published["planted"] += 1
                published["read"] += str(source.published) == claim["value"]
    return {
        "articles": len(files),
        "sources": len(sources),
        "input_problems": len(found.problems),
        "raw_bytes": sum(path.stat().st_size for path, _ in files),
        "text_bytes": sum(len(source.text.encode("utf-8")) for source in sources),
        "claims": len(claims),
        "groups": len(groups),
        "findings": len(report.findings),
        "html_characters": html_chars,
        "json_characters": json_chars,
        "seconds": {stage: round(value, 4) for stage, value in clock.wall.items()},
        "cpu_seconds": {stage: round(value, 4) for stage, value in clock.cpu.items()},
        "startup": {
            "knowledge_s": round(kb_s, 4),
            "catalogue_s": round(catalogue_s, 4),
            "warm_up_one_story_s": round(warm_s, 4),
            "gx_start_s": round(gx_start_s, 4),
            "gx_rules": list(heavy),
        },
        "recall": recall.row(FACTLINT_KINDS),
        "contradictions": contradictions_flagged(
            report.findings,
            {source.id: source for source in sources if source.text},
            folder / "manifest.json",
        ),
        "outside_text": dict(outside),
        "published_in_metadata": dict(published),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB, 1),
    }


# --- in a fresh process: the peers on a sample --------------------------------------------------------


def quantulum_finds(text: str) -> list[tuple[int, int, str | None]]:
    """The quantities of quantulum3 as ``(start, end, kind)``: money, percent, quantity, None for a number."""
    from quantulum3 import parser

    found = []
    for quantity in parser.parse(text):
        entity, unit = quantity.unit.entity.name, quantity.unit.name
        kind = (
            "money"
            if entity == "currency"
            else "percent"
            if unit == "percentage"
            else None
            if entity == "dimensionless"
            else "quantity"
        )
        found.append((quantity.span[0], quantity.span[1], kind))
    return found


def search_dates_finds(text: str, languages: list[str] | None = None) -> list[tuple[int, int, str | None]]:
    """The dates of dateparser's ``search_dates`` as ``(start, end, "date")``, in order."""
    from dateparser.search import search_dates

    found: list[tuple[int, int, str | None]] = []
    position = 0
    for surface, _ in search_dates(text, languages=languages) or []:
        start = text.find(surface, position)
        start = text.find(surface) if start == -1 else start
        if start != -1:
            found.append((start, start + len(surface), "date"))
            position = start + len(surface)
    return found


def search_dates_english(text: str) -> list[tuple[int, int, str | None]]:
    """:func:`search_dates_finds` told the text is English."""
    return search_dates_finds(text, ["en"])


def measure_peers(folder: Path, sample: int) -> dict[str, Any]:
    """factlint, quantulum3 and search_dates on the clean text of the first ``sample`` articles."""
    from factlint.extract import extract, extract_text
    from factlint.extract.dates import find_dates
    from factlint.extract.found import Occupied
    from factlint.ingest.reader import read_source
    from factlint.knowledge import default_knowledge
    from factlint.model import Source

    warnings.filterwarnings("ignore")
    kb = default_knowledge()
    articles = []
    for article in corpus.iter_articles(folder / "manifest.json"):
        source = read_source(folder / article["path"], article["path"])
        if isinstance(source, Source):
            articles.append((source, planted_in_text(source, article)[0]))
        if len(articles) == sample:
            break
    warm = "Shares rose 19% to $1.2 billion on Nov. 22, 2024, selling 40,000 tonnes."
    loads = {}
    for name, tool in (
        ("factlint", lambda text: extract_text(text, kb=kb)),
        ("quantulum3", quantulum_finds),
        ("search_dates", search_dates_finds),
        ("search_dates_en", search_dates_english),
    ):
        loads[name] = round(_timed(tool, warm)[1], 3)
    result: dict[str, Any] = {
        "articles": len(articles),
        "text_bytes": sum(len(s.text.encode("utf-8")) for s, _ in articles),
        "characters": sum(len(s.text) for s, _ in articles),
        "first_call_s": loads,
    }
    claims, seconds = _timed(lambda: [extract(source, kb) for source, _ in articles])
    tally = Tally()
    for (_, planted), found in zip(articles, claims, strict=True):
        tally.add(score_factlint(found, planted))
    result["factlint"] = {"seconds": round(seconds, 4), **tally.row(FACTLINT_KINDS)}
    # The same task as search_dates: factlint's date finder alone, nothing else read.
    dates, seconds = _timed(
        lambda: [find_dates(source.text, source.published, Occupied([])) for source, _ in articles]
    )
    tally = Tally()
    for (source, planted), found in zip(articles, dates, strict=True):
        tally.add(score_peer(source.text, [(d.start, d.end, "date") for d in found], planted, ("date",))[1])
    result["factlint_dates"] = {"seconds": round(seconds, 4), **tally.row(("date",))}
    for name, tool, targets in (
        ("quantulum3", quantulum_finds, NUMBER_KINDS),
        ("search_dates", search_dates_finds, ("date",)),
        ("search_dates_en", search_dates_english, ("date",)),
    ):
        generous, typed, spent = Tally(), Tally(), 0.0
        for source, planted in articles:
            found, took = _timed(_safe, tool, source.text)
            spent += took
            one, two = score_peer(source.text, found, planted, targets)
            generous.add(one)
            typed.add(two)
        result[name] = {
            "seconds": round(spent, 4),
            **generous.row(targets),
            "typed_recall": typed.row(targets)["recall"],
            "typed_recall_all": typed.row(targets)["recall_all"],
        }
    return result


def _safe(tool: Any, text: str) -> list[tuple[int, int, str | None]]:
    try:
        return tool(text)
    except Exception:  # a peer that crashes on an article finds nothing in it
        return []


# --- the command line as a subprocess -----------------------------------------------------------------


CLI = "import sys; from factlint.cli import main; sys.argv[0] = 'factlint'; main()"


@dataclasses.dataclass
class Run:
    """One command: wall seconds, exit code, peak memory of the tree (sampled) and of one process."""

    seconds: float
    cpu_seconds: float
    returncode: int
    tree_peak_mb: float | None
    process_peak_mb: float
    stderr: str
    tree_peak_pss_mb: float | None = None

    def figures(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "returncode": self.returncode,
            "tree_peak_mb": self.tree_peak_mb,
            "tree_peak_pss_mb": self.tree_peak_pss_mb,
            "process_peak_mb": self.process_peak_mb,
        }


def _tree_memory_kib(pid: int, proportional: bool) -> tuple[int, int]:
    """Memory of ``pid`` and all its descendants (Linux /proc), in KiB: resident and proportional.

    Resident sizes summed count a page shared by forked processes once in each; proportional
    sizes (PSS) share it out among them, so their sum is the memory the tree takes. Reading them
    walks every page table, so they are read only when ``proportional`` (0 otherwise).
    """
    rss, pss, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            rss += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            if proportional:
                rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
                pss += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return rss, pss


def run_cli(args: list[str], cwd: Path) -> Run:
    """``factlint ARGS`` in a fresh interpreter, timed from launch to exit, its memory sampled."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
    }
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", CLI, *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        peak = [0, 0]
        done = threading.Event()

        def sample() -> None:
            count = 0
            while not done.is_set():
                rss, pss = _tree_memory_kib(process.pid, proportional=count % 5 == 0)
                peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
                count += 1
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    return Run(
        seconds,
        usage.ru_utime + usage.ru_stime,
        process.returncode,
        round(peak[0] * 1024 / MB, 1) if peak[0] else None,
        round(usage.ru_maxrss * 1024 / MB, 1),
        stderr,
        round(peak[1] * 1024 / MB, 1) if peak[1] else None,
    )


def _report_args(folder: Path, out: Path, jobs: int, cache: Path | None) -> list[str]:
    caching = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    return [
        "report",
        str(folder),
        "--stories",
        "folder",
        "--jobs",
        str(jobs),
        *caching,
        "-o",
        str(out / "report.html"),
        "--json",
        str(out / "report.json"),
        "--force",
    ]


def _require(run: Run, what: str) -> None:
    if run.returncode not in (0, 1):
        raise SystemExit(f"{what} failed with exit code {run.returncode}:\n{run.stderr[-3000:]}")


def end_to_end(folder: Path, jobs: int, work: Path) -> dict[str, Any]:
    """``factlint report`` over the corpus with ``jobs`` workers and no cache, report included."""
    out = work / "end-to-end"
    out.mkdir(parents=True, exist_ok=True)
    run = run_cli(_report_args(folder, out, jobs, None), work)
    _require(run, "factlint report")
    return {
        **run.figures(),
        "jobs": jobs,
        "html_bytes": (out / "report.html").stat().st_size,
        "json_bytes": (out / "report.json").stat().st_size,
    }


def _entries_since(cache: Path, since_ns: int) -> list[Path]:
    return [path for path in cache.glob("*/*.json") if path.stat().st_mtime_ns >= since_ns]


def _code_digest() -> str:
    from factlint.cache import code_digest

    code_digest.cache_clear()
    return code_digest()


def cache_runs(folder: Path, jobs: int, work: Path, attempts: int = 3) -> dict[str, Any]:
    """The cache runs, again (up to ``attempts`` times) while factlint's code changes under them.

    The code's digest is part of every cache key, so an edit to factlint between two runs makes
    the second miss everything: that measures the edit, not the cache.
    """
    for attempt in range(1, attempts + 1):
        digest = _code_digest()
        runs = _cache_sequence(folder, jobs, work)
        runs["code_changed_meanwhile"] = _code_digest() != digest
        runs["attempts"] = attempt
        if not runs["code_changed_meanwhile"]:
            break
        print("factlint's code changed during the cache runs; again", flush=True)
    return runs


def _cache_sequence(folder: Path, jobs: int, work: Path) -> dict[str, Any]:
    """A cold run, an unchanged rerun and a one-file change, on a copy of the corpus with its own cache."""
    copy, cache, out = work / "cached-corpus", work / "cache", work / "cached-report"
    for path in (copy, cache):
        if path.exists():
            shutil.rmtree(path)
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("manifest.json"))
    out.mkdir(parents=True, exist_ok=True)
    runs: dict[str, Any] = {}
    changed = next(iter(sorted(copy.glob("*/*.txt"))))
    for name in ("cold", "warm", "one_changed"):
        if name == "one_changed":
            changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8")
        since = time.time_ns()
        run = run_cli(_report_args(copy, out, jobs, cache), work)
        _require(run, f"factlint report ({name} cache)")
        runs[name] = {**run.figures(), "re_extracted": len(_entries_since(cache, since))}
    runs["changed_file"] = changed.relative_to(copy).as_posix()
    runs["api_check"] = _reread(copy, cache, changed)
    runs["speedup"] = round(runs["cold"]["seconds"] / runs["warm"]["seconds"], 2)
    return runs


def _reread(copy: Path, cache: Path, changed: Path) -> dict[str, Any]:
    """Change the file once more and read the corpus through the cache: which files were not cached."""
    from factlint.cache import Cache, fingerprint
    from factlint.engines import LocalEngine
    from factlint.ingest import DEFAULT_MAX_BYTES
    from factlint.ingest.corpus import list_files
    from factlint.knowledge import default_knowledge

    changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8")
    _code_digest()
    kb = default_knowledge()
    files, _ = list_files([copy])
    reads, seconds = _timed(
        LocalEngine(cache=Cache(cache, fingerprint(kb.files))).read, files, kb, DEFAULT_MAX_BYTES
    )
    fresh = [
        path.relative_to(copy).as_posix()
        for (path, _), read in zip(files, reads, strict=True)
        if not read.cached
    ]
    return {
        "files": len(files),
        "not_cached": fresh[:10],
        "not_cached_count": len(fresh),
        "seconds": round(seconds, 3),
    }


def check_runs(folder: Path, work: Path, repeats: int = 3) -> dict[str, Any]:
    """``factlint check DRAFT --against SOURCES``: one article of the first story against the others."""
    story = min(path for path in folder.iterdir() if path.is_dir())
    place = work / "check"
    if place.exists():
        shutil.rmtree(place)
    shutil.copytree(story, place / "sources")
    draft = sorted((place / "sources").iterdir())[0]
    draft = draft.rename(place / f"draft{draft.suffix}")
    runs = []
    for _ in range(repeats):
        run = run_cli(
            ["check", str(draft), "--against", str(place / "sources"), "--no-cache", "--fail-on", "never"],
            work,
        )
        _require(run, "factlint check")
        runs.append(run.seconds)
    return {
        "draft_bytes": draft.stat().st_size,
        "sources": len(list((place / "sources").iterdir())),
        "runs_s": [round(s, 3) for s in runs],
        "median_s": round(statistics.median(runs), 3),
    }


# --- figures ----------------------------------------------------------------------------------------


def exponent(sizes: list[float], seconds: list[float]) -> float | None:
    """The least-squares slope of log seconds on log size: 1 is linear growth."""
    if len(sizes) < 2:
        return None
    xs, ys = [math.log(x) for x in sizes], [math.log(max(y, 1e-6)) for y in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    return (
        round(sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread, 3) if spread else None
    )


def scaling(stages: dict[int, dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    """Each stage's exponent: fitted over all sizes, and between the two largest alone.

    A fixed cost (a library's first call compiling its patterns) pulls the fit below 1 at small
    sizes; the last step shows the growth where it counts.
    """
    sizes = sorted(stages)
    by_bytes = [stages[size]["raw_bytes"] for size in sizes]
    times = {stage: [stages[size]["seconds"][stage] for size in sizes] for stage in STAGES}
    times["total"] = [sum(stages[size]["seconds"].values()) for size in sizes]
    return {
        "fit": {stage: exponent(by_bytes, seconds) for stage, seconds in times.items()},
        "last_step": {stage: exponent(by_bytes[-2:], seconds[-2:]) for stage, seconds in times.items()},
    }


def _pooled(row: dict[str, Any], kinds: Iterable[str]) -> float | None:
    """Recall over several kinds together."""
    kinds = list(kinds)
    return _ratio(sum(row["found"].get(k, 0) for k in kinds), sum(row["planted"].get(k, 0) for k in kinds))


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the issue: what it asks, the figure measured,; met is None when not judged."""
    size, peers, e2e, cached = result["size"], result["peers"], result["end_to_end"], result["cache"]
    top = result["stages"][str(max(result["sizes"]))]
    speed = top["text_bytes"] / top["seconds"]["extract"] / MB
    rows = [
        (
            f"extraction >= {TARGETS['extract_mb_s']:g} MB/s of text a core",
            f"{speed:.2f} MB/s",
            speed >= TARGETS["extract_mb_s"],
        )
    ]
    for name in PEERS:
        ratio = peers["ratios"][name]
        judged = name in JUDGED_PEERS
        figure = f"{ratio:.1f}x"
        if name == "search_dates_en" and "search_dates_en_dates" in peers["ratios"]:
            alone = peers["ratios"]["search_dates_en_dates"]
            figure += f"; factlint's dates alone {alone:.1f}x (shown, not judged)"
        rows.append(
            (
                f"extraction >= {TARGETS['peer_ratio']:g}x {PEER_NAMES[name]}",
                figure,
                ratio >= TARGETS["peer_ratio"] if judged else None,
            )
        )
    # A planted amount of money counts for quantulum3 only when it calls it money (its "typed"
    # recall); any quantity overlapping it is shown beside.
    ours, theirs = _pooled(peers["factlint"], NUMBER_KINDS) or 0, peers["quantulum3"]["typed_recall_all"] or 0
    loose = peers["quantulum3"]["recall_all"] or 0
    rows.append(
        (
            "recall above quantulum3 (money, percent, quantity, of their kind)",
            f"{ours:.3f} vs {theirs:.3f} (of any kind {loose:.3f})",
            ours > theirs,
        )
    )
    ours = peers["factlint"]["recall"]["date"] or 0
    theirs = max(peers[name]["recall_all"] or 0 for name in ("search_dates", "search_dates_en"))
    rows.append(
        ("recall above search_dates (dates, either way)", f"{ours:.3f} vs {theirs:.3f}", ours > theirs)
    )
    enough = size >= TARGETS["end_to_end_articles"]
    rows.append(
        (
            f"{TARGETS['end_to_end_articles']:,} articles end to end < {TARGETS['end_to_end_s']:g} s",
            f"{e2e['seconds']:.1f} s for {size:,} (--jobs {e2e['jobs']})"
            + ("" if enough else ": too few to judge"),
            e2e["seconds"] < TARGETS["end_to_end_s"] if enough else None,
        )
    )
    peak = _peak(e2e)
    rows.append(
        (
            f"peak memory < {TARGETS['peak_mb']:,.0f} MB",
            f"{peak:,.0f} MB (all processes, PSS; resident sizes summed {e2e['tree_peak_mb'] or 0:,.0f} MB)",
            peak < TARGETS["peak_mb"],
        )
    )
    slopes = [
        (max(value, result["exponents"]["last_step"][stage] or value), stage)
        for stage, value in result["exponents"]["fit"].items()
        if value is not None and stage != "total"
    ]
    worst, stage = max(slopes) if slopes else (None, "")
    rows.append(
        (
            f"every stage exponent < {TARGETS['exponent']}",
            f"worst {worst:.2f} ({stage})" if worst is not None else "needs two sizes",
            worst < TARGETS["exponent"] if worst is not None else None,
        )
    )
    speedup, moved = cached["speedup"], cached["code_changed_meanwhile"]
    note = ": factlint's code changed meanwhile" if moved else ""
    rows.append(
        (
            f"cached rerun >= {TARGETS['cache_speedup']:g}x faster",
            f"{speedup:.1f}x{note}",
            None if moved else speedup >= TARGETS["cache_speedup"],
        )
    )
    counts = (cached["warm"]["re_extracted"], cached["one_changed"]["re_extracted"])
    api = cached["api_check"]["not_cached_count"]
    rows.append(
        (
            "one changed file re-extracted alone",
            f"rerun {counts[0]}, after a change {counts[1]}, API {api}{note}",
            None if moved else counts == (0, 1) and api == 1,
        )
    )
    check = result["check"]["median_s"]
    rows.append(
        (
            f"check on one draft < {TARGETS['check_s']:g} s",
            f"{check:.2f} s (median)",
            check < TARGETS["check_s"],
        )
    )
    return [{"target": name, "figure": figure, "met": met} for name, figure, met in rows]


# --- printing ----------------------------------------------------------------------------------------


def table(header: list[str], rows: list[list[str]]) -> None:
    """Print ``rows`` under ``header``: the first column left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())


def _num(value: float | None, form: str = "{:.3f}") -> str:
    return "-" if value is None else form.format(value)


def _cpu_share(figures: dict[str, Any]) -> str:
    """CPU seconds over wall seconds of all stages: under 1 when they waited (another process ran)."""
    cpu = figures.get("cpu_seconds")
    return f"{sum(cpu.values()) / sum(figures['seconds'].values()):.2f}" if cpu else "-"


def print_stages(result: dict[str, Any]) -> None:
    """The stages at each size, their speed at the largest and their scaling exponent."""
    stages = {int(size): figures for size, figures in result["stages"].items()}
    sizes = sorted(stages)
    top = stages[sizes[-1]]
    print(
        f"\nStages, one core, in process, start-up excluded (MB/s of raw corpus, claims/s at {sizes[-1]:,})"
    )
    rows = []
    for stage in (*STAGES, "total"):
        times = [
            sum(stages[s]["seconds"].values()) if stage == "total" else stages[s]["seconds"][stage]
            for s in sizes
        ]
        rows.append(
            [
                STAGE_NAMES.get(stage, stage),
                *(f"{t:.3f}" for t in times),
                f"{top['raw_bytes'] / times[-1] / MB:.2f}",
                f"{top['claims'] / times[-1]:,.0f}",
                _num(result["exponents"]["fit"][stage], "{:.2f}"),
                _num(result["exponents"]["last_step"][stage], "{:.2f}"),
            ]
        )
    extra = [
        ("extract, MB/s of clean text", lambda f: f"{f['text_bytes'] / f['seconds']['extract'] / MB:.2f}"),
        ("raw corpus, MB", lambda f: f"{f['raw_bytes'] / MB:.2f}"),
        ("clean text, MB", lambda f: f"{f['text_bytes'] / MB:.2f}"),
        ("claims", lambda f: f"{f['claims']:,}"),
        ("peak memory, MB", lambda f: f"{f['peak_mb']:,.0f}"),
        ("CPU / wall time", _cpu_share),
    ]
    rows += [[name, *(show(stages[s]) for s in sizes), "", "", "", ""] for name, show in extra]
    table(["stage", *(f"{s:,} art. s" for s in sizes), "MB/s", "claims/s", "exponent", "last step"], rows)
    print("exponent: slope of log time on log bytes over all sizes; last step: between the two largest")
    start = top["startup"]
    print(
        f"start-up: knowledge {start['knowledge_s']:.2f} s, catalogue {start['catalogue_s']:.2f} s, warm-up "
        f"(one story) {start['warm_up_one_story_s']:.2f} s; great-expectations for "
        f"{'/'.join(start['gx_rules'])} (import, context, one story) {start['gx_start_s']:.2f} s"
    )


def print_recall(result: dict[str, Any]) -> None:
    """Recall and precision per kind: factlint beside the peers on the sample, and on the whole corpus."""
    peers, size = result["peers"], result["size"]
    whole = result["stages"][str(size)]["recall"]
    mine, quantities, dates, english = (peers[name] for name in ("factlint", *PEERS))
    print(
        f"\nRecall on the planted claims of the body text; peers on the first {peers['articles']:,} articles "
        f"({peers['text_bytes'] / 1e3:,.0f} KB of clean text)"
    )
    rows = [
        [
            kind,
            f"{mine['planted'][kind]:,}",
            _num(mine["recall"][kind]),
            _num(quantities["recall"].get(kind)),
            _num(quantities["typed_recall"].get(kind)),
            _num(dates["recall"].get(kind)),
            _num(english["recall"].get(kind)),
            _num(whole["recall"][kind]),
        ]
        for kind in FACTLINT_KINDS
    ]
    rows.append(
        [
            "numbers",
            f"{sum(mine['planted'][k] for k in NUMBER_KINDS):,}",
            _num(_pooled(mine, NUMBER_KINDS)),
            _num(quantities["recall_all"]),
            _num(quantities["typed_recall_all"]),
            "",
            "",
            _num(_pooled(whole, NUMBER_KINDS)),
        ]
    )
    precision = [
        mine["precision_all"],
        quantities["precision_all"],
        None,
        dates["precision_all"],
        english["precision_all"],
    ]
    rows.append(
        [
            "precision",
            "",
            *(_num(p) if p is not None else "" for p in precision),
            _num(whole["precision_all"]),
        ]
    )
    speed = {name: peers["characters"] / peers[name]["seconds"] / 1e3 for name in ("factlint", *PEERS)}
    rows.append(
        [
            "KB/s",
            "",
            f"{speed['factlint']:,.0f}",
            f"{speed['quantulum3']:,.1f}",
            "",
            f"{speed['search_dates']:,.1f}",
            f"{speed['search_dates_en']:,.1f}",
            "",
        ]
    )
    ratios = peers["ratios"]
    rows.append(
        [
            "factlint is",
            "",
            "",
            f"{ratios['quantulum3']:,.1f}x",
            "",
            f"{ratios['search_dates']:,.1f}x",
            f"{ratios['search_dates_en']:,.1f}x",
            "",
        ]
    )
    table(
        ["kind", "planted", "factlint", "quantulum3", "(typed)", "search_dates", "(en)", f"all {size:,}"],
        rows,
    )
    outside = result["stages"][str(size)]
    read = outside["published_in_metadata"]
    print(
        "Stock figures count as the kind they are (listing, percent, money, shares as quantity).\n"
        "quantulum3 finds a figure with any quantity overlapping it, '(typed)' only with one of its kind.\n"
        "Precision: the share of findings overlapping a planted claim (of the same kind for factlint).\n"
        f"Not counted, outside the body text: {_counts(outside['outside_text'])} (publication dates read "
        f"from metadata: {read.get('read', 0)} of {read.get('planted', 0)})."
    )
    found = result["stages"][str(size)].get("contradictions")
    if found:
        kinds = ", ".join(
            f"{kind} {found['flagged'].get(kind, 0)} of {n}" for kind, n in found["planted"].items()
        )
        print(
            f"Planted contradictions a finding points at (all {size:,}; not a target): {kinds}; "
            f"FL201 findings on a planted one: {found['fl201_on_planted']:,} of {found['fl201']:,}."
        )
    if "factlint_dates" in peers:
        alone = peers["factlint_dates"]
        print(
            f"factlint's date finder alone (the task of search_dates): "
            f"{peers['characters'] / alone['seconds'] / 1e3:,.0f} KB/s, recall of dates "
            f"{_num(alone['recall']['date'])}, "
            f"{ratios['search_dates_en_dates']:,.1f}x search_dates told English."
        )
    for name in PEERS:
        print(f"{name}, findings that are no planted claim: {'; '.join(peers[name]['false_examples'][:6])}")


def _peak(run: dict[str, Any]) -> float:
    """Peak memory of a run: the sampled sum over its processes, or its largest process if more."""
    return max(run.get("tree_peak_pss_mb") or run["tree_peak_mb"] or 0.0, run["process_peak_mb"])


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(f"{count:,} {kind}" for kind, count in counter.items()) or "none"


def _cpu(run: dict[str, Any]) -> str:
    return f"{run['cpu_seconds']:.0f} s of CPU" if "cpu_seconds" in run else "CPU not measured"


def print_runs(result: dict[str, Any]) -> None:
    """The command-line runs: end to end, with the cache, and check."""
    e2e, cached, check = result["end_to_end"], result["cache"], result["check"]
    print(
        f"\nEnd to end, factlint report of {result['size']:,} articles, --jobs {e2e['jobs']}, no cache: "
        f"{e2e['seconds']:.1f} s ({_cpu(e2e)}); peak memory {_peak(e2e):,.0f} MB\n"
        f"  (all its processes, proportional set sizes sampled every 250 ms; resident sizes summed "
        f"{e2e['tree_peak_mb'] or 0:,.0f} MB; the largest process alone {e2e['process_peak_mb']:,.0f} MB)"
    )
    cold, warm, changed, api = cached["cold"], cached["warm"], cached["one_changed"], cached["api_check"]
    print(
        f"Cache: cold {cold['seconds']:.1f} s ({_cpu(cold)}, {cold['re_extracted']:,} files extracted),\n"
        f"  rerun {warm['seconds']:.1f} s ({_cpu(warm)}; {cached['speedup']:.1f}x faster, "
        f"{warm['re_extracted']} re-extracted),\n"
        f"  after changing {cached['changed_file']}: {changed['seconds']:.1f} s "
        f"({changed['re_extracted']} re-extracted);\n"
        f"  through the API after another change: {api['not_cached_count']} not cached {api['not_cached']}"
    )
    if cached["code_changed_meanwhile"]:
        print("warning: factlint's code changed during the cache runs (its digest is part of the cache key)")
    runs = ", ".join(f"{s:.2f}" for s in check["runs_s"])
    print(f"Check: factlint check of one draft against the {check['sources']} others of its story: {runs} s")


def print_targets(rows: list[dict[str, Any]]) -> None:
    print("\nTargets")
    for row in rows:
        status = "n/a" if row["met"] is None else "met" if row["met"] else "NOT MET"
        print(f"  {status:8} {row['target']:55} {row['figure']}")


# --- main --------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    from factlint import __version__

    def git(*args: str) -> str | None:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return None

    cpu = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")),
        None,
    )
    memory = next(
        (int(line.split()[1]) * 1024 for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), None
    )
    status = git("status", "--porcelain", "--untracked-files=no")
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory_bytes": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "factlint": __version__,
        "commit": git("rev-parse", "HEAD"),
        "uncommitted_changes": None if status is None else bool(status),
    }


def _lines(path: str) -> Iterator[str]:
    try:
        yield from Path(path).read_text().splitlines()
    except OSError:
        return


def child(args: list[str]) -> dict[str, Any]:
    """Run this script's ``args`` in a fresh interpreter; the JSON it prints last."""
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench/run.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Every measurement, each heavy one in a fresh process; the figures as one record."""
    sizes = sorted({*(int(s) for s in (args.sizes or "100,1000").split(",")), args.size})
    base: Path = args.corpus_dir
    result: dict[str, Any] = {"size": args.size, "sizes": sizes, "seed": args.seed, "machine": machine()}
    result["targets_set"] = TARGETS
    folders = {size: ensure_corpus(base, size, args.seed) for size in sizes}
    result["corpora"] = {
        str(size): {"path": str(folder), **(manifest_totals(folder / "manifest.json") or {})}
        for size, folder in folders.items()
    }
    result["stages"], versions = {}, {}
    for size in sizes:
        versions[f"stages {size}"] = _code_digest()[:12]
        figures = child(["--stages", str(folders[size])])
        result["stages"][str(size)] = figures
        total = sum(figures["seconds"].values())
        print(f"stages at {size:,} articles: {total:.1f} s, peak {figures['peak_mb']:,.0f} MB", flush=True)
    result["exponents"] = scaling({int(s): f for s, f in result["stages"].items()})
    versions["peers"] = _code_digest()[:12]
    peers = child(["--peers", str(folders[args.size]), "--peer-sample", str(args.peer_sample)])
    peers["ratios"] = {
        name: round(peers[name]["seconds"] / peers["factlint"]["seconds"], 2) for name in PEERS
    }
    peers["ratios"]["search_dates_en_dates"] = round(
        peers["search_dates_en"]["seconds"] / peers["factlint_dates"]["seconds"], 2
    )
    result["peers"] = peers
    print(f"peers on {peers['articles']:,} articles: done", flush=True)
    work = base / f"work-{args.size}-{args.seed}"
    work.mkdir(parents=True, exist_ok=True)
    versions["end to end"] = _code_digest()[:12]
    result["end_to_end"] = end_to_end(folders[args.size], args.jobs, work)
    print(f"end to end: {result['end_to_end']['seconds']:.1f} s", flush=True)
    versions["cache"] = _code_digest()[:12]
    result["cache"] = cache_runs(folders[args.size], args.jobs, work)
    print(f"cache: {result['cache']['speedup']:.1f}x", flush=True)
    versions["check"] = _code_digest()[:12]
    result["check"] = check_runs(folders[args.size], work)
    versions["end"] = _code_digest()[:12]
    result["code_versions"] = versions
    result["machine"]["commit_at_end"] = machine()["commit"]
    result["targets"] = targets(result)
    return result


def show(result: dict[str, Any]) -> None:
    """Print the tables and the targets of a result."""
    print_stages(result)
    print_recall(result)
    print_runs(result)
    print_targets(targets(result))
    versions = result.get("code_versions", {})
    if len(set(versions.values())) > 1:
        print(
            "\nwarning: factlint's code changed during this run; the digest of its modules before each part: "
            + ", ".join(f"{part} {digest}" for part, digest in versions.items())
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="articles for end to end, cache and peers")
    parser.add_argument("--sizes", help="sizes for the stage scaling [default: 100,1000 and --size]")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the end-to-end runs")
    parser.add_argument("--peer-sample", type=int, default=100, help="articles the peers read")
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "factlint-bench")
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "bench.json")
    parser.add_argument("--show", type=Path, metavar="JSON", help="print the tables of an earlier run")
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--peers", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages is not None:
        print(json.dumps(measure_stages(args.stages)))
    elif args.peers is not None:
        print(json.dumps(measure_peers(args.peers, args.peer_sample)))
    elif args.show is not None:
        show(json.loads(args.show.read_text(encoding="utf-8")))
    else:
        result = measure(args)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        show(result)
        print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()

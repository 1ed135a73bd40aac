"""Score factlint's findings on the real-news stories with a fact-checker's gold.

Reads ``../shared/realnews`` in place (never copied): each ``gold/<story>.yaml`` lists findings
to catch and traps that must not be flagged. Following the corpus README's suggested rule, a
finding of factlint *catches* a gold finding when the codes are equal and it quotes one of the
gold finding's files with text overlapping one of its quotes; a finding of a trap's forbidden
code overlapping the trap's quotes is a *false alarm*. The stories are split once, by a digest
of their name, into ``dev`` and ``test``; the test split is scored, never read.

    .venv/bin/python bench/realnews.py [--realnews ../shared/realnews]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def split_of(story: str) -> str:
    """``test`` for about half the stories, chosen by a digest of the name, else ``dev``."""
    return "test" if hashlib.sha256(story.encode()).digest()[0] % 2 else "dev"


def _quotes(item: dict[str, Any]) -> dict[str, list[str]]:
    """Each file's quoted phrases (``quote`` belongs to the first file)."""
    found: dict[str, list[str]] = {}
    for name, value in (item.get("quotes") or {}).items():
        found.setdefault(name, []).extend([value] if isinstance(value, str) else list(value))
    if item.get("quote"):
        found.setdefault(item["files"][0], []).append(item["quote"])
    for name in item.get("files") or ():
        found.setdefault(name, [])
    return found


def _places(report: Any) -> list[tuple[str, str, str, tuple[int, int] | None]]:
    """(code, file name, quote, clean-text span) of every place each finding points at."""
    names = {source.id: Path(source.path).name for source in report.sources}
    places = []
    for finding in report.findings:
        for evidence in finding.evidence or ():
            span = (evidence.span.start, evidence.span.end) if evidence.span else None
            places.append((finding.code, names.get(evidence.source_id, ""), evidence.quote or "", span))
        if not finding.evidence and finding.source_id in names:
            places.append((finding.code, names[finding.source_id], "", None))
    return places


def _overlaps(place: tuple[str, str, str, tuple[int, int] | None], text: str, phrases: Iterable[str]) -> bool:
    _, _, quote, span = place
    for phrase in phrases:
        start = text.find(phrase)
        if span is not None and start >= 0 and span[0] < start + len(phrase) and start < span[1]:
            return True
        if quote and (quote in phrase or phrase in quote):
            return True
    return False


def score_story(folder: Path, gold: dict[str, Any]) -> dict[str, Any]:
    """Caught findings, false alarms on traps and the number of findings for one story."""
    from factlint.pipeline import build_report

    report = build_report([folder])
    texts = {Path(source.path).name: source.text for source in report.sources}
    places = _places(report)

    def hits(item: dict[str, Any], codes: set[str]) -> bool:
        for name, phrases in _quotes(item).items():
            for place in places:
                if place[0] in codes and place[1] == name and _overlaps(place, texts.get(name, ""), phrases):
                    return True
        return False

    findings = gold.get("findings") or []
    traps = gold.get("must_not_flag") or []
    return {
        "findings": len(findings),
        "caught": sum(hits(item, {item["code"]}) for item in findings),
        "traps": len(traps),
        "alarms": sum(hits(item, set(item.get("forbidden_codes") or ())) for item in traps),
        "emitted": sum(1 for finding in report.findings if not finding.code.startswith("FL9")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realnews", type=Path, default=ROOT.parent / "shared" / "realnews")
    options = parser.parse_args()
    totals: dict[str, dict[str, int]] = {}
    for path in sorted((options.realnews / "gold").glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        folder = options.realnews / "stories" / gold["story"]
        result = score_story(folder, gold)
        split = split_of(gold["story"])
        total = totals.setdefault(split, dict.fromkeys(result, 0))
        for key, value in result.items():
            total[key] += value
        if split == "dev":
            print(f"dev  {gold['story']:50} {result}", file=sys.stderr)
    for split in ("dev", "test"):
        total = totals.get(split)
        if total:
            print(
                f"{split}: caught {total['caught']}/{total['findings']} findings, "
                f"{total['alarms']}/{total['traps']} traps flagged, {total['emitted']} findings emitted"
            )


if __name__ == "__main__":
    main()

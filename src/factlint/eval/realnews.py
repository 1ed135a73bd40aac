"""Scoring findings on real multi-outlet stories against a fact-checker's gold.

The corpus (``../shared/realnews`` beside a checkout) is read in place, never copied: each
``gold/<story>.yaml`` names a story folder under ``stories/`` and lists ``findings`` to catch and
``must_not_flag`` traps. A finding of factlint *catches* a gold finding when the codes are equal
and it points at one of the gold finding's files with text overlapping one of its quotes; a
finding of one of a trap's ``forbidden_codes`` so placed is a *false alarm*. The stories are
split once, by a digest of their name, into ``dev`` and ``test``: the test split is scored and
its totals shown, never its stories one by one.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factlint.model import Report, Severity
from factlint.safe_yaml import YAMLLoadError, load

SPLITS = ("dev", "test")


class RealNewsError(ValueError):
    """A gold file that cannot be read or names no story folder."""


@dataclasses.dataclass(frozen=True)
class Gold:
    """One story's gold: its folder, the findings to catch and the traps not to flag."""

    story: str
    folder: Path
    findings: tuple[Mapping[str, Any], ...]
    traps: tuple[Mapping[str, Any], ...]


@dataclasses.dataclass(frozen=True)
class StoryScore:
    """How factlint did on one story."""

    story: str
    split: str
    findings: int
    caught: int
    traps: int
    alarms: int
    flagged: int  # error and warning findings (input problems aside): what an editor must read
    emitted: int  # every finding but input problems


def default_realnews_dir() -> Path:
    """``../shared/realnews`` beside the checkout this package runs from, else beside the cwd."""
    checkout = Path(__file__).resolve().parents[3]
    beside = checkout.parent / "shared" / "realnews"
    return beside if beside.is_dir() else Path.cwd().parent / "shared" / "realnews"


def split_of(story: str) -> str:
    """``test`` for about half the stories, chosen by a digest of the name, else ``dev``."""
    return "test" if hashlib.sha256(story.encode()).digest()[0] % 2 else "dev"


def load_gold(root: Path) -> list[Gold]:
    """Every story's gold under ``root/gold``, in name order; :class:`RealNewsError` if one is unsound."""
    golds = []
    paths = sorted((root / "gold").glob("*.yaml"))
    if not paths:
        raise RealNewsError(f"{root / 'gold'}: no gold files (is the realnews corpus there?)")
    for path in paths:
        try:
            data = load(path.read_text(encoding="utf-8"), timestamps=False).value
        except (OSError, UnicodeDecodeError, YAMLLoadError) as exc:
            raise RealNewsError(f"{path}: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("story"), str):
            raise RealNewsError(f"{path}: a gold file is a mapping with a story name")
        folder = root / "stories" / data["story"]
        if not folder.is_dir():
            raise RealNewsError(f"{path}: no story folder {folder}")
        golds.append(
            Gold(
                data["story"],
                folder,
                tuple(item for item in data.get("findings") or () if isinstance(item, dict)),
                tuple(item for item in data.get("must_not_flag") or () if isinstance(item, dict)),
            )
        )
    return golds


Place = tuple[str, str, str, "tuple[int, int] | None"]  # code, file name, quote, span in the clean text


def places(report: Report) -> list[Place]:
    """Where every finding points: its code, the file's name, the quote and its span."""
    names = {source.id: Path(source.path).name for source in report.sources}
    found: list[Place] = []
    for finding in report.findings:
        for evidence in finding.evidence:
            span = (evidence.span.start, evidence.span.end) if evidence.span else None
            found.append((finding.code, names.get(evidence.source_id, ""), evidence.quote, span))
        if not finding.evidence and finding.source_id in names:
            found.append((finding.code, names[finding.source_id], "", None))
    return found


def quotes_by_file(item: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each file's quoted phrases of a gold item (``quote`` belongs to its first file)."""
    found: dict[str, list[str]] = {}
    for name, value in (item.get("quotes") or {}).items():
        phrases = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        found.setdefault(str(name), []).extend(str(phrase) for phrase in phrases)
    files = [str(name) for name in item.get("files") or ()]
    if item.get("quote") and files:
        found.setdefault(files[0], []).append(str(item["quote"]))
    for name in files:
        found.setdefault(name, [])
    return found


def overlaps(place: Place, text: str, phrases: Iterable[str]) -> bool:
    """Whether a finding's place overlaps one of ``phrases`` in its file's clean ``text``."""
    _, _, quote, span = place
    for phrase in phrases:
        start = text.find(phrase)
        if span is not None and start >= 0:
            if span[0] < start + len(phrase) and start < span[1]:
                return True
            continue  # both placed: the place decides, not a quote that the phrase happens to hold
        if quote and (quote in phrase or phrase in quote):
            return True
    return False


def score(gold: Gold, report: Report) -> StoryScore:
    """Caught findings, false alarms and findings to read for one story's report."""
    texts = {Path(source.path).name: source.text for source in report.sources}
    where = places(report)

    def hit(item: Mapping[str, Any], codes: set[str]) -> bool:
        return any(
            place[0] in codes and place[1] == name and overlaps(place, texts.get(name, ""), phrases)
            for name, phrases in quotes_by_file(item).items()
            for place in where
        )

    checked = [finding for finding in report.findings if not finding.code.startswith("FL9")]
    return StoryScore(
        story=gold.story,
        split=split_of(gold.story),
        findings=len(gold.findings),
        caught=sum(hit(item, {str(item.get("code"))}) for item in gold.findings),
        traps=len(gold.traps),
        alarms=sum(
            hit(item, {str(code) for code in item.get("forbidden_codes") or ()}) for item in gold.traps
        ),
        flagged=sum(finding.severity in (Severity.ERROR, Severity.WARNING) for finding in checked),
        emitted=len(checked),
    )


def evaluate(golds: Sequence[Gold], build: Callable[[Path], Report] | None = None) -> list[StoryScore]:
    """Every story scored on the report ``build`` makes of its folder (by default the full pipeline)."""
    if build is None:
        from factlint.pipeline import build_report

        def build(folder: Path) -> Report:
            return build_report([folder])

    return [score(gold, build(gold.folder)) for gold in golds]


def table(scores: Sequence[StoryScore], show: Iterable[str] = ("dev",)) -> str:
    """One line a story of the splits in ``show``, then each split's totals."""
    lines = [f"{'split':5} {'story':50} caught  alarms  flagged  emitted"]
    for item in scores:
        if item.split in show:
            lines.append(
                f"{item.split:5} {item.story:50} {item.caught:>2}/{item.findings:<3} "
                f"{item.alarms:>2}/{item.traps:<3} {item.flagged:>6} {item.emitted:>8}"
            )
    for split in SPLITS:
        part = [item for item in scores if item.split == split]
        if part:
            lines.append(
                f"{split}: {len(part)} stories; caught {sum(s.caught for s in part)}/"
                f"{sum(s.findings for s in part)} findings, {sum(s.alarms for s in part)}/"
                f"{sum(s.traps for s in part)} traps flagged, {sum(s.flagged for s in part)} error and "
                f"warning findings ({max(s.flagged for s in part)} at most in a story), "
                f"{sum(s.emitted for s in part)} findings in all"
            )
    return "\n".join(lines)

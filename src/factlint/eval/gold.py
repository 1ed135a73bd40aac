"""Reading the extraction gold set: YAML files of sentences with the claims an editor would mark."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from factlint.model import Span
from factlint.safe_yaml import YAMLLoadError, load


@dataclasses.dataclass(frozen=True)
class GoldClaim:
    """One annotated claim: where it is, its kind and the values it must have."""

    span: Span
    quote: str
    kind: str
    fields: dict[str, Any]


@dataclasses.dataclass(frozen=True)
class GoldEntry:
    """One annotated sentence (no claims: a negative)."""

    file: str
    text: str
    published: dt.date | None
    claims: tuple[GoldClaim, ...]


class GoldError(ValueError):
    """A gold file is malformed; names the file and entry."""


def default_gold_dir() -> Path:
    """``fixtures/gold/extract`` in the working folder, else in the checkout factlint runs from."""
    here = Path("fixtures/gold/extract")
    return here if here.is_dir() else Path(__file__).resolve().parents[3] / "fixtures" / "gold" / "extract"


def load_gold(folder: Path) -> list[GoldEntry]:
    """Every entry of every ``*.yaml`` file in ``folder``, in file order."""
    entries = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = load(path.read_text(encoding="utf-8")).value or []
        except YAMLLoadError as exc:
            raise GoldError(f"{path}:{exc}") from None
        for index, item in enumerate(data, start=1):
            entries.append(_entry(path.name, index, item))
    if not entries:
        raise GoldError(f"{folder}: no gold entries (*.yaml)")
    return entries


def _entry(file: str, index: int, item: dict[str, Any]) -> GoldEntry:
    where = f"{file} entry {index}"
    text = item.get("text")
    if not isinstance(text, str):
        raise GoldError(f"{where}: no text")
    published = item.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    claims = []
    for claim in item.get("claims") or []:
        quote = claim["quote"]
        occurrence = int(claim.get("occurrence", 1))
        start = -1
        for _ in range(occurrence):
            start = text.find(quote, start + 1)
        if start == -1:
            raise GoldError(f"{where}: quote {quote!r} not in text (occurrence {occurrence})")
        fields = {key: value for key, value in claim.items() if key not in {"quote", "kind", "occurrence"}}
        for key in ("value", "low", "high"):
            if isinstance(fields.get(key), str):  # YAML 1.1 reads 4.0e9 (no exponent sign) as text
                try:
                    fields[key] = float(fields[key])
                except ValueError as exc:
                    raise GoldError(f"{where}: {key} {fields[key]!r} is not a number") from exc
        claims.append(GoldClaim(Span(start, start + len(quote)), quote, claim["kind"], fields))
    return GoldEntry(file, text, published, tuple(claims))

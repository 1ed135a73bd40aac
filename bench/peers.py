"""factlint's extraction beside its peers, on the same cases.

Two test beds:
- factlint's own gold set (fixtures/gold/extract): span recall and precision per kind;
- Microsoft Recognizers-Text's English specs (read from ../shared/benchmarks/recognizers-text, never
  copied): CurrencyModel, PercentModel and DateExtractor, scored on span F1 and, for currency and
  percent, on the resolved value.

Peers: quantulum3 for money and percentages (and quantities on the gold set), dateparser's
search_dates for dates. Each tool's time per megabyte of input is printed beside its scores, and
everything is written to reports/bench-peers.json.

    python -m venv .venv && .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/peers.py
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "benchmarks" / "recognizers-text"
sys.path.insert(0, str(ROOT / "src"))

from factlint.eval.gold import load_gold  # noqa: E402
from factlint.extract import extract_text  # noqa: E402

Span = tuple[int, int]
CURRENCY_UNITS = {
    "Dollar": "USD",
    "United States dollar": "USD",
    "Euro": "EUR",
    "Pound": "GBP",
    "British pound": "GBP",
    "Japanese yen": "JPY",
    "Yen": "JPY",
    "Chinese yuan": "CNY",
    "Canadian dollar": "CAD",
    "Australian dollar": "AUD",
    "Indian rupee": "INR",
}
QUANTULUM_CURRENCIES = {
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "british pound": "GBP",
    "yen": "JPY",
    "japanese yen": "JPY",
    "yuan": "CNY",
    "canadian dollar": "CAD",
    "australian dollar": "AUD",
    "indian rupee": "INR",
    "swiss franc": "CHF",
}


@dataclasses.dataclass
class Score:
    """Span matches and value matches of one tool on one test bed."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    values: int = 0
    seconds: float = 0.0
    characters: int = 0

    def row(self) -> dict[str, float | int | None]:
        precision = self.matched / self.predicted if self.predicted else None
        recall = self.matched / self.gold if self.gold else None
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
        return {
            "gold": self.gold,
            "found": self.predicted,
            "precision": _round(precision),
            "recall": _round(recall),
            "f1": _round(f1),
            "value_accuracy": _round(self.values / self.matched if self.matched else None),
            "seconds_per_mb": _round(self.seconds / (self.characters / 1e6) if self.characters else None),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


# Tools: each returns (span, value, unit) for the kind asked --------------------------------------
Finding = tuple[Span, float | None, str | None]


def factlint_tool(kind: str) -> Callable[[str], list[Finding]]:
    def run(text: str) -> list[Finding]:
        return [
            (
                (claim.span.start, claim.span.end),
                claim.quantity.value if claim.quantity else None,
                claim.quantity.unit if claim.quantity else None,
            )
            for claim in extract_text(text)
            if claim.kind == kind
        ]

    return run


def quantulum_tool(kind: str) -> Callable[[str], list[Finding]]:
    from quantulum3 import parser

    def run(text: str) -> list[Finding]:
        found = []
        for quantity in parser.parse(text):
            entity = quantity.unit.entity.name
            if kind == "money" and entity == "currency":
                found.append(
                    (
                        tuple(quantity.span),
                        quantity.value,
                        QUANTULUM_CURRENCIES.get(quantity.unit.name.lower(), quantity.unit.name),
                    )
                )
            elif kind == "percent" and quantity.unit.name == "percentage":
                found.append((tuple(quantity.span), quantity.value, "percent"))
            elif kind == "quantity" and entity not in ("currency", "dimensionless"):
                found.append((tuple(quantity.span), quantity.value, quantity.unit.name))
        return found

    return run


def search_dates_tool(kind: str) -> Callable[[str], list[Finding]]:
    from dateparser.search import search_dates

    def run(text: str) -> list[Finding]:
        found = []
        position = 0
        for surface, _ in search_dates(text, languages=["en"]) or []:
            start = text.find(surface, position)
            if start == -1:
                start = text.find(surface)
            if start != -1:
                found.append(((start, start + len(surface)), None, None))
                position = start + len(surface)
        return found

    return run


# Test beds ----------------------------------------------------------------------------------------
Case = tuple[str, list[tuple[Span, float | None, str | None]]]


def gold_cases(kind: str) -> list[Case]:
    cases = []
    for entry in load_gold(ROOT / "fixtures" / "gold" / "extract"):
        claims = [claim for claim in entry.claims if claim.kind == kind]
        if entry.claims and not claims:
            continue  # a sentence whose claims are of other kinds says nothing about this kind
        cases.append(
            (
                entry.text,
                [((c.span.start, c.span.end), c.fields.get("value"), c.fields.get("unit")) for c in claims],
            )
        )
    return cases


def spec_cases(name: str) -> list[Case]:
    data = json.loads((SPECS / name).read_text(encoding="utf-8-sig"))
    cases = []
    for case in data:
        results = []
        for result in case.get("Results", []):
            start = result["Start"]
            end = start + result["Length"] if "Length" in result else result["End"] + 1
            resolution = result.get("Resolution") or {}
            value = resolution.get("value")
            unit = CURRENCY_UNITS.get(resolution.get("unit", ""), resolution.get("unit"))
            if isinstance(value, str):
                try:
                    value = float(value.rstrip("%"))
                except ValueError:
                    value = None
            results.append(((start, end), value, unit))
        cases.append((case["Input"], results))
    return cases


def score(tool: Callable[[str], list[Finding]], cases: list[Case], check_values: bool) -> Score:
    result = Score()
    for text, gold in cases:
        started = time.perf_counter()
        try:
            predicted = tool(text)
        except Exception:  # a peer that crashes on a case simply finds nothing there
            predicted = []
        result.seconds += time.perf_counter() - started
        result.characters += len(text)
        result.gold += len(gold)
        result.predicted += len(predicted)
        unmatched = list(predicted)
        for span, value, unit in gold:
            partner = next((p for p in unmatched if p[0][0] < span[1] and span[0] < p[0][1]), None)
            if partner is None:
                continue
            unmatched.remove(partner)
            result.matched += 1
            if (
                not check_values
                or value is None
                or (
                    partner[1] is not None
                    and abs(partner[1] - value) <= 1e-6 * max(1.0, abs(value))
                    and (unit is None or partner[2] == unit)
                )
            ):
                result.values += 1
    return result


def main() -> None:
    warnings.filterwarnings("ignore")
    factlint_tool("money")("warm up $1 billion on Nov. 22, 2024")  # compile patterns before timing
    quantulum_tool("money")("warm up $1 billion")  # load quantulum's data before timing
    search_dates_tool("date")("warm up on Nov. 22, 2024")
    beds = [
        ("gold: money", gold_cases("money"), "money", True, ["factlint", "quantulum3"]),
        ("gold: percent", gold_cases("percent"), "percent", True, ["factlint", "quantulum3"]),
        ("gold: quantity", gold_cases("quantity"), "quantity", False, ["factlint", "quantulum3"]),
        ("gold: date", gold_cases("date"), "date", False, ["factlint", "search_dates"]),
        (
            "recognizers: currency",
            spec_cases("CurrencyModel.json"),
            "money",
            True,
            ["factlint", "quantulum3"],
        ),
        (
            "recognizers: percent",
            spec_cases("PercentModel.json"),
            "percent",
            True,
            ["factlint", "quantulum3"],
        ),
        ("recognizers: date", spec_cases("DateExtractor.json"), "date", False, ["factlint", "search_dates"]),
    ]
    tools = {"factlint": factlint_tool, "quantulum3": quantulum_tool, "search_dates": search_dates_tool}
    report: dict[str, dict[str, dict[str, float | int | None]]] = {}
    columns = ("gold", "found", "P", "R", "F1", "value", "s/MB")
    widths = (5, 5, 6, 6, 6, 6, 8)
    print(
        f"{'test bed':24} {'tool':13} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    )
    for name, cases, kind, values, names in beds:
        report[name] = {}
        for tool_name in names:
            row = score(tools[tool_name](kind), cases, values).row()
            report[name][tool_name] = row
            cells = [
                f"{row[key]:6.3f}" if row[key] is not None else "     -"
                for key in ("precision", "recall", "f1", "value_accuracy")
            ]
            speed = f"{row['seconds_per_mb']:8.1f}" if row["seconds_per_mb"] is not None else "       -"
            print(f"{name:24} {tool_name:13} {row['gold']:5d} {row['found']:5d} {' '.join(cells)} {speed}")
    output = ROOT / "reports" / "bench-peers.json"
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

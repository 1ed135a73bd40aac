"""FL102: figures of one source that arithmetic ties together, and that do not agree.

Four sums, each inside one source:

- a share price, its change and its percentage change ("trading at $203.19, up by $1.37
  (0.68%)"): the previous price is the price less the change (plus it, for a fall) and the
  percentage is the change over the previous price;
- a day's range ("fluctuating between $204.66 and $201.22") holds that day's price;
- parts and the total one sentence says they make ("$5 billion now and $20 billion later, $30
  billion in total"), by the total and part attributes of ``sums`` in ``rules/matching.yaml``;
- a growth rate and the two values it joins ("rose 19% to $27.5 billion from $23.1 billion").

A written figure stands for everything that rounds to it (half its last written digit either side),
so "0.68%" is 0.675 to 0.685 and "$1.37" is $1.365 to $1.375; a finding means no choice of the
unrounded figures makes the sum hold. The direction of a move is read from the words around it
(``rises``, ``falls``); where none is written, either direction may hold. Parts that fall short of
their total are only reported when the sentence lists two or more and no word says the total holds
others (``earlier_parts``: "bringing", "previously", "another").
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from factlint.match.intervals import reach
from factlint.model import Claim, Finding, Source
from factlint.rules.checks import register
from factlint.rules.context import Context, finding, quote

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.catalogue import Rule

Interval = tuple[float, float]

FIELDS = ("check", "detail", "stated", "computed", "figures")
PARAMS: dict[str, Any] = {
    "rises": ["up", "rose", "risen", "rising", "rises", "gained", "gains", "climbed", "jumped", "added",
              "advanced", "rallied", "surged", "soared", "higher", "grew", "grown", "increased", "rise",
              "gain", "increase", "growth", "raised", "boosted", "expanded"],
    "falls": ["down", "fell", "fallen", "falling", "falls", "lost", "dropped", "slid", "shed", "declined",
              "sank", "tumbled", "slumped", "plunged", "retreated", "lower", "decreased", "fall", "drop",
              "decline", "loss", "decrease", "cut", "reduced", "slashed", "trimmed", "lowered", "shrank"],
    "separate_moves": ["while", "whereas", "but", "compared with", ";"],
    "to_words": ["to", "reaching", "at"],
    "growth_attributes": ["revenue.growth", "stock.change_pct"],
    "from_words": ["from", "compared with", "compared to", "versus", "vs", "vs.", "against"],
    "earlier_parts": ["bringing", "brings", "bring", "taking", "takes", "previous", "previously", "earlier",
                      "already", "additional", "another", "further", "in addition", "on top of", "so far",
                      "to date", "including", "includes", "included", "among"],
}  # fmt: skip
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_PRICE, _CHANGE, _PERCENT, _RANGE = "stock.price", "stock.change", "stock.change_pct", "stock.range"
_STOCK = (_PRICE, _CHANGE, _PERCENT, _RANGE)


@register("arithmetic", FIELDS, PARAMS)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """The findings of the four sums, source by source."""
    groups = {claim.id: group.key for group in context.groups for claim in group.claims}
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in context.claims:
        by_source[claim.source_id].append(claim)
    for source in context.sources:
        claims = sorted(by_source.get(source.id, ()), key=lambda claim: claim.span.start)
        if not claims:
            continue
        sheet = _Sheet(source, claims, groups, rule.params)
        yield from _stock_moves(context, rule, sheet)
        yield from _day_ranges(context, rule, sheet)
        yield from _parts_and_totals(context, rule, sheet)
        yield from _growth_rates(context, rule, sheet)


# --- the arithmetic, on intervals ------------------------------------------------------------------


def meets(a: Interval, b: Interval) -> bool:
    """Whether two intervals share a value (a hair's width of float error allowed)."""
    return _at_most(a[0], b[1]) and _at_most(b[0], a[1])


def _at_most(x: float, y: float) -> bool:
    """``x <= y``, forgiving float error of a billionth of the two figures."""
    if x <= y:
        return True
    return math.isfinite(x) and math.isfinite(y) and x - y <= 1e-9 * max(1.0, abs(x), abs(y))


def around(value: float, half: float) -> Interval:
    """``value`` give or take ``half``: the same reach on each side."""
    half = abs(half)
    return (value - half, value + half)


def move_percent(price: Interval, change: Interval, sign: int) -> Interval | None:
    """The percentage change of a price that moved by ``change`` (``sign`` +1 up, -1 down) to ``price``.

    The previous price is ``price - sign * change``; the result is ``sign * change / previous *
    100``, over every choice within the two intervals (it rises with the change and falls with the
    price, so the corners bound it). None when the previous price could be zero or less.
    """
    corners = []
    for p, c in itertools.product(price, change):
        previous = p - sign * c
        if not math.isfinite(previous) or previous <= 0:
            return None
        corners.append(sign * c / previous * 100)
    return (min(corners), max(corners))


def growth_percent(start: Interval, end: Interval) -> Interval | None:
    """The percentage change from ``start`` to ``end``, over every choice within the two intervals.

    None when the starting value could be zero or less.
    """
    if start[0] <= 0 or not all(math.isfinite(x) for x in (*start, *end)):
        return None
    corners = [(e - s) / s * 100 for s, e in itertools.product(start, end)]
    return (min(corners), max(corners))


def written(claim: Claim) -> Interval | None:
    """Everything a figure stands for: its qualifier's interval, widened by half its last written digit."""
    quantity = claim.quantity
    if quantity is None or (quantity.value is None and quantity.low is None and quantity.high is None):
        return None
    half = 0.5 * (_step(claim) or 0.0)
    low = quantity.low if quantity.low is not None else -math.inf
    high = quantity.high if quantity.high is not None else math.inf
    if quantity.value is not None:
        if quantity.low is None and quantity.high is None and not quantity.qualifier:
            low = high = quantity.value
        low, high = min(low, quantity.value - half), max(high, quantity.value + half)
    elif math.isfinite(low) and math.isfinite(high):
        low, high = low - half, high + half
    return (min(low, high), max(low, high))


def _step(claim: Claim) -> float | None:
    """The worth of the last digit written: 0.01 for "$1.37", 1e8 for "$2.5 billion"."""
    quantity = claim.quantity
    numbers = list(_NUMBER.finditer(claim.text))
    if quantity is None or not numbers:
        return None
    largest = max(float(match.group().replace(",", "")) for match in numbers)
    value = quantity.value if quantity.value is not None else quantity.high
    if not largest or value is None:
        return None
    decimals = max(len(match.group(1) or "") for match in numbers)
    return 10.0**-decimals * abs(value / largest)


# --- the claims of one source, by sentence ----------------------------------------------------------


class _Sheet:
    """One source's claims: by sentence, with the parties and day each speaks of."""

    def __init__(
        self, source: Source, claims: list[Claim], groups: dict[str, tuple[str, ...]], params: Any
    ) -> None:
        self.source = source
        self.claims = claims
        self.groups = groups
        self.params = params
        self.sentence: dict[str, int] = {}
        for claim in claims:
            end = claim.span.start + len(claim.sentence)
            start = source.text.rfind(claim.sentence, 0, end) if claim.sentence else -1
            ok = start >= 0 and claim.span.end <= start + len(claim.sentence)
            self.sentence[claim.id] = start if ok else claim.span.start
        self._rises = _words(params["rises"])
        self._falls = _words(params["falls"])
        self._apart = _phrases(params["separate_moves"])
        self._stock_subjects: set[str] = set()  # filled below, through parties() as it stands without it
        self._stock_subjects = {
            subject for claim in claims if claim.attribute in _STOCK and (subject := self.parties(claim)[0])
        }

    def of(self, attribute: str) -> list[Claim]:
        return [claim for claim in self.claims if claim.attribute == attribute and written(claim)]

    def together(self, a: Claim, b: Claim) -> bool:
        return self.sentence[a.id] == self.sentence[b.id]

    def parties(self, claim: Claim) -> tuple[str, str]:
        """Subject and counterparty, as matching reconciled them ("AWS" investing is Amazon).

        A stock figure that names no company is of the one company whose stock the source speaks of.
        """
        key = self.groups.get(claim.id)
        subject, counterparty = (key[0], key[1]) if key else (claim.subject or "", claim.counterparty or "")
        if not subject and claim.attribute in _STOCK and len(self._stock_subjects) == 1:
            subject = next(iter(self._stock_subjects))
        return subject, counterparty

    def same_parties(self, a: Claim, b: Claim, *, named: bool = False) -> bool:
        """Whether two claims speak of the same parties.

        A claim that names no party fits any, unless ``named`` asks for one subject named by both,
        as figures of different sentences must.
        """
        (subject_a, counterparty_a), (subject_b, counterparty_b) = self.parties(a), self.parties(b)
        if named and (not subject_a or subject_a != subject_b):
            return False
        pairs = ((subject_a, subject_b), (counterparty_a, counterparty_b))
        return all(x == y or not x or not y for x, y in pairs)

    def same_day(self, a: Claim, b: Claim, *, strict: bool = False) -> bool:
        """Whether two stock figures speak of one day.

        Unless ``strict``, a day guessed from the publication date gives way to one the other
        figure's words give (in one sentence, "on Tuesday" is often attached to one figure only).
        """
        if _day(a) == _day(b):
            return True
        if strict:
            return False
        guessed = (None, "publication")
        return (a.refers_to.resolution if a.refers_to else None) in guessed or (
            b.refers_to.resolution if b.refers_to else None
        ) in guessed

    def direction(self, claim: Claim) -> int | None:
        """+1 for a rise, -1 for a fall, None when the words around the figure do not say."""
        quantity = claim.quantity
        if quantity is not None and quantity.value is not None and quantity.value < 0:
            return -1
        text = self.source.text
        sign = text[max(claim.span.start - 1, 0) : claim.span.start]
        if sign in ("-", "−") or text[claim.span.start : claim.span.start + 1] in ("-", "−"):
            return -1
        after = text[claim.span.end : claim.span.end + 12].lower()
        for pattern, direction in ((self._rises, 1), (self._falls, -1)):
            if pattern.match(after.lstrip(" ")):
                return direction
        before = text[self.sentence[claim.id] : claim.span.start].lower()
        found = [(match.end(), 1) for match in self._rises.finditer(before)]
        found += [(match.end(), -1) for match in self._falls.finditer(before)]
        return max(found)[1] if found else None

    def apart(self, a: Claim, b: Claim) -> bool:
        """Whether words between two figures of a sentence make them two moves.

        A direction word or a word of ``separate_moves`` does: "$0.40, while the index gained 1.5%".
        """
        first, second = sorted((a, b), key=lambda claim: claim.span.start)
        between = self.source.text[first.span.end : second.span.start].lower()
        return bool(self._rises.search(between) or self._falls.search(between) or self._apart.search(between))

    def preceded_by(self, claim: Claim, phrases: Sequence[str]) -> bool:
        before = self.source.text[self.sentence[claim.id] : claim.span.start].lower().rstrip(" $€£¥(")
        return any(re.search(rf"(?:^|\W){re.escape(phrase)}$", before) for phrase in phrases)

    def sentence_text(self, claim: Claim) -> str:
        return claim.sentence.lower()


def _words(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def _day(claim: Claim) -> tuple[Any, ...]:
    time = claim.refers_to
    if time is None:
        return (None,)
    return (time.start, time.end, time.text if time.precision == "session" else None)


# --- the four sums ------------------------------------------------------------------------------


def _stock_moves(context: Context, rule: Rule, sheet: _Sheet) -> Iterator[Finding]:
    """A percentage change that is not the change over the previous price."""
    prices, changes = sheet.of(_PRICE), sheet.of(_CHANGE)
    for percent in sheet.of(_PERCENT):
        if percent.quantity is None or percent.quantity.unit != "percent":
            continue
        change = _nearest(percent, [c for c in changes if _akin(sheet, percent, c)])
        if change is None or sheet.apart(change, percent):
            continue
        price = _nearest(percent, [p for p in prices if _akin(sheet, percent, p)])
        if price is None:  # a price said in another sentence of the same day, if only one is
            elsewhere = [p for p in prices if _same_day_elsewhere(sheet, percent, p)]
            if len({p.quantity.value for p in elsewhere if p.quantity}) != 1:
                continue
            price = elsewhere[0]
        sign = sheet.direction(change) or sheet.direction(percent)
        stated = written(percent)
        price_reach, change_reach = written(price), written(change)
        if stated is None or price_reach is None or change_reach is None:
            continue
        signs = (sign,) if sign else (1, -1)
        computed = {s: move_percent(price_reach, _unsigned(change_reach), s) for s in signs}
        if any(c is None for c in computed.values()):
            continue
        unsigned_stated = _unsigned(stated)
        if any(meets(unsigned_stated, _unsigned(c)) for c in computed.values() if c is not None):
            continue
        best = signs[0]
        previous = price.quantity.value - best * abs(change.quantity.value)  # type: ignore[operator,union-attr]
        exact = abs(change.quantity.value) / previous * 100  # type: ignore[operator,union-attr]
        places = _decimals(percent) + 1
        move = {1: "a rise", -1: "a fall"}.get(sign or 0, "a move")
        computed_text = _like(percent, exact, places)
        detail = (
            f"{move} of {change.text} to {price.text} is {computed_text} of the previous "
            f"{_like(price, previous, _decimals(price))}, not {percent.text}"
        )
        figures = [price, change, percent]
        yield finding(
            context,
            rule,
            sheet.source.id,
            [quote(claim) for claim in sorted(figures, key=lambda c: c.span.start)],
            explanation=f"the previous price is {price.text} {'+' if best < 0 else '−'} {change.text}; "
            f"{change.text} over it is {computed_text}, too far from “{percent.text}” for rounding",
            fix=f"check the three figures against the market data: {computed_text} would fit",
            check="stock move",
            detail=detail,
            stated=percent.text,
            computed=computed_text,
            figures=", ".join(claim.text for claim in figures),
        )


def _day_ranges(context: Context, rule: Rule, sheet: _Sheet) -> Iterator[Finding]:
    """A price outside the range the same source gives for its day."""
    prices = sheet.of(_PRICE)
    for span in sheet.of(_RANGE):
        quantity = span.quantity
        if quantity is None or quantity.low is None or quantity.high is None:
            continue
        bounds = written(span)
        together = [p for p in prices if _akin(sheet, span, p)]
        others = [p for p in prices if _same_day_elsewhere(sheet, span, p)]
        for price in together or others:
            reach_ = written(price)
            if bounds is None or reach_ is None or meets(bounds, reach_) or price.quantity is None:
                continue
            if price.quantity.unit != quantity.unit:
                continue
            low, high = (_like(span, end, _decimals(span)) for end in (quantity.low, quantity.high))
            side = "above" if reach_[0] > bounds[1] else "below"
            yield finding(
                context,
                rule,
                sheet.source.id,
                [quote(claim) for claim in sorted((span, price), key=lambda c: c.span.start)],
                explanation=f"the day's range runs from {low} to {high}; a price of that day lies within it",
                fix="check the price and the range against the market data, and whether they are of "
                "the same day and session",
                check="day range",
                detail=f"the price {price.text} lies {side} the day's range of {low} to {high}",
                stated=price.text,
                computed=f"{low} to {high}",
                figures=f"{span.text}, {price.text}",
            )


def _parts_and_totals(context: Context, rule: Rule, sheet: _Sheet) -> Iterator[Finding]:
    """A total that one sentence gives with its parts, and that they do not make."""
    sums = context.kb.sums
    earlier = _phrases(rule.params["earlier_parts"])
    for total in sheet.claims:
        if total.attribute not in sums or total.quantity is None:
            continue
        parts = [
            part
            for part in sheet.claims
            if part is not total
            and part.attribute in sums[total.attribute]
            and sheet.together(part, total)
            and sheet.same_parties(part, total)
            and part.quantity is not None
            and part.quantity.unit == total.quantity.unit
            and (total.modality == "prospective" or part.modality != "prospective")
        ]
        reaches = [reach(part, context.kb) for part in parts]
        whole = reach(total, context.kb)
        if not parts or whole is None or any(r is None for r in reaches):
            continue
        low = sum(r.low for r in reaches)  # type: ignore[union-attr]
        high = sum(r.high for r in reaches)  # type: ignore[union-attr]
        if meets((low, high), (whole.low, whole.high)):
            continue
        short = high < whole.low
        if short and (len(parts) < 2 or earlier.search(sheet.sentence_text(total))):
            continue  # the total may hold parts that the sentence does not list
        values = [part.quantity.value for part in parts if part.quantity is not None]
        if any(value is None for value in values) or total.quantity.value is None:
            continue
        made = _like(total, sum(values), max(_decimals(c) for c in (*parts, total)))  # type: ignore[arg-type]
        listed = " + ".join(part.text for part in parts)
        parted = f"the parts {listed} make {made}," if len(parts) > 1 else f"the part {listed} is"
        detail = f"{parted} {'less' if short else 'more'} than the total {total.text}"
        yield finding(
            context,
            rule,
            sheet.source.id,
            [quote(claim) for claim in sorted((*parts, total), key=lambda c: c.span.start)],
            explanation=f"the sentence gives {listed} as the parts of {total.text} "
            f"({total.attribute} is the sum of {', '.join(sums[total.attribute])} in rules/matching.yaml)",
            fix=f"correct a part or the total: the parts make {made}",
            check="parts and total",
            detail=detail,
            stated=total.text,
            computed=made,
            figures=", ".join(claim.text for claim in (*parts, total)),
        )


def _growth_rates(context: Context, rule: Rule, sheet: _Sheet) -> Iterator[Finding]:
    """A growth rate that is not the change between the two values its sentence gives."""
    to_words, from_words = rule.params["to_words"], rule.params["from_words"]
    figures = [c for c in sheet.claims if c.kind in ("money", "percent", "quantity") and written(c)]
    for index, (a, b) in enumerate(itertools.pairwise(figures)):
        if not sheet.together(a, b) or a.quantity is None or b.quantity is None:
            continue
        if a.quantity.unit != b.quantity.unit or a.quantity.unit in ("percent", "pp", "bp"):
            continue
        if sheet.preceded_by(a, to_words) and sheet.preceded_by(b, from_words):
            start, end = b, a
        elif sheet.preceded_by(a, from_words) and sheet.preceded_by(b, to_words):
            start, end = a, b
        else:
            continue
        neighbours = [figures[k] for k in (index - 1, index + 2) if 0 <= k < len(figures)]
        rates = [
            c
            for c in neighbours
            if sheet.together(c, a) and c.quantity is not None and c.quantity.unit == "percent"
        ]
        if not rates:
            continue
        rate = rates[0]
        stated, first, last = written(rate), written(start), written(end)
        if stated is None or first is None or last is None:
            continue
        computed = growth_percent(first, last)
        if computed is None:
            continue
        sign = sheet.direction(rate)
        if sign is None and rate.attribute not in rule.params["growth_attributes"]:
            continue  # a percentage that no word makes a change ("a 5% rate ... from 2,000 to 3,000")
        if sign is None:
            wrong = not meets(_unsigned(stated), _unsigned(computed))
        else:
            wrong = not meets(_unsigned(stated) if sign > 0 else _negated(_unsigned(stated)), computed)
        if not wrong:
            continue
        exact = (end.quantity.value - start.quantity.value) / start.quantity.value * 100  # type: ignore[operator,union-attr]
        said = _like(rate, abs(exact), _decimals(rate) + 1)
        actual = "a rise" if exact >= 0 else "a fall"
        claimed = {1: "a rise", -1: "a fall"}.get(sign or 0, actual)
        instead = rate.text if claimed == actual else f"{claimed} of {rate.text}"
        detail = f"from {start.text} to {end.text} is {actual} of {said}, not {instead}"
        yield finding(
            context,
            rule,
            sheet.source.id,
            [quote(claim) for claim in sorted((rate, start, end), key=lambda c: c.span.start)],
            explanation=f"({end.text} − {start.text}) / {start.text} is {'' if exact >= 0 else '−'}{said}",
            fix=f"correct the rate or one of the values: {actual} of {said} would fit",
            check="growth rate",
            detail=detail,
            stated=rate.text,
            computed=f"{'' if exact >= 0 else '−'}{said}",
            figures=f"{rate.text}, {start.text}, {end.text}",
        )


# --- helpers ------------------------------------------------------------------------------------


def _akin(sheet: _Sheet, a: Claim, b: Claim) -> bool:
    """Two stock figures of one sentence, one company and one day."""
    return sheet.together(a, b) and sheet.same_parties(a, b) and sheet.same_day(a, b)


def _same_day_elsewhere(sheet: _Sheet, a: Claim, b: Claim) -> bool:
    """Two stock figures of one company and one day, said in different sentences."""
    return (
        not sheet.together(a, b)
        and sheet.same_parties(a, b, named=True)
        and sheet.same_day(a, b, strict=True)
    )


def _nearest(claim: Claim, candidates: list[Claim]) -> Claim | None:
    return min(candidates, key=lambda c: abs(c.span.start - claim.span.start), default=None)


def _unsigned(interval: Interval) -> Interval:
    """The magnitudes an interval allows: |x| for every x in it."""
    low, high = interval
    if low >= 0:
        return (low, high)
    if high <= 0:
        return (-high, -low)
    return (0.0, max(-low, high))


def _negated(interval: Interval) -> Interval:
    return (-interval[1], -interval[0])


def _phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _decimals(claim: Claim) -> int:
    return max((len(match.group(1) or "") for match in _NUMBER.finditer(claim.text)), default=0)


def _like(claim: Claim, value: float, decimals: int) -> str:
    """``value`` written the way ``claim`` writes its figure: "$25 billion", "0.679%", "$201.82"."""
    quantity = claim.quantity
    numbers = list(_NUMBER.finditer(claim.text))
    headline = None if quantity is None else quantity.value if quantity.value is not None else quantity.high
    if not numbers or not headline:
        return f"{value:,.{decimals}f}"
    largest = max(float(match.group().replace(",", "")) for match in numbers)
    factor = headline / largest if largest else 1.0
    first = numbers[0]
    text = claim.text[: first.start()] + f"{value / factor:,.{decimals}f}"
    if len(numbers) == 1:
        return text + claim.text[first.end() :]
    # a range ("$204.66 and $201.22"): keep what follows its last number (a unit, a scale word)
    return text + claim.text[numbers[-1].end() :]

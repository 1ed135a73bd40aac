"""The precision a figure was written with: its decimals and the worth of its last written digit.

A written figure stands for everything that rounds to it, so the sums (FL102) need to know how it
was written: "0.68%" has two decimals, "$2.5 billion" a last digit worth $100 million. A range
("$204.66 and $201.22") counts its high end and the most decimals any of its numbers has.
"""

from __future__ import annotations

import dataclasses
import re

from factlint.extract.numbers import GROUP_SPACES, parse_number
from factlint.model import Precision, Quantity

_NUMBER = re.compile(rf"\d(?:[\d,]|[{GROUP_SPACES}](?=\d{{3}}(?!\d)))*(?:\.(\d+))?")
_FRACTION = re.compile(r"\d/(\d+)")  # "8 13/16%": written to a sixteenth


def precision_of(text: str, quantity: Quantity | None) -> Precision | None:
    """How the figure ``text`` writes ``quantity``; None when the text has no digits."""
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return None
    decimals = max(len(match.group(1) or "") for match in numbers)
    largest = max(parse_number(match.group()) for match in numbers)
    headline = None if quantity is None else quantity.value if quantity.value is not None else quantity.high
    step = None
    fraction = _FRACTION.search(text)
    if fraction and int(fraction.group(1)):
        step = 1 / int(fraction.group(1))
    elif largest and headline is not None:
        step = 10.0**-decimals * abs(headline / largest)
    scale = None
    if headline:
        scale = headline / largest if largest else 1.0
    return Precision(decimals, step, scale, (numbers[0].start(), numbers[-1].end()))


def with_precision(text: str, quantity: Quantity | None) -> Quantity | None:
    """``quantity`` with the precision ``text`` writes it with (None stays None)."""
    if quantity is None:
        return None
    return dataclasses.replace(quantity, precision=precision_of(text, quantity))

"""Precise figures as fingerprints: "4,212 patients" in two sources is one fact, "4,112" its typo.

A figure written with many significant digits ("$5,587.75", "4,212") is seldom given twice by
chance. Two such figures of one story, in one unit, whose digits are the same or differ by one
digit or by two neighbours swapped ("$5,687.75" against "$5,587.75", "£124m" against "£142m"), are
almost always one fact, copied right or wrong; so are two counts written with one phrase of three
or more words ("40 additional emergency nurses"). Matching reads them as candidates to link
beside the descriptions' blocks; the guards of subject and sentence likeness still decide.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from factlint.model import Claim

MIN_DIGITS = 4  # fewer significant digits repeat by chance ("14.2%" and "12.4%" in one trial)
# More than a float holds is no figure anyone copies: a run of digits in hostile or broken text,
# whose blocks (two a digit, each as long as the run) would cost the square of its length.
MAX_DIGITS = 15
MIN_PHRASE_WORDS = 3  # "40 additional emergency nurses"; "three pieces" says too little
_WORDS = re.compile(r"[^\W\d_][\w'’&-]*")
_NUMBER = re.compile(r"\d[\d,.\u00a0\u202f\u2009 ]*\d|\d")


def digits_of(claim: Claim) -> str | None:
    """The significant digits a figure is written with ("$5,687.75": "568775"), if enough of them.

    Leading and trailing zeros say only the scale ("2,300" is "23"); a figure whose text holds no
    single number, or one with fewer than :data:`MIN_DIGITS` or more than :data:`MAX_DIGITS`
    significant digits, has none.
    """
    numbers = _NUMBER.findall(claim.text)
    if len(numbers) != 1:
        return None
    significant = re.sub(r"\D", "", numbers[0]).strip("0")
    return significant if MIN_DIGITS <= len(significant) <= MAX_DIGITS else None


def near(one: str, other: str) -> bool:
    """Whether two digit strings are equal, one digit apart, or two neighbours swapped."""
    if len(one) != len(other):
        return False
    differ = [k for k in range(len(one)) if one[k] != other[k]]
    if len(differ) <= 1:
        return True
    first, second = differ[0], differ[-1]
    swapped = one[first] == other[second] and one[second] == other[first]
    return len(differ) == 2 and second == first + 1 and swapped


def fingerprint_blocks(prints: Iterable[tuple[int, str, str]]) -> dict[tuple[str, str], list[int]]:
    """Indexes that may share a fingerprint, by unit and by each way of being one digit apart.

    ``prints`` are (index, unit, digits). A figure is filed under its digits with each position
    blanked (one digit apart) and under its digits with each pair of neighbours swapped; two
    figures that :func:`near` joins always share a block.
    """
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, unit, digits in prints:
        keys = {digits[:k] + "?" + digits[k + 1 :] for k in range(len(digits))}
        swaps = (digits[:k] + digits[k + 1] + digits[k] + digits[k + 2 :] for k in range(len(digits) - 1))
        keys |= {min(digits, swap) for swap in swaps}
        for key in sorted(keys):
            blocks[(unit, key)].append(index)
    return blocks


def phrase_of(claim: Claim) -> str | None:
    """The words a count is written with after its number, if they are a phrase of their own.

    "40 additional emergency nurses": "additional emergency nurses". Two sources that count with
    the same phrase of three or more words copy one fact as surely as a precise figure: the
    phrase is a fingerprint in words. Only counts (quantities) have one.
    """
    if claim.kind != "quantity":
        return None
    numbers = list(_NUMBER.finditer(claim.text))
    rest = claim.text[numbers[-1].end() :] if numbers else claim.text
    words = _WORDS.findall(rest.lower())
    if not numbers:
        words = words[1:]  # a number written in words ("eight current or former members")
    return " ".join(words) if len(words) >= MIN_PHRASE_WORDS else None

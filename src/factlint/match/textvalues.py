"""Text values compared after normalisation: names, lists of names, labels.

A list of people is split on semicolons, "and", "&" and commas, with "Last, First" kept as one
name; each name becomes "first last" in lower case without initials, punctuation or honorifics,
so "Knuth, Donald E." and "Donald Knuth" are one name. Two values are compatible when their
sets of names are equal, or when rapidfuzz's ``token_sort_ratio`` of the sorted names reaches
``text_threshold`` in ``rules/matching.yaml`` (a typo, a missing middle name).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata

from rapidfuzz import fuzz

_SEPARATORS = re.compile(r"\s*(?:;|\band\b|&|\|)\s*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DROP = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "jr", "sr", "phd", "md", "ed", "eds", "editor", "editors"}
)
_MISSING = frozenset({"", "not available", "n/a", "na", "none", "null", "unknown", "-"})


@dataclasses.dataclass(frozen=True)
class TextFigure:
    """A text value as its normalised names (or words), with the threshold it is compared at."""

    key: str
    names: frozenset[str]
    threshold: float = 90.0

    def meets(self, other: object) -> bool:
        """Whether the two values say the same thing after normalisation."""
        if not isinstance(other, TextFigure):
            return False
        if self.names == other.names:
            return True
        return fuzz.token_sort_ratio(self.key, other.key) >= self.threshold


def is_missing(text: str) -> bool:
    """Whether a cell says nothing ("", "Not Available", "n/a")."""
    return " ".join(_plain(text).split()) in _MISSING


@functools.lru_cache(maxsize=131_072)
def text_figure(text: str, threshold: float = 90.0) -> TextFigure | None:
    """The comparable form of a text value, or None when it says nothing."""
    if is_missing(text):
        return None
    names = frozenset(name for name in split_names(text) if name and name not in _MISSING)
    if not names:
        return None
    return TextFigure(" ".join(sorted(names)), names, threshold)


def split_names(text: str) -> list[str]:
    """The names of a list, each as "first last" in lower case without initials."""
    names: list[str] = []
    for part in _SEPARATORS.split(_plain(text)):
        pieces = [piece.strip() for piece in part.split(",") if piece.strip()]
        if not pieces:
            continue
        if len(pieces) == 1:
            names.append(_name(pieces[0]))
        elif all(len(_words(piece)) >= 2 for piece in pieces):
            names.extend(_name(piece) for piece in pieces)  # "Donald Knuth, John Fuller"
        else:
            for index in range(0, len(pieces) - 1, 2):  # "Knuth, Donald E., Fuller, John"
                names.append(_name(f"{pieces[index + 1]} {pieces[index]}"))
            if len(pieces) % 2:
                names.append(_name(pieces[-1]))
    return names


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def _words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text) if word not in _DROP]


def _name(text: str) -> str:
    """A name without initials: "donald e. knuth" to "donald knuth"."""
    words = _words(text)
    kept = [word for word in words if len(word) > 1]
    return " ".join(kept or words)

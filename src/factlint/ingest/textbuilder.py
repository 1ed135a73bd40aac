"""Builds clean text from pieces of an original document while recording where each piece came from."""

from __future__ import annotations

import re

from factlint.model import OffsetMap

# Control characters other than tab and newline, and carriage returns: CRLF and a lone CR both
# end a line, and both become LF.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+|\r\n?")
_LINE_END = re.compile(r"\r\n?|\n")


class TextBuilder:
    """Accumulates clean text and the runs of an :class:`OffsetMap` in one pass.

    ``copy`` takes original characters verbatim (carriage returns and other control characters
    are dropped); ``replace`` writes text that stands for an original range (a decoded entity);
    ``separate`` ends a block with a blank line, once, however many blocks end in a row.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int, int]] = []
        self._length = 0
        self._position = 0

    @property
    def length(self) -> int:
        """Characters written so far."""
        return self._length

    @property
    def position(self) -> int:
        """The original offset just after the last original text written."""
        return self._position

    def _emit(self, text: str, orig_start: int, orig_len: int) -> None:
        if not text:
            return
        last = self._runs[-1] if self._runs else None
        copied = len(text) == orig_len
        if (
            last is not None
            and copied
            and last[1] == last[3]
            and last[2] + last[3] == orig_start
            and last[0] + last[1] == self._length
        ):
            self._runs[-1] = (last[0], last[1] + len(text), last[2], last[3] + orig_len)
        else:
            self._runs.append((self._length, len(text), orig_start, orig_len))
        self._parts.append(text)
        self._length += len(text)
        self._position = max(self._position, orig_start + orig_len)

    def copy(self, start: int, end: int) -> None:
        """Copy ``original[start:end]``, dropping control characters other than newline and tab."""
        position = start
        for match in _CONTROL.finditer(self.original, start, end):
            self._emit(self.original[position : match.start()], position, match.start() - position)
            position = match.end()
            if match.group() == "\r\n":
                position -= 1  # the LF is copied with what follows
            elif match.group() == "\r":
                self.replace("\n", match.start(), match.end())
        self._emit(self.original[position:end], position, end - position)

    def replace(self, text: str, start: int, end: int) -> None:
        """Write ``text`` in place of ``original[start:end]``."""
        if text == self.original[start:end]:
            self._emit(text, start, end - start)
        elif len(text) == end - start:
            # Same length but different text: recorded as an insertion so that it can never be
            # mistaken for a verbatim copy.
            self.insert(text, start)
        else:
            self._emit(text, start, end - start)

    def insert(self, text: str, at: int | None = None) -> None:
        """Write ``text`` that has no counterpart in the original, located at ``at``.

        By default it stands where the original text written so far ends.
        """
        if text:
            at = self._position if at is None else at
            self._position = max(self._position, at)
            self._runs.append((self._length, len(text), at, 0))
            self._parts.append(text)
            self._length += len(text)

    def tail(self, count: int) -> str:
        """The last ``count`` characters written (none for a count of 0)."""
        if count <= 0:
            return ""
        return "".join(self._parts[-count:])[-count:]

    def separate(self, at: int | None = None) -> None:
        """End the current block: make sure the text ends with a blank line (unless empty)."""
        if not self._length:
            return
        ending = self.tail(2)
        if ending == "\n\n":
            return
        self.insert("\n" if ending.endswith("\n") else "\n\n", at)

    def newline(self, at: int | None = None) -> None:
        """End the current line (unless the text is empty or already ends with a newline)."""
        if self._length and not self.tail(1).endswith("\n"):
            self.insert("\n", at)

    def space(self, at: int | None = None) -> None:
        """Make sure words on either side stay apart."""
        if self._length and not self.tail(1).isspace():
            self.insert(" ", at)

    def build(self) -> tuple[str, OffsetMap]:
        """The clean text (trailing whitespace removed) and its offset map."""
        text = "".join(self._parts)
        stripped = text.rstrip()
        runs = []
        for clean_start, clean_len, orig_start, orig_len in self._runs:
            if clean_start >= len(stripped):
                break
            if clean_start + clean_len > len(stripped):
                cut = len(stripped) - clean_start
                orig_len = cut if clean_len == orig_len else orig_len
                clean_len = cut
            runs.append((clean_start, clean_len, orig_start, orig_len))
        return stripped, OffsetMap(tuple(runs), line_starts(self.original))


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets at which each line of ``text`` starts (lines end at LF, CRLF or a lone CR)."""
    return (0, *(match.end() for match in _LINE_END.finditer(text)))

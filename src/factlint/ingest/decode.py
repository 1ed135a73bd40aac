"""Bytes to text: byte-order marks, UTF-8, then a detected or cp1252 fallback; binary is refused."""

from __future__ import annotations

import codecs
import dataclasses

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text files (tab, newline, form feed, carriage return and
# escape do); more than this share of them in the sample means binary.
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_CONTROLS = bytes(byte for byte in range(0x20) if byte not in _TEXT_CONTROLS)  # binary if many
_BINARY_SHARE = 0.10
_SAMPLE = 8192
# Above this share of accented letters followed by another, cp1252 text is taken for mojibake.
_MOJIBAKE_SHARE = 0.3


class BinaryData(ValueError):
    """The bytes are not text."""


@dataclasses.dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used and whether it was a fallback."""

    text: str
    encoding: str
    fallback: bool = False


def decode(data: bytes) -> Decoded:
    """Decode ``data`` as text; raise :class:`BinaryData` when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding).removeprefix("\ufeff"), encoding)
            except UnicodeDecodeError:
                break
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise BinaryData("contains NUL bytes")
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if sample and controls / len(sample) > _BINARY_SHARE:
        raise BinaryData(f"{controls} control bytes in the first {len(sample)}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return Decoded(western, "cp1252", fallback=True)
    guess = _detect(data)
    if guess is not None:
        return Decoded(guess[0], guess[1], fallback=True)
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252", fallback=True)


def _looks_western(text: str) -> bool:
    """True when ``text`` reads as Western European rather than as mojibake of another script.

    In Western text accented letters mostly stand alone inside words (café, naïve, Zürich); the
    same bytes from Cyrillic or Greek code pages decode to long runs of them (Ïðèâåò).
    """
    accented = {index for index, char in enumerate(text) if ord(char) > 0x7F and char.isalpha()}
    if not accented:
        return True
    followed = sum(1 for index in accented if index + 1 in accented)
    return followed / len(accented) < _MOJIBAKE_SHARE


def _detect(data: bytes) -> tuple[str, str] | None:
    """The text and encoding charset-normalizer finds most plausible, if any."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding in {"utf_8", "ascii"}:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None

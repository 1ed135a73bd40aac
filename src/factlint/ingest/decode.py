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
_BINARY_SHARE = 0.10
_SAMPLE = 8192
# Single-byte code pages for Latin-script languages, which short texts cannot tell apart.
_LATIN_CODE_PAGES = {
    "cp1250",
    "cp1252",
    "cp1257",
    "cp775",
    "cp437",
    "cp850",
    "cp852",
    "cp858",
    "cp860",
    "cp863",
    "cp865",
    "latin_1",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "mac_latin2",
    "mac_roman",
    "mac_iceland",
    "mac_turkish",
    "cp1254",
}


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
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if sample and controls / len(sample) > _BINARY_SHARE:
        raise BinaryData(f"{controls} control bytes in the first {len(sample)}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    guess = _detect(data)
    if guess is not None:
        return Decoded(guess[0], guess[1], fallback=True)
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252", fallback=True)


def _detect(data: bytes) -> tuple[str, str] | None:
    """The text and encoding charset-normalizer finds most plausible, if any.

    Short Western text fits several Latin-script code pages equally well (é is the same byte in
    cp1250 and cp1252, ï is not); when the best guess is one of them and the bytes are valid
    cp1252, cp1252 is chosen, as the code page most newsroom files were written in. A guess in
    another script (cp1251 for Cyrillic, say) is kept.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding in {"utf_8", "ascii"}:
        return None
    encoding = best.encoding
    if encoding in _LATIN_CODE_PAGES:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return None

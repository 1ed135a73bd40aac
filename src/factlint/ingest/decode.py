"""Bytes to text: byte-order marks, UTF-8, then a detected or cp1252 fallback; binary is refused.

Two cases sit between "valid UTF-8" and "another encoding": a UTF-8 file with a few damaged bytes
is decoded as UTF-8 with U+FFFD in their place (and says how many), rather than whole as cp1252;
and UTF-16 without a byte-order mark, whose NUL bytes made it look binary, is recognised.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
import unicodedata

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
# A file is UTF-8 with a few damaged bytes when its valid multi-byte characters outnumber its
# invalid bytes this many times (one stray byte in a story with a couple of euro signs).
_UTF8_MARGIN = 2
_UTF8_HEAD = 1 << 16  # bytes enough to refuse a file in a single-byte code page
# UTF-16 without a byte-order mark, written mostly in Latin script, has a NUL in the high byte of
# most characters and almost never in the low one: at least this share of the code units have a
# NUL at one parity, at most the second share at the other. In other scripts the NULs (spaces,
# digits) are fewer, at least the weak share, and charset-normalizer must agree.
_UTF16_NUL_SHARE = 0.3
_UTF16_OTHER_NUL_SHARE = 0.02
_UTF16_WEAK_NUL_SHARE = 0.05
_UTF16_NULS = 4  # and at least this many, so that a few random bytes do not pass
# Decoded UTF-16 must read as text: no NUL, and at most this share of control characters,
# unassigned and private-use code points.
_UTF16_ODD_SHARE = 0.01
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))


class BinaryData(ValueError):
    """The bytes are not text."""


@dataclasses.dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used and whether it was a fallback."""

    text: str
    encoding: str
    fallback: bool = False
    replaced: int = 0  # bytes of invalid UTF-8 replaced with U+FFFD
    note: str = ""  # how it was decoded, when not plainly

    @property
    def detail(self) -> str:
        """What an FL903 warning says about a fallback decoding."""
        return self.note or f"not valid UTF-8; decoded as {self.encoding}"


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
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise BinaryData("contains NUL bytes")
        return utf16
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if sample and controls / len(sample) > _BINARY_SHARE:
        raise BinaryData(f"{controls} control bytes in the first {len(sample)}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _mostly_utf8(data)
    if damaged is not None:
        return damaged
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


def _mostly_utf8(data: bytes) -> Decoded | None:
    """``data`` decoded as UTF-8 with replacement when it is UTF-8 but for a few bytes, else None.

    Real UTF-8 with damage shows many valid multi-byte characters and few invalid bytes; text in
    a single-byte code page (cp1252, latin-1, cp1251) shows the opposite, since its accented
    letters are followed by ASCII and so are never valid UTF-8, and a valid pair (an upper-case
    accented letter then a symbol byte, as in "Ã©") is rare. UTF-8 is chosen when there are at
    least :data:`_UTF8_MARGIN` times as many valid multi-byte characters as invalid bytes.
    """
    head = _utf8_counts(_utf8_head(data))  # quick to refuse a file in a single-byte code page
    valid, invalid = _utf8_counts(data) if len(data) > _UTF8_HEAD and _mostly_valid(*head) else head
    if not _mostly_valid(valid, invalid):
        return None
    plural = "byte" if invalid == 1 else "bytes"
    return Decoded(
        data.decode("utf-8", "replace"),
        "utf-8",
        fallback=True,
        replaced=invalid,
        note=f"not valid UTF-8: {invalid} invalid {plural} replaced with U+FFFD",
    )


def _utf8_head(data: bytes) -> bytes:
    """The first :data:`_UTF8_HEAD` bytes of ``data``, not cutting a UTF-8 sequence in two."""
    cut = min(len(data), _UTF8_HEAD)
    while 0 < cut < len(data) and cut > _UTF8_HEAD - 4 and data[cut] & 0xC0 == 0x80:
        cut -= 1
    return data[:cut]


def _utf8_counts(data: bytes) -> tuple[int, int]:
    """The valid multi-byte characters and the invalid bytes of ``data`` read as UTF-8."""
    escaped = data.decode("utf-8", "surrogateescape")  # each invalid byte becomes one surrogate
    invalid = len(_ESCAPED_BYTE.findall(escaped))
    return len(escaped) - len(data.translate(None, _HIGH_BYTES)) - invalid, invalid


def _mostly_valid(valid: int, invalid: int) -> bool:
    """True when the valid multi-byte characters outnumber the invalid bytes enough (see above)."""
    return valid >= _UTF8_MARGIN * invalid


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """``data`` decoded as UTF-16 without a byte-order mark, or None when it is not that.

    Spaces, digits and Latin letters put a NUL in the high byte of their code unit, so UTF-16
    text has its NULs at one parity only (little-endian: odd offsets). Mostly Latin text shows
    it plainly; text in other scripts, with fewer such characters, must also be named UTF-16 of
    the same byte order by charset-normalizer. Either way the decoded text must read as text: no
    NUL, hardly any control character or unassigned code point, which binary data does not pass.
    """
    if len(data) % 2:
        return None
    sample = data[: _SAMPLE * 2]
    units = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    encoding, major, minor = ("utf-16-le", odd, even) if odd > even else ("utf-16-be", even, odd)
    plain = major >= units * _UTF16_NUL_SHARE and minor <= units * _UTF16_OTHER_NUL_SHARE
    weak = major >= units * _UTF16_WEAK_NUL_SHARE and minor * 8 <= major
    if major < _UTF16_NULS or (not plain and not (weak and _detected(sample) == encoding)):
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    head = text[:_SAMPLE]
    odd_chars = sum(1 for char in head if unicodedata.category(char) in {"Cn", "Co"})
    odd_chars += len(_CONTROL_CHARS.findall(head))
    if "\x00" in text or odd_chars > len(head) * _UTF16_ODD_SHARE:
        return None
    return Decoded(text, encoding, fallback=True, note=f"no byte-order mark; decoded as {encoding}")


def _detected(sample: bytes) -> str:
    """The encoding charset-normalizer finds most plausible for ``sample``, as Python names it."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return best.encoding.replace("_", "-") if best is not None else ""


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

"""Issue 14, case 11: one stray byte must not garble a file, and UTF-16 without a BOM is text.

A UTF-8 file with a few invalid bytes is read as UTF-8 with U+FFFD in their place (an FL903
warning says how many), while real cp1252, latin-1 and cp1251 files are still recognised as such;
UTF-16 without a byte-order mark is decoded, while binary data is still refused (FL902).
"""

from __future__ import annotations

import gzip
import random
import struct

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factlint.ingest import parse_source
from factlint.ingest.decode import BinaryData, Decoded, decode
from factlint.model import Finding, Source

STORY = (
    "Northwind paid €4.2 million – and a further €1.1 million in fees – for Corvid Labs, "
    "its chief executive, José Müller, told Reuters on Monday. "
)


def read(data: bytes, name: str = "story.txt") -> Source | Finding:
    return parse_source(data, name, name)


def warnings(source: Source) -> list[str]:
    return [f"{found.code} {found.message}" for found in source.problems]


@pytest.mark.parametrize(
    ("damage", "count"),
    [(b"\xff", 1), (b"\x80", 1), (b"\xe2\x82", 2), (b"\xe9", 1), (b"\xc3\x28\xa0", 2)],
)
def test_utf8_with_a_stray_byte_keeps_its_euro_amounts(damage, count):
    data = STORY.encode("utf-8") + b"The deal " + damage + b" closed.\n" + STORY.encode("utf-8")
    source = read(data)
    assert isinstance(source, Source) and source.encoding == "utf-8"
    assert "€4.2 million" in source.text and "José Müller" in source.text and "\ufffd" in source.text
    plural = "byte" if count == 1 else "bytes"
    assert warnings(source) == [f"FL903 not valid UTF-8: {count} invalid {plural} replaced with U+FFFD"]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Café paid €4 million – said “Reuters”.", "cp1252"),
        ("Un café naïve à Paris, São Paulo e Zürich. Ação, coração, não.", "latin-1"),
        ("„Spaß“ mit Äpfeln: Österreich zahlt 5 € für Öl.", "cp1252"),  # has a valid UTF-8 pair (ß“)
        ("Привет, мир! Компания заплатила 4 миллиона рублей.", "cp1251"),
        ("Ã© is what UTF-8 é looks like in cp1252, and so is Ã¨ for è.", "cp1252"),  # 2 valid, 2 not
    ],
)
def test_single_byte_files_are_still_read_in_their_encoding(text, encoding):
    source = read(text.encode(encoding))
    assert isinstance(source, Source) and source.encoding != "utf-8"
    assert source.text == text
    assert warnings(source)[0].startswith("FL903 not valid UTF-8; decoded as")


def test_a_lone_stray_byte_in_ascii_is_taken_for_cp1252():
    # Nothing shows the file is UTF-8, and 0xE9 is "é" in cp1252: the better guess is kept.
    source = read(b"Le caf\xe9 ouvre lundi.\n")
    assert isinstance(source, Source) and source.text == "Le café ouvre lundi."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Northwind paid $4 billion for Corvid Labs, Reuters said on Monday.\n" * 3,
        "Привет, мир! Компания «Норд» заплатила 4 миллиона рублей 12 мая.\n",
        "北京时间2024年11月22日，亚马逊宣布向Anthropic追加投资40亿美元。\n",
    ],
)
def test_utf16_without_a_byte_order_mark_is_decoded(text, encoding):
    source = read(text.encode(encoding))
    assert isinstance(source, Source), source
    assert source.encoding == encoding and source.text == text.strip()
    assert warnings(source) == [f"FL903 no byte-order mark; decoded as {encoding}"]


def binaries() -> list[bytes]:
    rng = random.Random(14)
    return [
        bytes(rng.randrange(256) for _ in range(4096)),  # noise
        b"".join(struct.pack("<H", i * 7 % 300) for i in range(2048)),  # a table of small integers
        b"".join(struct.pack(">H", i % 200) for i in range(2048)),
        b"".join(struct.pack("<I", i) for i in range(1024)),
        ("Hello world " * 50).encode("utf-32-le"),  # UTF-32 without a BOM is not taken for UTF-16
        gzip.compress(b"hello " * 1000),
        b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x03\x00\x3e\x00" + bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 40,
        b"\x00\x01binary",  # charset-normalizer calls it UTF-16-LE; its NUL is at the BE parity
        bytes(range(32)) * 20,
        bytes(rng.randrange(1, 256) for _ in range(19)) + b"\x00",  # one NUL in a short blob
    ]


@pytest.mark.parametrize(
    "data",
    binaries(),
    ids=["noise", "le16", "be16", "le32", "utf32", "gz", "elf", "png", "short", "controls", "blob"],
)
def test_binary_data_is_still_refused(data):
    found = read(data)
    assert isinstance(found, Finding) and found.code == "FL902", found


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]) | st.sampled_from("\t\n\r"))


@given(text=TEXT)
def test_valid_utf8_round_trips_exactly(text):
    if text.startswith("\ufeff"):
        text = "x" + text  # a leading BOM is dropped by design
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8")


@given(data=st.binary(max_size=3000))
def test_decoding_never_crashes(data):
    try:
        decoded = decode(data)
    except BinaryData:
        return
    assert isinstance(decoded.text, str) and decoded.replaced >= 0
    decoded.text.encode("utf-8", "surrogatepass")


@given(text=TEXT, damage=st.binary(min_size=1, max_size=3))
def test_damaged_utf8_counts_what_it_replaced(text, damage):
    data = (text + "€ ü ñ ").encode("utf-8") * 3 + damage + b" end"
    try:
        decoded = decode(data)
    except BinaryData:
        assume(False)  # NUL or control bytes in the damage: binary is another test's business
    if decoded.encoding == "utf-8" and decoded.fallback:
        assert decoded.replaced >= 1 and decoded.text.count("\ufffd") >= 1
        assert decoded.text.startswith(text + "€ ü ñ ")


def test_a_long_file_is_judged_whole_not_by_its_head():
    ascii_head = b"Northwind paid four million to Corvid Labs on Monday. " * 1300  # over 64 KB
    source = read(ascii_head + STORY.encode("utf-8") * 3 + b"\xff tail\n")
    assert isinstance(source, Source) and source.encoding == "utf-8" and "€4.2 million" in source.text
    western = read(("Un café naïve à Paris. " * 4000).encode("cp1252"))
    assert isinstance(western, Source) and western.encoding == "cp1252"

"""Suppressions found when a document is read: inline comments with their line, and front matter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import text_source
from factlint.ingest.suppressions import suppressions_of


def test_inline_comments_and_front_matter():
    source = text_source("x", meta={"factlint": {"ignore": ["FL203", " "]}})
    data = b"intro\n<!-- factlint: ignore FL301, time.role -->\nend <!-- FACTLINT: IGNORE FL1 -->\n"
    front, first, second = suppressions_of(source, data)
    assert (front.line, front.selectors) == (0, ("FL203",))
    assert (first.line, first.selectors, first.text) == (
        2,
        ("FL301", "time.role"),
        data.decode().split("\n")[1],
    )
    assert (second.line, second.selectors) == (3, ("FL1",))


def test_near_misses_declare_nothing():
    source = text_source("x")
    assert suppressions_of(source, b"<!-- factlint: ignore -->\n<!-- factlint ignore FL1 -->\n") == ()
    assert suppressions_of(source, b"no comment here\n") == ()
    assert suppressions_of(source) == ()  # "<text>" is no file: nothing to read


def test_the_bytes_read_and_the_file_read_again_agree(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"a\r\nb\r<!-- factlint: ignore FL2 -->\r\n\xff<!-- factlint: ignore FL3 -->\n")
    source = text_source("x", path=str(path))
    assert suppressions_of(source) == suppressions_of(source, path.read_bytes())
    assert [item.line for item in suppressions_of(source)] == [3, 4]


@given(
    st.lists(st.sampled_from(["text", "", "<!-- factlint: ignore FL201 -->", "a <!-- x -->"]), max_size=10)
)
def test_the_line_points_at_the_comment(lines):
    data = "\n".join(lines).encode()
    for item in suppressions_of(text_source("x"), data):
        assert item.text in lines[item.line - 1]

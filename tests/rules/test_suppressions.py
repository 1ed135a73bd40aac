"""Suppressions: inline comments and front matter silence findings where a writer put them."""

from __future__ import annotations

from factlint.pipeline import build_report

ROLE = "Adam Selipsky, AWS CEO, said the partnership would deepen."


def codes(write, name, text):
    path = write(name, text)
    return [f.code for f in build_report([path]).findings if not f.code.startswith("FL9")]


def test_a_comment_silences_its_line_and_the_next_but_no_further(write):
    front = "---\ndate: 2024-11-22\n---\n"
    assert "FL301" not in codes(write, "a.md", f"{front}{ROLE} <!-- factlint: ignore FL301 -->\n")
    assert "FL301" not in codes(write, "b.md", f"{front}<!-- factlint: ignore time -->\n{ROLE}\n")
    far = codes(
        write, "c.md", f"{front}<!-- factlint: ignore FL301 -->\n\nSome other words here.\n\n{ROLE}\n"
    )
    assert "FL301" in far and "FL104" in far


def test_front_matter_silences_the_whole_document_by_code_prefix_or_name(write):
    for selector in ("FL301", "FL3", "time.role_anachronism"):
        text = f"---\ndate: 2024-11-22\nfactlint: {{ignore: [{selector}]}}\n---\n{ROLE}\n"
        assert codes(write, f"{selector}.md", text) == [], selector


def test_a_suppression_for_another_code_silences_nothing_and_is_reported(write):
    found = codes(write, "d.md", f"---\ndate: 2024-11-22\n---\n{ROLE} <!-- factlint: ignore FL401 -->\n")
    assert "FL301" in found and "FL104" in found

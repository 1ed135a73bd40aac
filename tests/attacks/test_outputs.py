"""Issue 14, case 6 and part of 13: hostile paths and messages in every output format.

A file name or a quoted text may hold newlines, ``%``, ``:``, ``,``, markup, control characters,
a right-to-left override or lone surrogates (a file name that is not UTF-8). No format may let
it add a line, a workflow command or a tag, and the data formats must parse and keep the text.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote_to_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.model import Finding, Severity
from factlint.report.lint_formats import render

HOSTILE = [
    "a.md\n::error file=x.md::injected",
    "b.md\r\n::add-mask::secret",
    "100%0A::warning::x.md",
    "dir:with,commas.md",
    "mark<up>&\"quote'.md",
    "ctl\x01\x1b[31m\x7f.md",
    "gpj\u202e.exe.md",
    "caf\udce9.md",
    "lone\ud800high.md",
    "nul\x00byte\ufffe.md",
]


# What XML 1.0 cannot hold (its Char production), written out here rather than imported.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SURROGATE = re.compile("[\ud800-\udfff]")


def escaped_surrogates(text: str) -> str:
    return SURROGATE.sub(lambda m: repr(m.group())[1:-1], text)


def finding(path: str, message: str | None = None, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        code="FL201",
        rule="consistency.conflict",
        severity=severity,
        message=message if message is not None else f"conflict in {path}",
        path=path,
        explanation=f"explained {path}",
    )


def github_lines(findings: list[Finding]) -> list[str]:
    out = render(findings, {}, "github")
    assert out.endswith("\n")
    return out[:-1].split("\n")


def unescape_property(value: str) -> str:
    """What the GitHub runner reads back from a property (ActionCommand.cs unescapes these)."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, char)
    return value


@pytest.mark.parametrize("path", HOSTILE)
def test_a_github_annotation_is_one_command_whatever_the_path(path):
    (line,) = github_lines([finding(path)])
    assert "\r" not in line and line.startswith("::error ")
    head, message = line[2:].split("::", 1)  # the runner ends the properties at the first "::"
    assert ":" not in head
    command, properties = head.split(" ", 1)
    assert command == "error"
    fields = dict(item.split("=", 1) for item in properties.split(","))
    assert set(fields) == {"file", "line", "col", "title"}
    assert unescape_property(fields["file"]) == escaped_surrogates(path)
    assert fields["line"] == "1" and fields["title"] == "FL201"
    assert "%0A" not in message or "\n" in path or "\r" in path


def test_github_escapes_exactly_as_the_actions_toolkit_does():
    # The path stays exact (the annotation must land on the file); the message shows a carriage
    # return as an escape, like every control character, and keeps its newlines.
    (line,) = github_lines([finding("a,b:c%d\r\ne.md", message="50% off\r\nnext: line, more")])
    assert line == (
        "::error file=a%2Cb%3Ac%25d%0D%0Ae.md,line=1,col=1,title=FL201"
        "::50%25 off\\r%0Anext: line, more [consistency.conflict]"
    )


@pytest.mark.parametrize("path", HOSTILE)
def test_junit_parses_and_keeps_the_path(path):
    out = render([finding(path), finding(path, severity=Severity.INFO)], {}, "junit")
    suite = ET.fromstring(out.encode("utf-8"))
    case = suite[0]
    name = case.get("name")
    assert name.startswith("FL201 ") and name.endswith(":1:1")
    shown = name[len("FL201 ") : -len(":1:1")]
    assert shown == NOT_XML.sub(lambda m: repr(m.group())[1:-1], path)
    assert case.find("failure") is not None and suite[1].find("skipped") is not None


@pytest.mark.parametrize("path", HOSTILE)
def test_sarif_parses_and_its_uri_is_the_path_percent_encoded(path):
    out = render([finding(path)], {}, "sarif")
    out.encode("utf-8")  # valid UTF-8: no lone surrogate reaches the output
    result = json.loads(out)["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert re.fullmatch(r"[A-Za-z0-9\-._~/%]+", uri)  # only unreserved characters and escapes
    expected = path.replace("\ud800", "\ufffd").encode("utf-8", "surrogateescape")
    assert unquote_to_bytes(uri) == expected
    assert result["message"]["text"] == escaped_surrogates(f"conflict in {path}")


def test_an_absolute_path_is_a_file_uri_in_sarif():
    out = json.loads(render([finding("/tmp/news/a b.md")], {}, "sarif"))
    location = out["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "file:///tmp/news/a%20b.md"


@pytest.mark.parametrize("path", HOSTILE)
def test_the_json_format_is_valid_and_keeps_the_exact_path(path):
    out = render([finding(path)], {}, "json")
    out.encode("utf-8")
    assert json.loads(out)[0]["path"] == path


@pytest.mark.parametrize("path", HOSTILE)
def test_the_text_format_is_one_line_with_every_control_visible(path):
    out = render([finding(path)], {}, "text")
    assert out.count("\n") == 1 and out.endswith("\n")
    assert not re.search("[\x00-\x1f\x7f\u202e\ud800-\udfff]", out[:-1])


ANY_TEXT = st.text(st.characters(codec=None), max_size=40)


@given(path=ANY_TEXT, message=ANY_TEXT)
def test_any_path_and_message_give_valid_outputs(path, message):
    found = [finding(path or "-", message)]
    (line,) = github_lines(found)
    assert "\r" not in line and line.startswith("::error file=")
    ET.fromstring(render(found, {}, "junit").encode("utf-8"))
    sarif = json.loads(render(found, {}, "sarif").encode("utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "FL201"
    assert json.loads(render(found, {}, "json").encode("utf-8"))[0]["message"] == message


DRAFT = (
    "---\ntitle: Amazon deepens Anthropic bet\ndate: 2024-11-22\n---\n"
    "Amazon has invested a total of $8 billion in Anthropic, the companies said on Friday.\n\n"
    "Anthropic will spend $100 billion on Amazon's cloud.\n"
)
EVIL = "003\x1b[2J\n::error file=x::\u202eevil.txt"


@pytest.fixture
def hostile_sources(tmp_path):
    """The seed sources, the one that conflicts with the draft renamed with a newline, ESC and RLO."""
    import shutil

    from tests.conftest import SEEDS

    folder = tmp_path / "sources"
    shutil.copytree(SEEDS, folder)
    (folder / "003_31850cff8f0cd407.txt").rename(folder / EVIL)
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    return draft, folder


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_hostile_source_name_adds_no_line_to_check(hostile_sources, fmt):
    from click.testing import CliRunner

    from factlint.cli import main

    draft, folder = hostile_sources
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(folder), "--format", fmt])
    lines = result.stdout.splitlines()
    assert lines and not re.search("[\x1b\u202e]", result.stdout)
    if fmt == "github":
        assert all(line.startswith("::") and ":" not in line[2:].split("::", 1)[0] for line in lines)
    else:
        assert all(line.startswith((str(draft), "    ")) for line in lines)
        # The name as the walker shows it (controls as \xNN), its bidi control as the terminal shows it.
        assert any(r"003\x1b[2J\x0a::error file=x::\u202eevil.txt:" in line for line in lines)


def test_the_sources_table_shows_controls_as_escapes_not_question_marks():
    import io

    from rich.console import Console

    from factlint.report.terminal import print_sources

    row = {
        "id": "gpj\u202e.exe.md",
        "path": "gpj\u202e.exe.md",
        "readable": True,
        "published": None,
        "published_from": None,
        "words": 3,
        "problems": [],
        "outlet": "[bold]Wire[/bold]\x1b]0;title\x07",
        "title": "Clear\x1b[2J screen",
    }
    out = io.StringIO()
    print_sources([row], Console(file=out, width=200, force_terminal=True))
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())  # rich's own colours
    assert not re.search("[\x00-\x09\x0b-\x1f\u202e]", shown)
    assert r"gpj\u202e.exe.md" in shown and r"Clear\x1b[2J screen" in shown
    assert r"[bold]Wire[/bold]\x1b]0;title\x07" in shown


HIDDEN_IN_HTML = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]"
)


def test_the_html_report_shows_bidi_controls_and_undecodable_bytes_as_escapes(tmp_path):
    import dataclasses

    from factlint.pipeline import build_report
    from factlint.report.html_report import render_html
    from factlint.rules.selection import Selection

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gpj\u202e.exe.md").write_text(
        "---\ntitle: Totals \u2067reversed\u2069 \u202edlrow\ndate: 2024-11-22\n---\n"
        "Northwind invested $1.2 \u202ebillion in Corvid Labs \x1b[2J on Monday.\n",
        encoding="utf-8",
    )
    (folder / "cafe.txt").write_text(
        "Northwind invested $1.5 billion in Corvid Labs on 2024-11-20.\n", encoding="utf-8"
    )
    report = build_report([folder], selection=Selection(quick=True))  # no great-expectations import
    # A name that is not UTF-8 reaches the report as a surrogate escape (os.fsdecode(b"caf\xe9")).
    renamed = [
        dataclasses.replace(source, path=source.path.replace("cafe", "caf\udce9"), outlet="Wire\x1b[2J")
        for source in report.sources
    ]
    page = render_html(dataclasses.replace(report, sources=tuple(renamed)))
    page.encode("utf-8")  # no lone surrogate left to fail the write
    assert not HIDDEN_IN_HTML.search(page)
    assert "<code>" + str(folder / "gpj&lt;U+202E&gt;.exe.md") + "</code>" in page
    assert "Totals &lt;U+2067&gt;reversed&lt;U+2069&gt; &lt;U+202E&gt;dlrow" in page
    assert "$1.2</mark> &lt;U+202E&gt;billion" in page and "<bdi>Wire&lt;U+001B&gt;[2J</bdi>" in page
    assert "caf&lt;0xE9&gt;.txt" in page


def test_a_number_too_long_to_be_finite_is_no_figure_and_the_reports_stay_valid(tmp_path):
    from factlint.extract import extract_text
    from factlint.pipeline import build_report
    from factlint.report.json_report import render_json

    digits = "7" * 5000
    text = f"It paid ${digits} in all: A $1.9 million and B ${digits}. It sold {digits} units, or {digits}%."
    claims = extract_text(text)
    assert [claim.text for claim in claims if claim.quantity is not None] == ["$1.9 million"]
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: t\npublished: 2024-01-01\n---\n\n{text}\n", encoding="utf-8")
    json.loads(render_json(build_report([path])))

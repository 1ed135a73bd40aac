"""The HTML report: self-contained, no scripts, every piece of source text escaped."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from factlint.pipeline import build_report
from factlint.report.html_report import render_html

from ..conftest import report_outputs

HOSTILE_TITLE = '<script>alert("t")</script><img src=x onerror=alert(1)>'


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(page)
    return parser.tags


def test_seed_report_has_every_section_and_source(seeds):
    page = render_html(build_report([seeds]))
    sections = re.findall(r'<section id="([^"]+)"', page)
    assert sections == ["summary", "findings", "matrix", "timeline", "sources", "source-details", "problems"]
    assert page.count("<details") == 5
    assert "2024-11-22" in page and "InvestorBrandNetwork (IBN)" in page


def test_report_is_self_contained_and_forbids_scripts(seeds):
    page = render_html(build_report([seeds]))
    tags = elements(page)
    assert not [tag for tag, _ in tags if tag in {"script", "iframe", "object", "embed", "link"}]
    for tag, attrs in tags:
        assert not (attrs.get("src") or "").startswith(("http", "//"))
        if tag == "a" and (attrs.get("href") or "").startswith("http"):
            assert attrs.get("rel") == "noopener noreferrer nofollow"
    assert not re.search(r"url\(", page)
    policy = [
        attrs["content"]
        for tag, attrs in tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy and "default-src 'none'" in policy[0] and "script-src" not in policy[0]


def test_hostile_source_text_is_escaped(write, tmp_path):
    write(
        "in/evil.md",
        (
            f'---\ntitle: {HOSTILE_TITLE!r}\nurl: "javascript:alert(1)"\nauthor: "<b>x</b>"\n---\n'
            "Body <svg onload=alert(2)> text with </div></details><script>alert(3)</script>\n"
        ),
    )
    write("in/evil2.html", "<title></style><script>alert(4)</script></title><p>ok &lt;b&gt;</p>")
    page = render_html(build_report([tmp_path / "in"]))
    tags = elements(page)
    assert not [tag for tag, _ in tags if tag in {"script", "img", "svg"}]
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert not [attrs for _, attrs in tags if any(name.startswith("on") for name in attrs)]
    assert "javascript:" not in "".join(str(attrs.get("href")) for _, attrs in tags)
    assert "&lt;script&gt;" in page
    assert page.count("<details") == 2


def test_rendering_is_deterministic(seeds):
    assert render_html(build_report([seeds])) == render_html(build_report([seeds]))


def test_findings_are_listed_with_quotes_and_their_text_is_escaped(seeds, write, tmp_path):
    page = render_html(build_report([seeds]))
    assert "Matt Garman" in page and "time.role_anachronism" in page and "<mark>3.2%</mark>" in page
    body = "Published: 2024-03-04\n\nNorthwind invested {} in Corvid Labs <script>x</script>."
    write("a/one.txt", body.format("$1.2 billion"))
    write("a/two.txt", body.format("$1.5 billion"))
    hostile = render_html(build_report([tmp_path / "a"]))
    assert "FL201" in hostile and "&lt;script&gt;" in hostile
    assert not [tag for tag, _ in elements(hostile) if tag == "script"]


def test_the_claim_matrix_shows_facts_by_source_with_the_flagged_cells(seeds):
    from factlint.report.summary import claim_matrix, overall_agreement

    report = build_report([seeds])
    matrix = claim_matrix(report)
    totals = next(
        row for row in matrix["rows"] if "investment.total" in row["fact"] and row["label"] == "agree"
    )
    assert len(totals["cells"]) >= 4 and {cell["state"] for cell in totals["cells"].values()} == {"ok"}
    dropped = [row for row in matrix["rows"] if row["label"] == "qualifier_dropped"]
    assert dropped and all(any(cell["state"] == "off" for cell in row["cells"].values()) for row in dropped)
    assert 0 < overall_agreement(report) <= 1
    page = render_html(report)
    assert 'class="cell-off"' in page and "qualifier dropped" in page and "agreement between sources" in page


def test_each_finding_quotes_its_claim_in_its_sentence_with_the_source_and_the_knowledge(seeds):
    report = build_report([seeds])
    page = render_html(report)
    checked = [found for found in report.findings if not found.code.startswith("FL9")]
    assert page.count('<article class="finding') == len(checked)
    selipsky = page[page.index("FL301</code>") :]
    selipsky = selipsky[: selipsky.index("</article>")]
    assert "<mark>Adam Selipsky, AWS CEO</mark>, noted: &#34;Anthropic" in selipsky
    assert (
        "<bdi>Reuters</bdi> &middot; 2024-11-22" in selipsky and "002_041f29d0206b217d.txt:44:1" in selipsky
    )
    assert "<code>people.yaml</code> &rsaquo; <code>adam-selipsky</code>" in selipsky
    assert "The Verge, 2024-05-14" in selipsky
    anchor = re.search(r'<a href="#(claim-\d+)"><code>[^<]*002_041f29d0206b217d.txt:44:1', selipsky)
    assert anchor and re.search(
        rf'<mark class="k-role" id="{anchor.group(1)}" [^>]*>Adam Selipsky, AWS CEO<', page
    )


def test_every_claim_is_marked_in_its_source_text_which_stays_whole(seeds):
    report = build_report([seeds])
    page = render_html(report)
    anchors = set(re.findall(r'id="(claim-\d+)"', page))
    assert anchors == {f"claim-{index}" for index in range(1, len(report.claims) + 1)}
    details = page[page.index('<section id="source-details">') : page.index('<section id="problems">')]
    texts = re.findall(r'<div class="text">(.*?)</div>', details, re.DOTALL)
    assert len(texts) == len(report.sources)
    for text, source in zip(texts, report.sources, strict=True):
        plain = html.unescape(re.sub(r"<[^>]+>", "", text))
        assert plain == source.text


def test_the_timeline_places_dated_claims_and_publication_dates(seeds):
    report = build_report([seeds])
    page = render_html(report)
    svg = page[page.index('<svg class="timeline"') : page.index("</svg>")]
    assert svg.count('class="mark published"') == sum(1 for source in report.sources if source.published)
    assert "<title>Reuters: published 2024-11-22</title>" in svg
    assert "<title>Q3 2024 (date): 2024-07-01 to 2024-09-30</title>" in svg
    assert re.search(r'<text class="tick-label"[^>]*>2024</text>', svg)
    assert "could not be placed" in page


def test_a_corpus_without_any_date_says_so_instead_of_drawing(write, tmp_path):
    write("plain/a.txt", "Northwind has 40 stores.")
    page = render_html(build_report([tmp_path / "plain"]))
    assert "<svg" not in page and "No claim names a date that could be placed" in page


def test_the_json_lines_report_holds_the_json_reports_records_one_a_line(seeds, tmp_path):
    import json

    from click.testing import CliRunner

    from factlint.cli import main

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(seeds), *report_outputs(out)])
    assert result.exit_code == 0, result.output
    whole = json.loads((out / "r.json").read_text(encoding="utf-8"))
    lines = [json.loads(line) for line in (out / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    header, records = lines[0], lines[1:]
    assert header["generator"] == "factlint" and header["record"] == "header"
    assert header["counts"] == {
        kind: len(whole[kind]) for kind in ("sources", "claims", "groups", "findings")
    }
    for kind, plural in (
        ("source", "sources"),
        ("claim", "claims"),
        ("group", "groups"),
        ("finding", "findings"),
    ):
        mine = [
            {k: v for k, v in record.items() if k != "record"}
            for record in records
            if record["record"] == kind
        ]
        assert mine == whole[plural]
    again = CliRunner().invoke(
        main, ["report", str(seeds), "-o", str(out / "r.html"), "--jsonl", str(out / "r.jsonl")]
    )
    assert again.exit_code == 0, again.output  # its own file is recognised and replaced


def test_a_large_corpus_shows_its_worst_sources_in_full_and_says_what_it_left_off(monkeypatch):
    from factlint.report import html_report
    from factlint.report.summary import claim_matrix

    from ..conftest import ROOT

    stories = sorted(path for path in (ROOT / "fixtures" / "stories").iterdir() if path.is_dir())
    report = build_report(stories, stories="folder")
    matrix = claim_matrix(report)
    assert len(matrix["tables"]) == 4
    for table in matrix["tables"]:
        columns = {source.id for source in table["columns"]}
        assert columns == {sid for row in table["rows"] for sid in row["cells"]}
    monkeypatch.setattr(html_report, "FULL_TEXTS", 3)
    monkeypatch.setattr(html_report, "TIMELINE_LANES", 2)
    monkeypatch.setattr(html_report, "FINDING_CARDS", 5)
    page = render_html(report)
    assert page.count('<details id="source-') == 3 and page.count('<table class="matrix">') == 4
    assert f"the other {len(report.sources) - 3} are listed above" in page
    assert page.count('class="lane-label') == 2 and f"{len(report.sources) - 2} others are left off" in page
    infos = [f for f in report.findings if f.severity == "info" and not f.code.startswith("FL9")]
    assert page.count('<tr class="finding-line">') == len(infos) > 0
    assert page.count('<article class="finding') == len(
        [f for f in report.findings if f.severity != "info" and not f.code.startswith("FL9")]
    )
    linked = set(re.findall(r'<a href="#(claim-\d+)">', page))
    assert linked <= set(re.findall(r'id="(claim-\d+)"', page))


def test_the_streamed_json_is_the_json_report_byte_for_byte(seeds, write, tmp_path):
    from factlint.report.json_report import render_json, report_dict, report_json

    write(
        "odd/a.md",
        '---\ntitle: "Line\\nbreak \\"quoted\\" \\\\ tab\\t"\n2024-01-02: a date key\ntrue: a truth key\n'
        "7: a number key\nnested: {1.5: x}\n---\nIt raised $5 billion.\n",
    )
    for paths in ([seeds], [tmp_path / "odd"], [tmp_path / "nothing-here"]):
        report = build_report(paths)
        text = render_json(report)
        assert text == report_json(report_dict(report))
        assert json.loads(text) == json.loads(json.dumps(report_dict(report)))
        assert '"True": "a truth key"' in text or "odd" not in str(
            paths[0]
        )  # keys written as to_dict has them
        records = [line for line in text.splitlines() if line.startswith("    ")]
        assert len(records) == sum(
            len(getattr(report, name)) for name in ("sources", "findings", "claims", "groups")
        )
        assert all(json.loads(line.rstrip(",")) for line in records)  # a record a line

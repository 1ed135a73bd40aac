"""Sources written to attack the reader: their report, opened in Chromium with JavaScript on, runs nothing.

Every payload sets ``window.__pwned``, logs to the console, opens a dialog or fetches from another
host, so that a script that ran, a handler that fired or a request that left would be seen. A control
page proves the harness does see a script that runs.
"""

from __future__ import annotations

from pathlib import Path

from factlint.pipeline import build_report
from factlint.report.html_report import render_html

RUN = "window.__pwned='{}';console.log('pwned {}');alert('{}')"


def payload(tag: str) -> str:
    return RUN.format(tag, tag, tag)


def hostile_corpus(folder: Path) -> Path:
    """One source per format, each carrying scripts, handlers and javascript: links in every field."""
    folder.mkdir()
    (folder / "front-matter.md").write_text(
        "---\n"
        f'title: "<script>{payload("yaml-title")}</script></title><b>bold"\n'
        f'outlet: "<img src=x onerror=\\"{payload("yaml-outlet")}\\">"\n'
        f'url: "javascript:{payload("yaml-url")}"\n'
        "date: 2024-11-22\n"
        f'author: "</dd></dl></details></section><svg onload=\\"{payload("yaml-author")}\\">"\n'
        "---\n"
        f"Northwind invested $1.2 billion <script>{payload('md-body')}</script> in Corvid Labs.\n\n"
        f"[read more](javascript:{payload('md-link')}) and "
        f'<a href="javascript:{payload("md-a")}">here</a>.\n\n'
        f'<iframe srcdoc="<script>{payload("md-iframe")}</script>"></iframe>'
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">\n'
        '<style>body { display: none }</style><base href="http://evil.example/">\n'
        "Its shares rose 3% on Monday, <details open ontoggle=\"alert('toggle')\">x</details>.\n",
        encoding="utf-8",
    )
    (folder / "toml.md").write_text(
        "+++\n"
        f"title = \"<img src=x onerror='{payload('toml-title')}'>\"\n"
        "date = 2024-11-21\n"
        "+++\n"
        "Northwind invested $1.5 billion in Corvid Labs, it said on 2024-11-20.\n"
        f'<svg><animate onbegin="{payload("toml-svg")}" attributeName=x dur=1s></svg>\n',
        encoding="utf-8",
    )
    (folder / "page.html").write_text(
        "<html><head>"
        f"<title>A <b>bold</title><script>{payload('html-title')}</script>"
        '<meta property="og:site_name" content="&lt;script&gt;alert(1)&lt;/script&gt;">'
        '<link rel="stylesheet" href="http://evil.example/x.css">'
        f'<meta property="article:published_time" content="2024-11-22">'
        f'</head><body onload="{payload("html-onload")}">'
        f'<p>Amazon invested $4 billion <img src=x onerror="{payload("html-img")}"> in Anthropic.'
        f'<a href="javascript:{payload("html-a")}">more</a>'
        '<math><mi xlink:href="javascript:alert(1)">m</mi></math>'
        f'<p>Unclosed <b><i>markup <object data="javascript:{payload("html-object")}"></object>'
        '<img src="http://evil.example/pixel.gif">',
        encoding="utf-8",
    )
    (folder / "wire.txt").write_text(
        f"By <script>{payload('wire-byline')}</script> Staff\n"
        "NEW YORK, Nov 22 (Reuters) - Northwind invested $1.2 billion in Corvid Labs "
        f'"><svg/onload={payload("wire-body")}>, the company said.\n',
        encoding="utf-8",
    )
    return folder


def test_a_hostile_corpus_runs_no_script_and_fetches_nothing(visit, tmp_path):
    report = build_report([hostile_corpus(tmp_path / "hostile")])
    assert len(report.sources) == 4 and report.claims
    html = tmp_path / "hostile.html"
    html.write_text(render_html(report), encoding="utf-8")
    opened = visit(html)
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not opened.dialogs and not [line for line in opened.console if "pwned" in line]
    assert opened.requests == [opened.url]
    assert page.evaluate("window.__violations") == []
    assert page.locator("script, iframe, object, embed, base, img, link, svg image").count() == 0
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
        ".filter(name => name.startsWith('on'))"
    )
    assert handlers == []
    assert (
        page.locator("[href^='javascript:' i], [src^='javascript:' i], [data^='javascript:' i]").count() == 0
    )
    assert page.locator("meta[http-equiv='refresh' i]").count() == 0
    assert page.locator("body > section").count() == 7
    assert page.locator("#source-details details").count() == 4
    page.locator("#source-details details").first.locator("summary").click()
    text = page.inner_text("body")
    assert "<script>window.__pwned='md-body'" in text or "window.__pwned='yaml-title'" in text
    assert page.evaluate("typeof window.__pwned") == "undefined" and not opened.dialogs


def test_the_harness_sees_a_script_that_does_run(visit, tmp_path):
    control = tmp_path / "control.html"
    control.write_text(
        f"<!DOCTYPE html><html><body><script>{payload('control')}</script>"
        f"<img src=x onerror=\"console.log('pwned handler')\"></body></html>",
        encoding="utf-8",
    )
    opened = visit(control)
    assert opened.page.evaluate("window.__pwned") == "control"
    assert opened.dialogs == ["control"] and "pwned control" in opened.console
    assert any(url.endswith("/x") for url in opened.requests)

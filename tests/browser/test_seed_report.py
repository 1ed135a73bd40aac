"""The README's first command's report, opened in Chromium: sections, findings, links, phone and dark."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main

from ..conftest import ROOT

SECTIONS = ["summary", "findings", "matrix", "timeline", "sources", "source-details", "problems"]


def readme_report_command() -> list[str]:
    """The arguments the README's first set-up command gives ``factlint``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)\n", readme).group(1)
    words = shlex.split(first.split("&&")[-1])
    assert words[0].endswith("bin/factlint"), first
    return words[1:]


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> tuple[Path, dict]:
    """Run the README's report command in a scratch checkout holding the demo corpus."""
    here = tmp_path_factory.mktemp("checkout")
    shutil.copytree(ROOT / "fixtures" / "amazon-anthropic", here / "fixtures" / "amazon-anthropic")
    (here / "reports").mkdir()
    arguments = readme_report_command()
    cwd = Path.cwd()
    os.chdir(here)
    try:
        result = CliRunner().invoke(main, arguments)
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1), result.output
    html = here / "reports" / "amazon-anthropic.html"
    data = json.loads((here / "reports" / "amazon-anthropic.json").read_text(encoding="utf-8"))
    return html, data


def test_the_seed_report_shows_every_section_and_every_finding(visit, seed_report, tmp_path):
    html, data = seed_report
    opened = visit(html, viewport={"width": 1280, "height": 900})
    page = opened.page
    assert page.title() == "factlint report"
    assert page.eval_on_selector_all("body > section", "all => all.map(s => s.id)") == SECTIONS
    checked = [found for found in data["findings"] if not found["code"].startswith("FL9")]
    assert page.locator("article.finding").count() == len(checked) > 0
    cards = page.eval_on_selector_all(
        "#summary li", "all => all.map(li => li.innerText.replace(/\\s+/g, ' ').trim())"
    )
    by_severity = {
        match.group(2): int(match.group(1))
        for card in cards
        if (match := re.fullmatch(r"(\d+) (error|warning|info) findings?", card))
    }
    assert sum(by_severity.values()) == len(checked)
    assert f"{len(data['claims'])} claims" in cards
    first = page.locator("article.finding").first
    assert first.locator(".badge").inner_text().lower() == "error"
    assert page.locator("#timeline svg .mark").count() > 0
    assert page.locator("#timeline svg").bounding_box()["width"] > 300
    assert page.locator("#source-details mark").count() >= len(data["claims"])
    screenshot = tmp_path / "amazon-anthropic.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000
    assert opened.requests == [opened.url] and not opened.console and not opened.dialogs
    assert page.evaluate("window.__violations") == []


def test_a_quote_links_to_its_claim_in_the_text_opening_the_source(visit, seed_report):
    html, _ = seed_report
    page = visit(html, viewport={"width": 1280, "height": 900}).page
    link = page.locator("article.finding figcaption a").first
    target = link.get_attribute("href")
    assert re.fullmatch(r"#claim-\d+", target)
    mark = page.locator(target)
    assert not mark.is_visible()  # inside a closed <details>
    link.click()
    mark.wait_for(state="visible")
    assert mark.evaluate("m => m.closest('details').open") is True
    assert mark.inner_text() == link.locator("xpath=ancestor::figure//mark").inner_text()


def test_on_a_phone_nothing_runs_off_the_side_and_dark_mode_is_dark(visit, seed_report):
    html, _ = seed_report
    phone = visit(html, viewport={"width": 390, "height": 844}, is_mobile=True).page
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    dark = visit(html, color_scheme="dark").page
    light = visit(html, color_scheme="light").page
    background = "getComputedStyle(document.body).backgroundColor"
    brightness = [
        sum(int(part) for part in re.findall(r"\d+", page.evaluate(background))[:3]) for page in (dark, light)
    ]
    assert brightness[0] < 150 < 600 < brightness[1]

"""A real browser for the report: Debian's Chromium driven by Playwright, offline and headless.

Playwright never downloads a browser here: it drives the system Chromium (``FACTLINT_CHROMIUM``,
else ``chromium`` or ``chromium-browser`` on the PATH), which ``.ci/run`` installs. The tests skip,
saying why, only when no Chromium is there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Chromium's background services try to reach Google's hosts; on a closed network that costs
# refused connections at every start, so they are switched off.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The Chromium to drive, or None when the machine has none."""
    named = os.environ.get("FACTLINT_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is missing: pip install -e '.[test]'"
    )
    path = chromium_path()
    if path is None:
        pytest.skip(
            "no Chromium on this machine: install Debian's chromium (apt-get install chromium, as "
            ".ci/run does) or set FACTLINT_CHROMIUM to a Chromium binary"
        )
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


class Visit:
    """A page opened from a file with every request, console line, dialog and CSP report kept."""

    def __init__(self, browser: Any, path: Path, **options: Any) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(java_script_enabled=True, **options)
        self.context.route("**/*", self._route)
        self.context.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        self.page = self.context.new_page()
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_timeout(300)  # an onload or a timer would have fired by now

    def _route(self, route: Any) -> None:
        self.requests.append(route.request.url)
        if route.request.url.split("#")[0] == self.url:
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """Open a file in the browser: ``visit(path, viewport=..., color_scheme=...)``."""
    opened: list[Visit] = []

    def _visit(path: Path, **options: Any) -> Visit:
        opened.append(Visit(browser, path, **options))
        return opened[-1]

    yield _visit
    for each in opened:
        each.close()

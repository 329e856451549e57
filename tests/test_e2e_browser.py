"""End to end: `factcheck serve` on loopback, the editor's page in headless Chromium.

Chromium is Debian's (`apt-get install chromium`), driven by Playwright's Python package with
`executable_path`: Playwright's own browser download is not used. Without either, the test is
skipped, unless FACTCHECK_REQUIRE_BROWSER is set (CI sets it), when it fails instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "errors-wrong-year.md"
CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(reason: str) -> NoReturn:
    if os.environ.get("FACTCHECK_REQUIRE_BROWSER"):
        pytest.fail(f"{reason}, and FACTCHECK_REQUIRE_BROWSER is set")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def playwright_start() -> Callable[[], Any]:
    """Playwright's `sync_playwright`, once both it and Chromium are known to be there."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install playwright)")
    if not shutil.which(CHROMIUM):
        _missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    return sync_playwright


@pytest.fixture(scope="module")
def server(playwright_start: object, store_path: Path) -> Iterator[str]:
    """`factcheck serve` in a process of its own, on a free loopback port; its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "factcheck", "serve", "--port", str(port)]
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [*command, "--db", str(store_path)], stdout=log, stderr=subprocess.STDOUT
        )
        try:
            _wait_until_up(base, process, log)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(base + "healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail("factcheck serve did not start:\n" + log.read().decode())
            time.sleep(0.1)


def test_the_editor_sees_the_mismatch_and_its_correction(
    playwright_start: Callable[[], Any], server: str, tmp_path: Path
) -> None:
    body = ARTICLE.read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    foreign: list[str] = []
    with playwright_start() as playwright:
        # A fresh profile each run: nothing from an earlier run, nothing shared with a user's.
        browser = playwright.chromium.launch_persistent_context(
            tmp_path / "profile",
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            viewport={"width": 1366, "height": 768},
        )
        try:
            page = browser.new_page()
            page.on("request", lambda request: foreign.append(request.url))
            page.goto(server)
            page.get_by_label("Article", exact=True).fill(body)
            page.get_by_label("Published").fill("2025-07-20")
            page.get_by_role("button", name="Check").click()

            mark = page.locator("a.fc-mark.fc-mismatch")
            mark.first.wait_for(timeout=10_000)
            assert mark.count() == 1
            assert "$132.9 million" in mark.inner_text()
            assert "$130.3 million" in mark.inner_text()
            first_note = page.locator(".fc-notes li").first
            assert first_note.get_attribute("data-verdict") == "mismatch"
            assert "$130.3 million" in first_note.inner_text()
            assert first_note.locator("a[href^='https://']").count() >= 1
            assert "1 mismatch" in page.locator("#fc-status").inner_text()
            # The results take the focus, so a keyboard user carries on from there.
            assert page.evaluate("document.activeElement.id") == "fc-title"

            screenshot = tmp_path / "editor-page.png"
            page.screenshot(path=str(screenshot), full_page=True)
            assert screenshot.stat().st_size > 10_000
            print(f"screenshot: {screenshot}")
        finally:
            browser.close()
    assert [url for url in foreign if not url.startswith(server)] == [], "fetched elsewhere"

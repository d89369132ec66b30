"""`make serve` never hangs: after a failed rebuild the page in the browser says what is wrong,
and the terminal names the first problem (the fixture site, served by the real `mkdocs serve`)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from conftest import MKDOCS, ROOT, copy_fixture

pytestmark = pytest.mark.browser

FIXTURE = ROOT / "tests" / "fixtures" / "partial-language"
BROKEN_LINK = "Read [the missing page](missing.md).\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, timeout: float = 120) -> None:
    """Poll the preview until it answers (the first build takes a few seconds), or the server dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped:\n{server.communicate()[1]}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.2)  # a poll interval, not a wait for something to happen
    pytest.fail(f"mkdocs serve did not answer at {url} within {timeout} s", pytrace=False)


@pytest.fixture
def preview(tmp_path):
    site = tmp_path / "preview"
    copy_fixture("partial-language", site)
    (site / "docs/fr/index.md").unlink()  # English only: no translation record to keep in step
    port = free_port()
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_served(url, server)
        yield site, url, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_failed_rebuild_is_shown_in_the_browser_and_the_terminal(page, preview):
    site, url, server = preview
    page.goto(url + "guide/")
    banner = page.locator(".kyc-build-problems")
    expect(page.locator("h1")).to_contain_text("The guide")
    assert banner.count() == 0

    guide = site / "docs/en/guide.md"
    good = guide.read_text(encoding="utf-8")
    guide.write_text(good + "\n" + BROKEN_LINK, encoding="utf-8")
    expect(banner).to_be_visible(timeout=60_000)  # the page reloads by itself and says what is wrong
    expect(banner).to_contain_text("missing.md")
    expect(page.locator("h1")).to_contain_text("The guide")  # the last good pages are still there

    guide.write_text(good, encoding="utf-8")
    expect(banner).to_have_count(0, timeout=60_000)

    server.terminate()
    terminal = server.communicate(timeout=30)[1]
    first = next(line for line in terminal.splitlines() if "The build failed" in line)
    assert "The first:" in first and "missing.md" in first, terminal


def test_the_preview_lists_the_problems_as_the_terminal_does(page, preview):
    """Same problems, same order, no summary numbered as one of them; the first is the cause."""
    site, url, server = preview
    page.goto(url + "guide/")
    guide = site / "docs/en/guide.md"
    guide.write_text(
        guide.read_text(encoding="utf-8") + "\nRead [the missing page](missing.md) and [another](gone.md).\n", encoding="utf-8"
    )
    items = page.locator(".kyc-build-problems li")
    expect(items).to_have_count(2, timeout=60_000)
    shown = items.all_inner_texts()

    server.terminate()
    terminal = server.communicate(timeout=30)[1].splitlines()
    errors = [line.split(" -  ", 1)[1] for line in terminal if line.startswith("ERROR") and "see above" not in line]
    assert errors[:2] == shown, terminal
    assert "missing.md" in shown[0] and "gone.md" in shown[1]
    assert any(f"The first: {shown[0]}" in line for line in terminal)

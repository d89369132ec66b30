"""Shared fixtures: the real strict build, a local HTTP server for it, and Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from site_languages import declared_languages

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
MKDOCS = Path(sys.executable).with_name("mkdocs")
LANGUAGES = declared_languages(ROOT / "mkdocs.yml")
DEFAULT_LOCALE = next(lang["locale"] for lang in LANGUAGES if lang.get("default"))


def language_prefix(locale: str) -> str:
    """The URL path a language lives under: '' for the default, 'fr/' for French."""
    return "" if locale == DEFAULT_LOCALE else f"{locale}/"


def mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the real strict build (never quiet: -q hides warnings from the strict count)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config_file.parent,
    )


@pytest.fixture(scope="session")
def build_result() -> subprocess.CompletedProcess:
    return mkdocs_build(ROOT / "mkdocs.yml", SITE)


@pytest.fixture(scope="session")
def built_site(build_result) -> Path:
    if build_result.returncode != 0:
        pytest.fail(f"strict build failed:\n{build_result.stderr}", pytrace=False)
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's Chromium where it is installed: Playwright cannot download one here."""
    args = {**browser_type_launch_args}
    system_chromium = shutil.which("chromium")
    if system_chromium:
        args["executable_path"] = system_chromium
    args["args"] = [
        *args.get("args", []),
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    return args

"""Shared fixtures: the real strict build, served to Chromium at the site's own address."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from site_languages import declared_languages, read_mkdocs_yml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import chromium  # noqa: E402  the one place the browser is chosen

SITE = ROOT / "site"
MKDOCS = Path(sys.executable).with_name("mkdocs")
LANGUAGES = declared_languages(ROOT / "mkdocs.yml")
DEFAULT_LOCALE = next(lang["locale"] for lang in LANGUAGES if lang.get("default"))
SITE_URL = read_mkdocs_yml(ROOT / "mkdocs.yml")["site_url"]


def language_prefix(locale: str) -> str:
    """The URL path a language lives under: '' for the default, 'fr/' for French."""
    return "" if locale == DEFAULT_LOCALE else f"{locale}/"


def mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the real strict build (never quiet: -q hides warnings from the strict count)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config_file.parent,
    )


@pytest.fixture(scope="session")
def build_result() -> subprocess.CompletedProcess:
    return mkdocs_build(ROOT / "mkdocs.yml", SITE)


@pytest.fixture(scope="session")
def built_site(build_result) -> Path:
    if build_result.returncode != 0:
        pytest.fail(f"strict build failed:\n{build_result.stderr}", pytrace=False)
    return SITE


def serve_from(site: Path, site_url: str):
    """A Playwright route handler that answers for site_url from the built site: a folder's
    index.html, a file, or else the root 404.html with status 404, as GitHub Pages does.
    (GitHub Pages redirects a folder's address without its final slash; here that is a 404,
    so a test sees any link that would cost a reader that extra round trip.)"""
    root = urlsplit(site_url).path

    def handler(route) -> None:
        path = unquote(urlsplit(route.request.url).path).removeprefix(root)
        file = site / path
        if path == "" or path.endswith("/"):
            file = file / "index.html"
        if file.is_file() and file.resolve().is_relative_to(site.resolve()):
            route.fulfill(path=file)
        else:
            route.fulfill(path=site / "404.html", status=404)

    return handler


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The site's own address (mkdocs.yml's site_url): browsers visit the site there, offline.

    Its canonical links are then same-origin, as in production, and any request elsewhere is one
    to another origin (tests/test_browser_hosting.py serves it at another address, under a sub-path)."""
    return SITE_URL


@pytest.fixture
def context(context, built_site, site_url):
    context.route(site_url + "**", serve_from(built_site, site_url))
    return context


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": [*browser_type_launch_args.get("args", []), *chromium.LAUNCH_ARGS]}
    if chromium.executable():
        args["executable_path"] = chromium.executable()
    return args

"""Shared fixtures: the real strict build, served to Chromium at the site's own address."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from keep_your_cool.commands import chromium
from keep_your_cool.commands.static_host import route_handler
from keep_your_cool.model.site import load

ROOT = Path(__file__).resolve().parents[1]

SITE_DIR = ROOT / "site"
FIXTURES = ROOT / "tests" / "fixtures"
MKDOCS = Path(sys.executable).with_name("mkdocs")
SITE = load(ROOT / "mkdocs.yml")  # the languages, pages and addresses, as MkDocs reads mkdocs.yml
LOCALES = SITE.locales
DEFAULT_LOCALE = SITE.default.locale
TRANSLATIONS = [lang for lang in SITE.languages if not lang.default]
SITE_URL = SITE.site_url


def pytest_configure(config):
    """One build date for the whole run: the builds it starts (SOURCE_DATE_EPOCH, which they inherit) and
    the editions its tests expect agree even when the run crosses midnight."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))


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


def copy_fixture(name: str, folder: Path) -> Path:
    """A checked-in fixture site (tests/fixtures/<name>/) copied into `folder`, outside the project's git
    history (so its translations need no records), its links to the project's overrides/ and
    translations/ copied as files; its mkdocs.yml.

    Every test site starts here: a fixture reaches the theme under test and the project's words only
    through those relative links (never an absolute path in its mkdocs.yml), and a test's own change
    goes on top of the copy (site_from)."""
    shutil.copytree(FIXTURES / name, folder, dirs_exist_ok=True)
    return folder / "mkdocs.yml"


def fixture_text(name: str, path: str) -> str:
    """A file of a checked-in fixture site (tests/fixtures/<name>/<path>): the base text a test derives its change from."""
    return (FIXTURES / name / path).read_text(encoding="utf-8")


def site_from(name: str, folder: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """A fixture site copied into `folder` (copy_fixture) with a test's own changes on top: each path, from the
    site's root ('docs/fr/x.md', 'mkdocs.yml', 'translations/fr/ui.yml'), written with its text or bytes, or
    deleted when None; its mkdocs.yml."""
    config = copy_fixture(name, folder)
    for name_in_site, content in (changes or {}).items():
        path = folder / name_in_site
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return config


def built_fixture(name: str, tmp_path_factory) -> Path:
    """A fixture site (tests/fixtures/<name>/), copied and built strictly into a folder of its own."""
    root = tmp_path_factory.mktemp(name)
    result = mkdocs_build(copy_fixture(name, root / "source"), root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def build_result() -> subprocess.CompletedProcess:
    return mkdocs_build(ROOT / "mkdocs.yml", SITE_DIR)


@pytest.fixture(scope="session")
def built_site(build_result) -> Path:
    if build_result.returncode != 0:
        pytest.fail(f"strict build failed:\n{build_result.stderr}", pytrace=False)
    return SITE_DIR


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The site's own address (mkdocs.yml's site_url): browsers visit the site there, offline.

    Its canonical links are then same-origin, as in production, and any request elsewhere is one
    to another origin (tests/test_browser_hosting.py serves it at another address, under a sub-path)."""
    return SITE_URL


@pytest.fixture
def context(context, built_site, site_url):
    context.route(site_url + "**", route_handler(built_site, site_url))
    return context


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": [*browser_type_launch_args.get("args", []), *chromium.LAUNCH_ARGS]}
    if chromium.executable():
        args["executable_path"] = chromium.executable()
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Pages as a first visit shows them: no service worker saving the guide in the background while
    a test counts requests (tests/test_browser_pocket.py allows it in contexts of its own)."""
    return {**browser_context_args, "service_workers": "block"}

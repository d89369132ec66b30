"""A small English + French fixture site for translators' edits (tests/fixtures/translation-cases/), built for real.

Every case is its own page pair (docs/en/<case>.md, docs/fr/<case>.md), so one build
of one site checks many edits: each must be reported at its own file and line.
"""

from __future__ import annotations

import time
from pathlib import Path

from conftest import ROOT, fixture_text, mkdocs_build, site_from

FIXTURE = "translation-cases"
CONFIG = fixture_text(FIXTURE, "mkdocs.yml")
EN_PAGE = fixture_text(FIXTURE, "docs/en/case.md")
FR_PAGE = fixture_text(FIXTURE, "docs/fr/case.md")
LAST = 20  # the line of "Proposez une solution."


INDEX = {name: fixture_text(FIXTURE, f"docs/{name}") for name in ("en/index.md", "fr/index.md")}
LANGUAGES = """\
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: fr
          name: Français
          build: true
"""


def fixture_config(theme: str = "material", extensions: str = "", site_url: str = "") -> str:
    """An English + French fixture's mkdocs.yml: the theme, Markdown extensions, and our plugin."""
    return (
        "site_name: Fixture\n"
        + (f"site_url: {site_url}\n" if site_url else "")
        + f"theme:\n  name: {theme}\n  custom_dir: {ROOT / 'overrides'}\n"  # the plugin's partials are there
        + extensions
        + "plugins:\n  - keep-your-cool  # first here, so a test can append to the language blocks below\n"
        + LANGUAGES.removeprefix("plugins:\n")
    )


def write_site(root: Path, french: dict[str, str | bytes], changes: dict[str, str | bytes | None] | None = None) -> Path:
    """The fixture copied into root with one English page (docs/en/case.md's text) per French case page, then
    `changes` (paths from the site's root, as conftest.site_from takes them); its mkdocs.yml."""
    cases: dict[str, str | bytes | None] = {}
    for name, text in french.items():
        cases[f"docs/en/{name}.md"] = EN_PAGE
        cases[f"docs/fr/{name}.md"] = text
    return site_from(FIXTURE, root, cases | (changes or {}))


def build(root: Path):
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    return result, result.stdout + result.stderr


def timed_build(root: Path):
    """The build, its output and how long it took (to compare with a clean build in the same run)."""
    start = time.monotonic()
    result, output = build(root)
    return result, output, time.monotonic() - start


def page_count(root: Path) -> int:
    return sum(1 for _ in (root / "docs").rglob("*.md"))


def site_text(site: Path) -> str:
    """Every text file the build wrote, joined (to look for what must not be there)."""
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".xml", ".json", ".js", ".txt", ".css"}
    )

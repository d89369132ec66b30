"""A small English + French fixture site for translators' edits (tests/fixtures/translation-cases/), built for real.

Every case is its own page pair (docs/en/<case>.md, docs/fr/<case>.md), so one build
of one site checks many edits: each must be reported at its own file and line.
"""

from __future__ import annotations

import time
from pathlib import Path

from conftest import fixture_text, mkdocs_build, site_from

FIXTURE = "translation-cases"
CONFIG = fixture_text(FIXTURE, "mkdocs.yml")
EN_PAGE = fixture_text(FIXTURE, "docs/en/case.md")
FR_PAGE = fixture_text(FIXTURE, "docs/fr/case.md")
LAST = 20  # the line of "Proposez une solution."


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

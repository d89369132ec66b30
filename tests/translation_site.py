"""A small English + French fixture site for translators' edits, built for real.

Every case is its own page pair (docs/en/<case>.md, docs/fr/<case>.md), so one build
of one site checks many edits: each must be reported at its own file and line.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from conftest import ROOT, mkdocs_build

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


def copy_english_words(root: Path) -> None:
    """The site's own words in English (translations/en/), which every language falls back to."""
    shutil.copytree(ROOT / "translations" / "en", root / "translations" / "en", dirs_exist_ok=True)


CONFIG = fixture_config(
    extensions="""\
markdown_extensions:
  - attr_list
  - admonition
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
""",
    site_url="https://example.org/guide/",
)

EN_PAGE = """\
---
description: A case.
---

# Case

## Apologize {#apologize}

Say sorry. See [home](index.md#welcome).

!!! tip "Tip"
    Mean it.

```text
code
```

## Remedy {#remedy}

Offer a fix.
"""

FR_PAGE = """\
---
description: Un cas.
---

# Cas

## Excusez-vous {#apologize}

Dites pardon. Voir [l'accueil](index.md#welcome).

!!! tip "Astuce"
    Soyez sincère.

```text
code
```

## Réparez {#remedy}

Proposez une solution.
"""
LAST = 20  # the line of "Proposez une solution."

INDEX = {
    "en/index.md": "---\ndescription: Home.\n---\n\n# Home\n\n## Welcome {#welcome}\n\nHi.\n",
    "fr/index.md": "---\ndescription: Accueil.\n---\n\n# Accueil\n\n## Bienvenue {#welcome}\n\nSalut.\n",
}


def write_site(root: Path, french: dict[str, str | bytes], config: str = CONFIG) -> Path:
    """A site with one English page per French case page (plus the home pages); its mkdocs.yml."""
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    copy_english_words(root)
    pages: dict[str, str | bytes] = dict(INDEX)
    for name, text in french.items():
        pages[f"en/{name}.md"] = EN_PAGE
        pages[f"fr/{name}.md"] = text
    for name, content in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root / "mkdocs.yml"


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

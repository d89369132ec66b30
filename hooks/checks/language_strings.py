"""The words each language block of mkdocs.yml gives the templates: site name, description, nav titles.

They reach the page as they are written (autoescape is off), so they must be plain text, and a
nav_translations key must be a title of mkdocs.yml's nav, or the menu silently stays English.
"""

from __future__ import annotations

from pathlib import Path

from checks.plain_text import markup_in
from checks.problem import closest

FIX = "write plain words, without '<' tags or '&…;' entities."


def language_problems(config_file: Path, root: Path, languages, nav_labels: list[str]) -> list[tuple[str, int, str, str]]:
    """(file, line, what, fix) for each language's site_name, site_description and nav_translations
    (whose keys must be labels of the nav)."""
    lines = config_file.read_text(encoding="utf-8").splitlines()
    name = config_file.relative_to(root).as_posix() if config_file.is_relative_to(root) else config_file.name

    def line_of(text: str, after: int = 0) -> int:
        return next((n for n, line in enumerate(lines, 1) if n > after and text in line), after or 1)

    titles, found = {str(label) for label in nav_labels}, []
    for language in languages:
        start = line_of(f"locale: {language.locale}")
        for key in ("site_name", "site_description"):
            value = getattr(language, key, None) or ""
            if markup := markup_in(value):
                found.append((name, line_of(f"{key}:", start), f"the {language.locale} {key} holds markup ('{markup}')", FIX))
        for title, translated in (getattr(language, "nav_translations", None) or {}).items():
            line = line_of(f"{title}:", start)
            if title not in titles:
                hint = closest(title, titles)
                found.append(
                    (
                        name,
                        line,
                        f"nav_translations key '{title}' is not a title of the nav",
                        f"copy the English title from mkdocs.yml's nav exactly{f' (closest: {hint!r})' if hint else ''}.",
                    )
                )
            if markup := markup_in(str(translated)):
                found.append((name, line, f"the {language.locale} nav title for '{title}' holds markup ('{markup}')", FIX))
    return found

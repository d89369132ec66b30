"""The site's own words in each language (translations/<lang>/ui.yml), English for any not
translated, and the words its readers search for (translations/<lang>/search-words.yml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from checks.ui_file import ui_problems


def ui_words(root: Path, locale: str, default: str) -> dict[str, str]:
    """The site's own words in `locale`, English for any not translated.

    A file with problems gives English words only: the preflight reports its problems."""
    files = (root / "translations" / default / "ui.yml", root / "translations" / locale / "ui.yml")
    return dict(_read(root, locale, default, tuple(f.stat().st_mtime_ns if f.is_file() else 0 for f in files)))


@cache  # read once per build, not per page; an edited file (mkdocs serve) has a new modification time
def _read(root: Path, locale: str, default: str, _changed: tuple[int, ...]) -> dict[str, str]:
    words = yaml.safe_load((root / "translations" / default / "ui.yml").read_text(encoding="utf-8"))
    own = root / "translations" / locale / "ui.yml"
    if own.is_file() and locale != default and not ui_problems(root, locale, default):
        words.update(yaml.safe_load(own.read_text(encoding="utf-8-sig")) or {})
    return words


def search_words(root: Path, locale: str) -> dict[str, str]:
    """translations/<locale>/search-words.yml: each word staff type, and the page (in docs/<locale>/)
    it must find; empty when the language has no such file (a test says so)."""
    file = root / "translations" / locale / "search-words.yml"
    words = yaml.safe_load(file.read_text(encoding="utf-8")) if file.is_file() else None
    return {str(word): str(page) for word, page in words.items()} if isinstance(words, dict) else {}

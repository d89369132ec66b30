"""The site's own words in each language (translations/<lang>/ui.yml), English for any not
translated, and the words its readers search for (translations/<lang>/search-words.yml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from keep_your_cool.checks.language_words import UI, file_problems, read_words
from keep_your_cool.model import safe_yaml


def ui_words(root: Path, locale: str, default: str) -> dict[str, str]:
    """The site's own words in `locale`, English for any not translated.

    A file with problems gives English words only: the preflight reports its problems."""
    files = (root / "translations" / default / "ui.yml", root / "translations" / locale / "ui.yml")
    return dict(_read(root, locale, default, tuple(f.stat().st_mtime_ns if f.is_file() else 0 for f in files)))


@cache  # read once per build, not per page; an edited file (mkdocs serve) has a new modification time
def _read(root: Path, locale: str, default: str, _changed: tuple[int, ...]) -> dict[str, str]:
    words = read_words(root, default, UI)
    if locale != default and not file_problems(root, locale, default, UI):
        words.update(read_words(root, locale, UI))
    return words


def search_words(root: Path, locale: str) -> dict[str, str]:
    """translations/<locale>/search-words.yml: each word staff type, and the page (in docs/<locale>/)
    it must find; empty when the language has no such file (a test says so)."""
    file = root / "translations" / locale / "search-words.yml"
    try:
        words = safe_yaml.load(safe_yaml.decode(file.read_bytes())) if file.is_file() else None
    except safe_yaml.YamlProblem:  # the preflight reports it
        words = None
    return {str(word): str(page) for word, page in words.items()} if isinstance(words, dict) else {}

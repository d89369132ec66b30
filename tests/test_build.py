"""The strict build passes with no warnings, and every Markdown page becomes a page in site/."""
from __future__ import annotations

from conftest import LANGUAGES, ROOT, language_prefix


def built_path(markdown: str) -> str:
    """docs/<lang>/a/b.md is served at a/b/index.html (index.md at the folder itself)."""
    stem = markdown[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return f"{stem[: -len('index')]}index.html"
    return f"{stem}/index.html"


def test_strict_build_has_no_warnings(build_result):
    assert build_result.returncode == 0, build_result.stderr
    warnings = [line for line in build_result.stderr.splitlines() if "WARNING" in line]
    assert warnings == []


def test_every_markdown_page_is_built_in_every_language(built_site):
    english = sorted(p.relative_to(ROOT / "docs" / "en").as_posix() for p in (ROOT / "docs" / "en").rglob("*.md"))
    assert english, "no English pages found"
    missing = []
    for lang in LANGUAGES:
        own = [p.relative_to(ROOT / "docs" / lang["locale"]).as_posix() for p in (ROOT / "docs" / lang["locale"]).rglob("*.md")]
        for page in sorted(set(english) | set(own)):
            target = built_site / language_prefix(lang["locale"]) / built_path(page)
            if not target.is_file():
                missing.append(f"{lang['locale']}: {page} -> {target.relative_to(built_site)}")
    assert missing == []


def test_no_translated_page_falls_back_to_english(built_site):
    """Once a language is complete, none of its pages is the English text under a notice."""
    fallbacks = []
    for lang in LANGUAGES:
        if lang.get("default"):
            continue
        for html_file in (built_site / lang["locale"]).rglob("index.html"):
            if '<div lang="en">' in html_file.read_text(encoding="utf-8"):
                fallbacks.append(html_file.relative_to(built_site).as_posix())
    assert fallbacks == []


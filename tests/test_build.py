"""The strict build passes with no warnings, and every Markdown page becomes a page in site/."""

from __future__ import annotations

import html
import re

import pytest

from conftest import LANGUAGES, ROOT, language_prefix
from site_languages import read_mkdocs_yml


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


def test_only_untranslated_pages_fall_back_to_english(built_site):
    """A translated page shows its own text; a page not translated yet shows the English under a notice,
    so a language can be published before it is complete."""
    wrong = []
    for lang in LANGUAGES:
        if lang.get("default"):
            continue
        for html_file in (built_site / lang["locale"]).rglob("index.html"):
            page = html_file.parent.relative_to(built_site / lang["locale"]).as_posix()
            if any(page.startswith(f"{other['locale']}/") for other in LANGUAGES):
                continue
            fell_back = '<div lang="en">' in html_file.read_text(encoding="utf-8")
            sources = [ROOT / "docs" / lang["locale"] / name for name in markdown_names(page)]
            if fell_back == any(source.is_file() for source in sources):
                wrong.append(f"{lang['locale']}/{page}: {'English text' if fell_back else 'no English notice'}")
    assert wrong == []


def markdown_names(page: str) -> list[str]:
    """The Markdown files a built folder can come from: 'a/b' -> a/b.md or a/b/index.md."""
    return ["index.md"] if page == "." else [f"{page}.md", f"{page}/index.md"]


NAV_LINK = re.compile(r'<a href="([^"#]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html.unescape(fragment)).replace("¶", "").split())


def test_mkdocs_nav_lists_paths_and_translates_only_section_labels():
    """Page titles come from each page's H1: the nav names no page, so no title can drift."""
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    sections, pages = set(), []

    def walk(entries):
        for entry in entries:
            if isinstance(entry, str):
                pages.append(entry)
            else:
                ((label, value),) = entry.items()
                assert isinstance(value, list), f"nav entry {label!r} names a page: list its path only"
                sections.add(label)
                walk(value)

    walk(config["nav"])
    assert pages
    for lang in LANGUAGES:
        assert set(lang.get("nav_translations") or {}) <= sections, lang["locale"]


@pytest.mark.parametrize("locale", [lang["locale"] for lang in LANGUAGES])
def test_every_nav_title_is_the_pages_own_heading(built_site, locale):
    page = built_site / language_prefix(locale) / "sources" / "index.html"
    links = NAV_LINK.findall(page.read_text(encoding="utf-8").split("md-nav--primary", 1)[1])
    assert len(links) >= 10
    drifted = []
    for href, title in links:
        target = (page.parent / href / "index.html").resolve()
        heading = text(H1.search(target.read_text(encoding="utf-8")).group(1))
        if text(title) != heading:
            drifted.append(f"{href}: nav {text(title)!r}, H1 {heading!r}")
    assert drifted == []


EDIT_LINK = re.compile(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit"')


def test_every_page_links_to_its_own_source_file_for_editing(built_site):
    """'Edit this page' opens the file the reader is looking at: docs/<lang>/..., or the English one
    for a page not translated yet."""
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    base = config["repo_url"].rstrip("/") + "/" + config["edit_uri"]
    default = next(lang["locale"] for lang in LANGUAGES if lang.get("default"))
    wrong = []
    for lang in LANGUAGES:
        folder = built_site / language_prefix(lang["locale"])
        for html_file in folder.rglob("index.html"):
            page = html_file.parent.relative_to(folder).as_posix()
            if any(f"{page}/".startswith(f"{other['locale']}/") for other in LANGUAGES) or page == "search":
                continue  # another language's folder
            own = [
                f"{lang['locale']}/{name}" for name in markdown_names(page) if (ROOT / "docs" / lang["locale"] / name).is_file()
            ]
            source = own or [f"{default}/{name}" for name in markdown_names(page) if (ROOT / "docs" / default / name).is_file()]
            links = EDIT_LINK.findall(html_file.read_text(encoding="utf-8"))
            if links != [base + source[0]]:
                wrong.append(f"{html_file.relative_to(built_site)}: {links}, not {base + source[0]}")
    assert wrong == []

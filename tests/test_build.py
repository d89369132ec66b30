"""The strict build passes with no warnings, and every Markdown page becomes a page in site/."""

from __future__ import annotations

import html
import re

import pytest

from conftest import LOCALES, SITE


def test_strict_build_has_no_warnings(build_result):
    assert build_result.returncode == 0, build_result.stderr
    warnings = [line for line in build_result.stderr.splitlines() if "WARNING" in line]
    assert warnings == []


def built_pages(site) -> dict[str, str]:
    """Every page folder of the built site, as a site-relative URL -> its index.html, redirects and search aside."""
    return {
        ("" if file.parent == site else file.parent.relative_to(site).as_posix() + "/"): file
        for file in site.rglob("index.html")
        if file.parent.name != "search"
    }


def test_every_markdown_page_is_built_in_every_language(built_site):
    assert SITE.pages(), "no English pages found"
    built = built_pages(built_site)
    missing = [
        f"{lang.locale}: {page} -> {SITE.url(lang.locale, page)}index.html"
        for lang in SITE.languages
        for page in sorted(set(SITE.pages()) | set(SITE.pages(lang.locale)))
        if SITE.url(lang.locale, page) not in built
    ]
    assert missing == []


def test_only_untranslated_pages_fall_back_to_english(built_site):
    """A translated page shows its own text; a page not translated yet shows the English under a notice,
    so a language can be published before it is complete."""
    wrong = []
    for url, html_file in built_pages(built_site).items():
        language, page = SITE.page_at(url) or (SITE.default, None)  # (a redirect's stub: no page)
        if language.default:
            continue
        fell_back = '<div lang="en">' in html_file.read_text(encoding="utf-8")
        if fell_back == SITE.translated(language.locale, page):
            wrong.append(f"{url}: {'English text' if fell_back else 'no English notice'}")
    assert wrong == []


NAV_LINK = re.compile(r'<a href="([^"#]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html.unescape(fragment)).replace("¶", "").split())


def test_mkdocs_nav_lists_paths_and_translates_only_section_labels():
    """Page titles come from each page's H1: the nav names no page, so no title can drift."""
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

    walk(SITE.config.nav)
    assert pages
    for lang in SITE.config.plugins["i18n"].config.languages:
        assert set(lang.nav_translations or {}) <= sections, lang.locale


@pytest.mark.parametrize("locale", LOCALES)
def test_every_nav_title_is_the_pages_own_heading(built_site, locale):
    page = built_site / SITE.language(locale).prefix / "sources" / "index.html"
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
    base = SITE.config.repo_url.rstrip("/") + "/" + SITE.config.edit_uri
    wrong = []
    for url, html_file in built_pages(built_site).items():
        found = SITE.page_at(url)
        if found is None:  # a redirect's stub
            continue
        language, page = found
        source = SITE.source(language.locale if SITE.translated(language.locale, page) else SITE.default.locale, page)
        expected = base + source.relative_to(SITE.docs_dir).as_posix()
        links = EDIT_LINK.findall(html_file.read_text(encoding="utf-8"))
        if links != [expected]:
            wrong.append(f"{url}: {links}, not {expected}")
    assert wrong == []

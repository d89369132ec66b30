"""The offline edition (`make offline`), unzipped and opened from file:// with no server: every page
of every language asks for nothing outside its folder and logs no error; the switcher keeps the
page and section; search finds a word in each language; copy-a-link gives the published address."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from browser_pages import switch_language
from conftest import LOCALES, ROOT, SITE, SITE_URL, TRANSLATIONS
from keep_your_cool.commands import offline
from keep_your_cool.features import downloads
from keep_your_cool.model.words import search_words
from search_box import search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    """The zip `make offline` writes, unzipped: the folder a trainer opens."""
    dist = tmp_path_factory.mktemp("dist")
    assert offline.main([str(dist)]) == 0
    archive = dist / downloads.OFFLINE_EDITION
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(folder)
    return folder / offline.FOLDER


def pages_of(edition: Path, locale: str) -> list[Path]:
    others = [edition / SITE.language(loc).prefix for loc in LOCALES if SITE.language(loc).prefix and loc != locale]
    return sorted(
        p
        for p in (edition / SITE.language(locale).prefix).rglob("*.html")
        if p.name != "404.html" and not any(p.is_relative_to(o) for o in others)
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_asks_only_for_files_in_its_folder(page, edition, locale):
    folder, problems = edition.as_uri() + "/", []
    page.on(
        "request",
        lambda req: (
            not req.url.startswith((folder, "data:", "blob:", "about:")) and problems.append(f"{page.url} asked {req.url}")
        ),
    )
    page.on("requestfailed", lambda req: problems.append(f"{page.url}: {req.url} failed ({req.failure})"))
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"{page.url}: console {msg.text}"))
    page.on("pageerror", lambda exc: problems.append(f"{page.url}: {exc}"))
    pages = pages_of(edition, locale)
    assert len(pages) > 10
    for file in pages:
        page.goto(file.as_uri())
        page.wait_for_load_state("networkidle")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("target", TRANSLATIONS, ids=lambda lang: lang.locale)
def test_switcher_keeps_page_and_section(page, edition, target):
    default = SITE.default
    page.goto((edition / "four-step-method.html").as_uri() + "#apologize")
    switch_language(page, target.name)
    assert page.url == (edition / target.prefix / "four-step-method.html").as_uri() + "#apologize"
    switch_language(page, default.name)
    assert page.url == (edition / "four-step-method.html").as_uri() + "#apologize"


@pytest.mark.parametrize("locale", LOCALES)
def test_search_finds_a_word_of_each_language(page, edition, locale):
    page.goto((edition / SITE.language(locale).prefix / "index.html").as_uri())
    word = next(iter(search_words(ROOT, locale)), None)  # the first word staff type, from translations/<lang>/
    if word is None:  # a language just added lists none yet: its search still opens and answers
        assert search(page, "qqqq") == []
        return
    results = [result.url for item in search(page, word) for result in item]
    assert results, f"no result for {word!r} offline in {locale}"
    home = (edition / SITE.language(locale).prefix).as_uri().rstrip("/") + "/"
    assert all(url.startswith(home) for url in results)
    page.goto(results[0])
    assert page.locator("html").get_attribute("lang") == locale


def test_copy_a_link_gives_the_published_address(page, context, edition):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto((edition / "fr" / "four-step-method.html").as_uri())
    page.locator(".md-content h2#apologize .headerlink").click()
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + "fr/four-step-method/#apologize"

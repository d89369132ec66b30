"""The built site's pages, and the reader's settings the browser tests visit them with."""

from __future__ import annotations

from pathlib import Path

from conftest import DEFAULT_LOCALE, SITE
from keep_your_cool.commands.screenshots import PAGE_TYPES, PALETTES, VIEWPORTS  # one page of each kind; the reader's settings

__all__ = ["PAGE_TYPES", "PALETTES", "VIEWPORTS", "built_pages", "switch_language", "use_palette"]


def built_pages(site: Path, locale: str) -> list[str]:
    """Every page built for a language, as paths under the site's address: 'fr/three-rs/'; and for
    the default language the one 404.html (which shows every language's words, hooks/keep_your_cool/features/language_404.py)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        path = index.parent.relative_to(site).as_posix()
        path = "" if path == "." else path + "/"
        if SITE.language_at(path).locale == locale:
            pages.append(path)
    return pages + (["404.html"] if locale == DEFAULT_LOCALE else [])


def use_palette(page, site_url: str, locale: str, palette: str) -> None:
    """Choose a palette as a reader does, with the header's toggle (Material remembers the choice)."""
    page.emulate_media(color_scheme="light")
    page.goto(site_url + SITE.url(locale, "index.md"))
    if current_scheme(page) != PALETTES[palette]:
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert current_scheme(page) == PALETTES[palette]


def current_scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def switch_language(page, name: str) -> None:
    """Choose a language in the header's switcher, as a reader does, and wait for its page."""
    page.locator(".md-header .md-select").first.hover()
    link = page.locator(".md-header .md-select").get_by_role("link", name=name, exact=True)
    link.wait_for()
    box = link.bounding_box()
    with page.expect_navigation():  # the mouse clicks where the list shows it, scrolling nothing
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

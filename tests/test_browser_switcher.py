"""The header's language switcher lands on the same page in the chosen language."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, language_prefix

pytestmark = pytest.mark.browser

PAGE = "four-step-method/"


def switch_language(page, name: str) -> None:
    page.locator(".md-header .md-select").first.hover()
    with page.expect_navigation():
        page.locator(".md-header .md-select").get_by_role("link", name=name, exact=True).click()


@pytest.mark.parametrize("target", [lang for lang in LANGUAGES if not lang.get("default")], ids=lambda lang: lang["locale"])
def test_switcher_keeps_the_page(page, site_url, target):
    page.goto(site_url + PAGE)
    switch_language(page, target["name"])
    assert page.url == site_url + language_prefix(target["locale"]) + PAGE
    assert page.locator("html").get_attribute("lang") == target["locale"]
    # and back to the default language from the translation
    default = next(lang for lang in LANGUAGES if lang.get("default"))
    switch_language(page, default["name"])
    assert page.url == site_url + PAGE

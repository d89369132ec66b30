"""The light/dark palette: it follows the reader's system at first, then the reader's own choice,
which Material remembers on every page and in every language."""

from __future__ import annotations

import pytest

from browser_pages import current_scheme
from conftest import LOCALES, SITE

pytestmark = pytest.mark.browser

TOGGLE = "form[data-md-component=palette] label:not([hidden])"


@pytest.mark.parametrize("system, scheme", [("light", "default"), ("dark", "slate")])
def test_first_visit_follows_the_system_setting(page, site_url, system, scheme):
    page.emulate_media(color_scheme=system)
    page.goto(site_url)
    assert current_scheme(page) == scheme


def test_choice_is_remembered_across_pages_and_languages(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "three-rs/")
    page.locator(TOGGLE).click()
    assert current_scheme(page) == "slate"
    for locale in LOCALES:
        for path in ("", "four-step-method/", "examples/late-damaged-order/", "404.html"):
            page.goto(site_url + SITE.language(locale).prefix + path)
            assert current_scheme(page) == "slate", f"dark palette forgotten on {page.url}"
    # and back to light, from a translation, for the whole site
    page.locator(TOGGLE).click()
    page.goto(site_url + "listening/")
    assert current_scheme(page) == "default"


def test_choice_outlasts_the_system_setting(page, site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url)
    page.locator(TOGGLE).click()
    assert current_scheme(page) == "default"
    page.reload()
    assert current_scheme(page) == "default"

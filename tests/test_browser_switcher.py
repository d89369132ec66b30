"""The header's language switcher lands on the same page in the chosen language."""

from __future__ import annotations

import pytest

from browser_pages import switch_language
from conftest import SITE, TRANSLATIONS

pytestmark = pytest.mark.browser

PAGE = "four-step-method.md"


@pytest.mark.parametrize("target", TRANSLATIONS, ids=lambda lang: lang.locale)
def test_switcher_keeps_the_page(page, site_url, target):
    page.goto(site_url + SITE.url(SITE.default.locale, PAGE))
    switch_language(page, target.name)
    assert page.url == site_url + SITE.url(target.locale, PAGE)
    assert page.locator("html").get_attribute("lang") == target.locale
    # and back to the default language from the translation
    default = SITE.default
    switch_language(page, default.name)
    assert page.url == site_url + SITE.url(SITE.default.locale, PAGE)

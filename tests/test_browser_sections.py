"""Trainers' links in Chromium: copy a section's link, keep the section across languages."""

from __future__ import annotations

import pytest

from browser_pages import switch_language
from conftest import DEFAULT_LOCALE, LOCALES, ROOT, SITE, TRANSLATIONS
from model.words import ui_words

pytestmark = pytest.mark.browser

SECTION = "four-step-method/#apologize"


@pytest.fixture
def context(context, site_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    return context


@pytest.mark.parametrize("locale", LOCALES)
def test_copy_link_by_keyboard_puts_the_full_section_url_on_the_clipboard(page, site_url, locale):
    page.goto(site_url + SITE.url(locale, "three-rs.md"))
    control = page.locator("h2#remedy .headerlink")
    assert control.is_visible()
    label = control.get_attribute("aria-label")
    assert label and label == control.get_attribute("title")
    control.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + SITE.url(locale, "three-rs.md") + "#remedy"
    dialog = page.locator("[data-md-component=dialog]")
    assert dialog.get_attribute("role") == "status" and dialog.inner_text().strip()


def test_copy_link_labels_are_in_the_pages_language(page, site_url):
    labels = {}
    for lang in SITE.languages:
        page.goto(site_url + SITE.url(lang.locale, "three-rs.md"))
        labels[lang.locale] = page.locator("h2#remedy .headerlink").get_attribute("aria-label")
    assert labels == {lang.locale: ui_words(ROOT, lang.locale, DEFAULT_LOCALE)["copy_link"] for lang in SITE.languages}
    assert len(set(labels.values())) > 1  # the label follows the language, not one for all


@pytest.mark.parametrize("target", TRANSLATIONS, ids=lambda lang: lang.locale)
def test_switcher_keeps_the_section(page, site_url, target):
    page.goto(site_url + SECTION)
    switch_language(page, target.name)
    assert page.url == site_url + target.prefix + SECTION

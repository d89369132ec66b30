"""Trainers' links in Chromium: copy a section's link, keep the section across languages."""

from __future__ import annotations

import pytest

from browser_pages import switch_language
from conftest import DEFAULT_LOCALE, LOCALES, ROOT, SITE, TRANSLATIONS
from keep_your_cool.model.words import ui_words

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


def scroll_to_heading(page, section: str) -> None:
    """Scroll with the mouse wheel, as a reader does, until the section's heading is near the top
    (or the page's end is reached)."""
    page.mouse.move(page.viewport_size["width"] // 2, 400)  # over the article, not a sidebar
    top = page.locator(f"#{section}").evaluate("heading => heading.getBoundingClientRect().top")
    page.mouse.wheel(0, top - 120)
    still = 0
    while still < 3:  # until the scroll has come to rest
        position = page.evaluate("scrollY")
        page.wait_for_timeout(100)
        still = still + 1 if page.evaluate("scrollY") == position else 0
    assert page.locator(f"#{section}").evaluate("heading => heading.getBoundingClientRect().top < innerHeight / 4")


@pytest.mark.parametrize(
    "source,target",
    [(lang.locale, DEFAULT_LOCALE) for lang in TRANSLATIONS] + [(DEFAULT_LOCALE, lang.locale) for lang in TRANSLATIONS],
)
def test_switcher_keeps_the_section_being_read(page, site_url, source, target):
    """The address has no #section when the reader scrolled there: the switcher reads the section in view."""
    page.goto(site_url + SITE.url(source, "listening.md"))
    scroll_to_heading(page, "when-to-escalate")
    assert "#" not in page.url
    switch_language(page, SITE.language(target).name)
    assert page.url == site_url + SITE.url(target, "listening.md") + "#when-to-escalate"
    assert abs(page.locator("#when-to-escalate").bounding_box()["y"]) < 200  # and it is shown


def test_switcher_follows_the_reader_past_the_addresss_section(page, site_url):
    page.goto(site_url + SECTION)
    scroll_to_heading(page, "sympathize")
    switch_language(page, TRANSLATIONS[0].name)
    assert page.url == site_url + TRANSLATIONS[0].prefix + "four-step-method/#sympathize"


def test_switcher_from_the_top_of_a_page_lands_at_its_top(page, site_url):
    page.goto(site_url + "listening/")
    switch_language(page, TRANSLATIONS[0].name)
    assert page.url == site_url + SITE.url(TRANSLATIONS[0].locale, "listening.md")

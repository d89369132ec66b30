"""Search costs nothing until it is used: no worker, index or stemmer on a page load, and search
works as soon as the reader opens it by any way Material offers (overrides/assets/javascripts/lazy-search.js).

These tests also guard what that wrapper relies on in Material: if an upgrade starts search some
other way, either the page load fetches search again or opening search finds nothing, and they fail."""

from __future__ import annotations

import re

import pytest

from conftest import LOCALES, ROOT, SITE
from keep_your_cool.commands.static_host import route_handler
from keep_your_cool.model.words import search_words
from search_box import search

pytestmark = pytest.mark.browser

SEARCH_FILES = re.compile(r"/search/search_index\.(json|js)$|/workers/search\.[^/]*\.js$|/lunr/")


def search_requests(page) -> list[str]:
    requests: list[str] = []
    page.context.on("request", lambda request: SEARCH_FILES.search(request.url) and requests.append(request.url))
    return requests


@pytest.mark.parametrize("locale", LOCALES)
def test_a_page_load_fetches_nothing_for_search_until_the_box_is_used(page, site_url, locale):
    requests = search_requests(page)
    page.goto(site_url + SITE.url(locale, "four-step-method.md"), wait_until="networkidle")
    page.mouse.wheel(0, 600)  # reading and scrolling is not searching
    page.wait_for_load_state("networkidle")
    assert requests == []
    word = next(iter(search_words(ROOT, locale)), None)  # a language just added may list none yet
    results = search(page, word or "qqqq")  # opened all the same: its index is fetched
    assert results or not word, f"no result for {word!r} once search was opened"
    assert any(url.endswith(f"/{SITE.language(locale).prefix}search/search_index.json") for url in requests), requests


def test_the_keyboard_shortcut_opens_search_and_it_answers(page, site_url):
    requests = search_requests(page)
    page.goto(site_url + "three-rs/", wait_until="networkidle")
    assert requests == []
    page.keyboard.press("/")
    page.keyboard.type("apolog", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert requests


def test_a_tap_on_the_phone_search_button_opens_search_and_it_answers(browser, site_url, built_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, service_workers="block")
    context.route(site_url + "**", route_handler(built_site, site_url))
    page = context.new_page()
    requests = search_requests(page)
    page.goto(site_url + SITE.language("tl").prefix, wait_until="networkidle")
    assert requests == []
    page.locator("label.md-header__button[for=__search]").tap()
    page.locator("input.md-search__input").press_sequentially("paumanh", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert requests
    context.close()

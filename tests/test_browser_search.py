"""Search on a page returns pages of that page's language only, and finds words from their first letters."""
from __future__ import annotations

import pytest

from conftest import LANGUAGES, language_prefix
from search_box import search

pytestmark = pytest.mark.browser

# A word of each language, typed only in part: results must come as the reader types.
PARTIAL_WORDS = {"en": "apolog", "fr": "excus", "tl": "paumanh"}


def in_language(url: str, site_url: str, locale: str) -> bool:
    path = url.removeprefix(site_url)
    others = [language_prefix(lang["locale"]) for lang in LANGUAGES if lang["locale"] != locale]
    return path.startswith(language_prefix(locale)) and not any(p and path.startswith(p) for p in others)


def test_every_declared_language_has_a_search_word():
    assert set(PARTIAL_WORDS) == {lang["locale"] for lang in LANGUAGES}


@pytest.mark.parametrize("locale", [lang["locale"] for lang in LANGUAGES])
def test_search_returns_only_the_pages_language(page, site_url, locale):
    page.goto(site_url + language_prefix(locale))
    results = search(page, PARTIAL_WORDS[locale])
    assert results, f"no result for {PARTIAL_WORDS[locale]!r} in {locale}"
    assert [url for url in results if not in_language(url, site_url, locale)] == []
    page.goto(results[0])
    assert page.locator("html").get_attribute("lang") == locale


@pytest.mark.parametrize("locale", [lang["locale"] for lang in LANGUAGES])
def test_words_of_other_languages_are_not_found(page, site_url, locale):
    for other, word in PARTIAL_WORDS.items():
        if other == locale:
            continue
        page.goto(site_url + language_prefix(locale))
        results = search(page, word)
        assert [url for url in results if not in_language(url, site_url, locale)] == []


# A reader's key words, typed in their language, find the guide that teaches them.
KEY_WORDS = [
    ("en", "apologize", "four-step-method/"),
    ("en", "listening", "listening/"),
    ("en", "manager", "listening/"),
    ("fr", "excusez", "four-step-method/"),
    ("fr", "écoute", "listening/"),
    ("fr", "responsable", "listening/"),
    ("tl", "paumanhin", "four-step-method/"),
    ("tl", "pakikinig", "listening/"),
    ("tl", "manager", "listening/"),
]


@pytest.mark.parametrize("locale,word,guide", KEY_WORDS)
def test_key_words_find_their_guide(page, site_url, locale, word, guide):
    page.goto(site_url + language_prefix(locale))
    pages = {url.split("#")[0].split("?")[0] for url in search(page, word)}
    assert site_url + language_prefix(locale) + guide in pages


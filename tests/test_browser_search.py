"""Search finds what staff type, in their language only.

Each language's words and the page each must find are in translations/<lang>/search-words.yml.
Typed into the real search box of that language's site, a word brings its page up among the
first three results (what a reader sees first; which of the method's pages comes first
for a word several pages teach is lunr's call, so "first" alone would break on every rewrite).
Every result shown, for any language's word, is a piece of a page of the site's own language:
its title and text are that built page's own, so an English entry in the French index fails
even though its link would carry the French prefix.
"""

from __future__ import annotations

import pytest

from browser_pages import PAGE_TYPES
from conftest import LOCALES, ROOT, SITE, SITE_DIR
from model.words import search_words
from search_box import not_from_its_page, page_of, search

FIRST_RESULTS = 3
WORDS = {locale: search_words(ROOT, locale) for locale in LOCALES}


def foreign_results(results, site_url: str, locale: str) -> list[str]:
    """Every result shown that is not a piece of a page of `locale`, and why."""
    problems = []
    for item in results:
        for result in item:
            found = SITE.page_at(result.url.removeprefix(site_url))
            if found is None or found[0].locale != locale:
                problems.append(f"{result.url}: not a page under {locale}'s address")
            elif found[1] == PAGE_TYPES["status"]:
                problems.append(f"{result.url}: the status page is kept out of search")
            elif not SITE.translated(locale, found[1]):
                problems.append(f"{result.url}: not translated into {locale} yet, so its text is English")
            else:
                problems.append(not_from_its_page(SITE_DIR, site_url, result.url, result.title, result.text))
    return [problem for problem in problems if problem]


def test_every_language_lists_words_whose_pages_it_has():
    """Each language has its list; a language just added (make new-language) may leave it empty
    until its guides are translated."""
    problems = [
        f"translations/{locale}/search-words.yml: missing (copy translations/_template/search-words.yml)"
        for locale in WORDS
        if not (ROOT / "translations" / locale / "search-words.yml").is_file()
    ]
    problems += [
        f"translations/{locale}/search-words.yml: {word!r} finds docs/{locale}/{page}, which does not exist"
        for locale, words in WORDS.items()
        for word, page in words.items()
        if not SITE.translated(locale, page)
    ]
    assert problems == []


@pytest.mark.browser
@pytest.mark.parametrize("locale,word", [(locale, word) for locale in LOCALES for word in WORDS[locale]])
def test_a_word_staff_type_finds_its_page_among_the_first_results(page, site_url, locale, word):
    page.goto(site_url + SITE.url(locale, "index.md"))
    results = search(page, word)
    pages = [page_of(item[0].url).removeprefix(site_url) for item in results]
    expected = SITE.url(locale, WORDS[locale][word])
    assert expected in pages[:FIRST_RESULTS], f"{word!r} in {locale}: first results {pages[:FIRST_RESULTS]}, not {expected}"
    assert foreign_results(results, site_url, locale) == []


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_other_languages_words_find_only_this_languages_pages(page, site_url, locale):
    first_pages = []
    page.goto(site_url + SITE.url(locale, "index.md"))
    for word in sorted({word for other in LOCALES if other != locale for word in WORDS[other]} - set(WORDS[locale])):
        results = search(page, word)
        first_pages += [page_of(results[0][0].url)] if results else []
        assert foreign_results(results, site_url, locale) == [], word
    if WORDS[locale]:  # a language with guides of its own (one just added may have none yet)
        assert first_pages  # words such as "refund" or "manager" are everyday words in every language
        page.goto(first_pages[0])
        assert page.locator("html").get_attribute("lang") == locale

"""Search finds what staff type, in their language only, and it leads to words to say.

Each language's words and the section each must find are in translations/<lang>/search-words.yml
(`word: page.md#section-id`). Typed into the real search box of that language's site, a word
brings its section up among the first three results (listed under one of the first three pages:
what a reader sees first; which of the method's pages comes first for a word several pages teach
is lunr's call, so "first" alone would break on every rewrite), and that section, as built, gives
the reader something to say: the "Say this" box (a `success` admonition) or a line in quotes.
Every result shown, for any language's word, is a piece of a page of the site's own language:
its title and text are that built page's own, so an English entry in the French index fails
even though its link would carry the French prefix.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from browser_pages import PAGE_TYPES
from conftest import LOCALES, ROOT, SITE, SITE_DIR
from keep_your_cool.model.words import search_words
from search_box import not_from_its_page, page_of, search

FIRST_RESULTS = 3
WORDS = {locale: search_words(ROOT, locale) for locale in LOCALES}
# A line to say in quotes: three words or more between quotation marks of any of the site's languages.
QUOTED_LINE = re.compile(r"[“\"«]\s*\w[^“”\"«»]*?\s\S+\s[^“”\"«»]*?\S\s*[”\"»]")
# Words the guides do not yet use in a section with lines to say (the writers are adding them to a
# situation finder): each fails as expected until they do, then passes and must leave this list.
NOT_YET_IN_THE_TEXT: dict[tuple[str, str], str] = {}


def page_and_section(entry: str) -> tuple[str, str]:
    page, _, section = entry.partition("#")
    return page, section


class Section(HTMLParser):
    """One section of a built page (from its heading to the next heading of its level or above):
    whether it holds a "Say this" box, and its text outside the "Avoid this" boxes."""

    def __init__(self, html: str, section: str):
        super().__init__(convert_charrefs=True)
        self.section, self.level, self.found, self.done = section, None, False, False
        self.says_box = False
        self.text: list[str] = []
        self._avoid = 0  # depth inside a failure admonition's <div>s
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            if attrs.get("id") == self.section:
                self.found, self.level = True, int(tag[1])
            elif self.found and int(tag[1]) <= self.level:
                self.done = True
        if not self.found or self.done or tag != "div":
            return
        classes = (attrs.get("class") or "").split()
        if self._avoid:
            self._avoid += 1
        elif "admonition" in classes and "failure" in classes:
            self._avoid = 1
        elif "admonition" in classes and "success" in classes:
            self.says_box = True

    def handle_endtag(self, tag):
        if tag == "div" and self._avoid:
            self._avoid -= 1

    def handle_data(self, data):
        if self.found and not self.done and not self._avoid:
            self.text.append(data)

    def says_something(self) -> bool:
        return self.says_box or bool(QUOTED_LINE.search(" ".join(self.text)))


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
    for locale, words in WORDS.items():
        for word, entry in words.items():
            page, section = page_and_section(entry)
            where = f"translations/{locale}/search-words.yml: {word!r}"
            if not section:
                problems.append(f"{where}: name the section too, as `{word}: {page}#section-id`")
            if not SITE.translated(locale, page):
                problems.append(f"{where} finds docs/{locale}/{page}, which does not exist")
            elif section and f"{{#{section}}}" not in (ROOT / "docs" / locale / page).read_text(encoding="utf-8"):
                problems.append(f"{where}: docs/{locale}/{page} has no section {{#{section}}}")
    assert problems == []


def test_the_section_a_word_finds_gives_something_to_say(built_site):
    """A worker in a hurry lands on words to say, not on why it is hard."""
    problems = []
    for locale, words in WORDS.items():
        for word, entry in words.items():
            page, section = page_and_section(entry)
            built = built_site / SITE.url(locale, page) / "index.html"
            found = Section(built.read_text(encoding="utf-8"), section) if section and built.is_file() else None
            if found and not found.says_something():
                problems.append(
                    f"translations/{locale}/search-words.yml: {word!r} finds {entry}, which has no "
                    "'Say this' box and no line in quotes: name a section that gives the reader words to say"
                )
    assert problems == []


def word_cases() -> list:
    cases = []
    for locale in LOCALES:
        for word in WORDS[locale]:
            reason = NOT_YET_IN_THE_TEXT.get((locale, word))
            cases.append(pytest.param(locale, word, marks=[pytest.mark.xfail(reason=reason, strict=True)] if reason else []))
    return cases


@pytest.mark.browser
@pytest.mark.parametrize("locale,word", word_cases())
def test_a_word_staff_type_finds_its_section_among_the_first_results(page, site_url, locale, word):
    page.goto(site_url + SITE.url(locale, "index.md"))
    results = search(page, word)
    page_path, section = page_and_section(WORDS[locale][word])
    expected = site_url + SITE.url(locale, page_path) + (f"#{section}" if section else "")
    shown = [result.url for item in results[:FIRST_RESULTS] for result in item]
    first = [item[0].url.removeprefix(site_url) for item in results[:FIRST_RESULTS]]
    assert expected in shown, f"{word!r} in {locale}: {expected} is not under the first results {first}"
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

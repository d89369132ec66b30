"""Search engines find each page in each language: its own description, the right <html lang>,
a canonical address, absolute hreflang links to every language and x-default, a sitemap with
every page of every language, and a "page not found" page in each language."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import yaml

from browser_pages import LOCALES, built_pages
from conftest import DEFAULT_LOCALE, LANGUAGES, ROOT, SITE_URL, language_prefix
from site_languages import read_mkdocs_yml, ui_words

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class Head(HTMLParser):
    """What a crawler reads in a page: <html lang>, meta description, canonical and alternate links, <h1>."""

    def __init__(self, text: str):
        super().__init__()
        self.lang, self.description, self.canonical, self.alternates, self.h1 = None, None, None, [], ""
        self._in_h1 = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta" and a.get("name") == "description":
            self.description = a.get("content")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append((a["hreflang"], a.get("href")))
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        self._in_h1 = self._in_h1 and tag != "h1"

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def head(site: Path, path: str) -> Head:
    file = site / (path if path.endswith(".html") else path + "index.html")
    return Head(file.read_text(encoding="utf-8"))


def content_pages(site: Path, locale: str) -> list[str]:
    return [path for path in built_pages(site, locale) if not path.endswith("404.html")]


def in_language(path: str, locale: str) -> str:
    """The page's path without its language folder: 'fr/three-rs/' -> 'three-rs/'."""
    return path.removeprefix(language_prefix(locale))


def source(locale: str, page: str) -> Path:
    """The Markdown file a page is built from: 'three-rs/' -> docs/<locale>/three-rs.md (or .../index.md)."""
    folder = ROOT / "docs" / locale
    if not (folder / (page + "index.md")).is_file() and not (folder / (page.rstrip("/") + ".md")).is_file():
        folder = ROOT / "docs" / DEFAULT_LOCALE  # not translated yet: the English page is shown
    return folder / (page + "index.md") if (folder / page / "index.md").is_file() or page == "" else folder / (page.rstrip("/") + ".md")


def front_matter(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8").split("\n---", 1)[0][3:]) or {}


def test_every_page_has_its_own_description_in_its_language(built_site):
    problems = []
    for locale in LOCALES:
        descriptions = {}
        for path in content_pages(built_site, locale):
            page = head(built_site, path)
            expected = front_matter(source(locale, in_language(path, locale))).get("description")
            if not page.description or not page.description.strip():
                problems.append(f"{path}: no meta description")
            elif html.unescape(page.description) != expected:
                problems.append(f"{path}: description {page.description!r} is not the page's own {expected!r}")
            descriptions[path] = page.description
        twice = [d for d, n in Counter(descriptions.values()).items() if n > 1]
        problems += [f"{locale}: pages share the description {d!r}" for d in twice]
    assert problems == []


def test_every_page_says_its_language(built_site):
    wrong = [(path, head(built_site, path).lang) for locale in LOCALES
             for path in built_pages(built_site, locale) if head(built_site, path).lang != locale]
    assert wrong == []


def test_every_page_has_a_canonical_address_in_its_language(built_site):
    wrong = [(path, head(built_site, path).canonical) for locale in LOCALES
             for path in content_pages(built_site, locale) if head(built_site, path).canonical != SITE_URL + path]
    assert wrong == []


def test_every_page_links_to_itself_in_every_language_and_x_default(built_site):
    problems = []
    for locale in LOCALES:
        for path in content_pages(built_site, locale):
            page = in_language(path, locale)
            expected = {(loc, SITE_URL + language_prefix(loc) + page) for loc in LOCALES}
            expected.add(("x-default", SITE_URL + language_prefix(DEFAULT_LOCALE) + page))
            found = head(built_site, path).alternates
            if sorted(found) != sorted(expected):
                problems.append(f"{path}: {sorted(found)}")
            problems += [f"{path}: {href} is not built" for _, href in found
                         if not (built_site / href.removeprefix(SITE_URL) / "index.html").is_file()]
    assert problems == []


def test_sitemap_lists_every_page_of_every_language(built_site):
    every_page = {SITE_URL + path for locale in LOCALES for path in content_pages(built_site, locale)}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    listed = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert sorted(listed) == sorted(every_page)
    for url in root.findall("s:url", SITEMAP_NS):  # each entry names the page in every language
        hreflangs = {link.get("hreflang") for link in url.findall("x:link", SITEMAP_NS)}
        assert hreflangs == set(LOCALES), url.find("s:loc", SITEMAP_NS).text
    for url in root.findall("s:url", SITEMAP_NS):  # what Material's language switcher reads beside each page
        loc = url.find("s:loc", SITEMAP_NS).text
        if loc != SITE_URL:
            beside = ET.parse(built_site / loc.removeprefix(SITE_URL) / "sitemap.xml").getroot()
            assert [l.text for l in beside.findall("s:url/s:loc", SITEMAP_NS)] == [loc]


def test_page_not_found_in_every_language(built_site):
    for locale in LOCALES:
        path = language_prefix(locale) + "404.html"
        page = head(built_site, path)
        words = ui_words(ROOT, locale, DEFAULT_LOCALE)
        assert page.lang == locale, path
        assert page.h1.strip() == words["not_found_title"], path
        assert page.description and page.description.strip(), path
        assert html.unescape(page.description) == site_description(locale), path  # in its own language


def site_description(locale: str) -> str:
    """The description mkdocs.yml gives the language (its own, or else the site's)."""
    lang = next(lang for lang in LANGUAGES if lang["locale"] == locale)
    return lang.get("site_description") or read_mkdocs_yml(ROOT / "mkdocs.yml")["site_description"]


def test_page_not_found_leads_home_and_searches_its_language(built_site):
    for locale in LOCALES:
        text = (built_site / language_prefix(locale) / "404.html").read_text(encoding="utf-8")
        home = "/" + language_prefix(locale)  # a 404 page is served at any address: links are absolute
        assert re.search(rf'<a href="{re.escape(home)}\.?">', text), locale
        assert f'"base": "{home}"' in text, locale

"""Search engines find each page in each language: its own description, the right <html lang>,
a canonical address, a sitemap with every page of every language and its address in each of
them; readers find the same page in another language through relative switcher links, and one
"page not found" page carries every language's words. The site's own search index of each
language holds that language's pages, and only them."""

from __future__ import annotations

import html
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import yaml
from markupsafe import escape as markup_escape

from browser_pages import built_pages
from conftest import DEFAULT_LOCALE, LOCALES, ROOT, SITE, SITE_URL
from keep_your_cool.model.words import ui_words
from search_box import not_from_its_page

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


def shown_source(url: str) -> Path:
    """The Markdown file the page at a site-relative URL shows: its language's, or the English one
    while it is not translated."""
    language, page = SITE.page_at(url)
    return SITE.source(language.locale if SITE.translated(language.locale, page) else DEFAULT_LOCALE, page)


def front_matter(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8").split("\n---", 1)[0][3:]) or {}


def test_every_page_has_its_own_description_in_its_language(built_site):
    problems = []
    for locale in LOCALES:
        descriptions = {}
        for path in content_pages(built_site, locale):
            page = head(built_site, path)
            expected = front_matter(shown_source(path)).get("description")
            if not page.description or not page.description.strip():
                problems.append(f"{path}: no meta description")
            elif html.unescape(page.description) != expected:
                problems.append(f"{path}: description {page.description!r} is not the page's own {expected!r}")
            descriptions[path] = page.description
        twice = [d for d, n in Counter(descriptions.values()).items() if n > 1]
        problems += [f"{locale}: pages share the description {d!r}" for d in twice]
    assert problems == []


def test_every_page_says_its_language(built_site):
    wrong = [
        (path, head(built_site, path).lang)
        for locale in LOCALES
        for path in built_pages(built_site, locale)
        if head(built_site, path).lang != locale
    ]
    assert wrong == []


def test_every_page_has_a_canonical_address_in_its_language(built_site):
    wrong = [
        (path, head(built_site, path).canonical)
        for locale in LOCALES
        for path in content_pages(built_site, locale)
        if head(built_site, path).canonical != SITE_URL + path
    ]
    assert wrong == []


class Switcher(HTMLParser):
    """The header's language switcher links: (hreflang, href)."""

    def __init__(self, text: str):
        super().__init__()
        self.links = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "md-select__link" in (a.get("class") or "") and "hreflang" in a:
            self.links.append((a["hreflang"], a.get("href")))


def test_switcher_links_are_relative_and_lead_to_the_same_page_in_every_language(built_site):
    problems = []
    for locale in LOCALES:
        for path in content_pages(built_site, locale):
            _, page = SITE.page_at(path)
            links = Switcher((built_site / path / "index.html").read_text(encoding="utf-8")).links
            reached = {
                (lang, posixpath.normpath(posixpath.join("/" + path, href)).rstrip("/") + "/")
                for lang, href in links
                if not re.match(r"^([a-z]+:|/)", href)
            }
            expected = {(loc, "/" + SITE.url(loc, page)) for loc in LOCALES}
            if reached != expected or len(links) != len(LOCALES):
                problems.append(f"{path}: {links}")
    assert problems == []


def test_no_page_has_alternates_in_head_that_material_would_fetch_a_sitemap_beside(built_site):
    """Material's language selector fetches <link rel="alternate">/sitemap.xml: the languages are in sitemap.xml."""
    with_alternates = [
        path for locale in LOCALES for path in built_pages(built_site, locale) if head(built_site, path).alternates
    ]
    assert with_alternates == []


def test_sitemap_lists_every_page_of_every_language(built_site):
    every_page = {SITE_URL + path for locale in LOCALES for path in content_pages(built_site, locale)}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    listed = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert sorted(listed) == sorted(every_page)
    for url in root.findall("s:url", SITEMAP_NS):  # each entry names the page in every language, absolute
        loc = url.find("s:loc", SITEMAP_NS).text
        path = loc.removeprefix(SITE_URL)
        _, page = SITE.page_at(path)
        alternates = {(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", SITEMAP_NS)}
        assert alternates == {(lang, SITE_URL + SITE.url(lang, page)) for lang in LOCALES}, loc
    assert sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("sitemap.xml")) == ["sitemap.xml"]


def test_one_page_not_found_carries_every_languages_words(built_site):
    text = (built_site / "404.html").read_text(encoding="utf-8")
    page = head(built_site, "404.html")
    assert page.lang == DEFAULT_LOCALE and page.description and page.description.strip()
    for locale in LOCALES:
        words = ui_words(ROOT, locale, DEFAULT_LOCALE)
        block = re.search(
            rf'<div class="kyc-not-found" lang="{locale}" data-folder="{SITE.language(locale).prefix.rstrip("/")}"[^>]*>(.*?)</div>',
            text,
            re.S,
        )
        assert block, locale
        assert f"<h1>{markup_escape(words['not_found_title'])}</h1>" in block.group(1)
        home = SITE.language(locale).prefix or "./"  # relative to the site root, which the page sets as its <base>
        assert f'<a href="{home}" hreflang="{locale}">{markup_escape(words["not_found_home"])}</a>' in block.group(1)
    assert [p.relative_to(built_site).as_posix() for p in built_site.rglob("404.html")] == ["404.html"]


def search_index(site: Path, locale: str) -> list[dict]:
    return json.loads((site / SITE.language(locale).prefix / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def test_each_languages_search_index_holds_only_its_own_pages(built_site):
    """Every entry links to a page translated into that language (docs/<lang>/…), and its title
    and text are that built page's own: an English entry in the French index fails, whatever
    its address says, and so does an untranslated page shown in English."""
    problems = []
    for locale in LOCALES:
        for doc in search_index(built_site, locale):
            url = SITE_URL + SITE.language(locale).prefix + doc["location"]
            found = SITE.page_at(SITE.language(locale).prefix + doc["location"])
            if found is None or found[0].locale != locale or not SITE.translated(locale, found[1]):
                problems.append(f"{locale} index: {url} is not built from a page of docs/{locale}/")
                continue
            blocks = tuple(re.sub(r"<[^>]+>", "", block) for block in re.split(r"</(?:p|li|td|th|pre)>", doc["text"]))
            problem = not_from_its_page(built_site, SITE_URL, url, doc["title"], blocks)
            problems += [f"{locale} index: {problem}"] if problem else []
    assert problems == []


def test_search_index_has_every_page_but_those_kept_out(built_site):
    """Each translated page is in its language's index unless its front matter says `search:
    exclude: true` (the translation status page, which would otherwise rank above the guides it lists)."""
    for locale in LOCALES:
        prefix = SITE.language(locale).prefix
        indexed = {prefix + doc["location"] for doc in search_index(built_site, locale) if "#" not in doc["location"]}
        expected = {
            SITE.url(locale, page)
            for page in SITE.pages(locale)
            if not (front_matter(SITE.source(locale, page)).get("search") or {}).get("exclude")
        }
        assert indexed == expected, locale
        assert SITE.url(locale, "translation-status.md") not in indexed, locale


def test_each_home_page_is_titled_by_its_edition_name(built_site):
    """A browser tab or search result shows "Gardez votre calme", not "Gardez votre calme - Gardez votre calme"."""
    for lang in SITE.languages:
        name = lang.site_name
        text = (built_site / lang.prefix / "index.html").read_text(encoding="utf-8")
        assert re.findall(r"<title>(.*?)</title>", text) == [html.escape(name, quote=False)], lang.locale

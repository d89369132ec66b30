"""Drive Material's search box the way a reader does, and tell whether what it shows comes
from the built page it links to (the same title, the same words)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Result:
    url: str  # absolute, without the ?h= highlight: a page, or one of its sections (#id)
    title: str
    text: tuple[str, ...]  # the blocks of the page's text shown (Material shows those with a match)


def _meta_is(page, text: str, equal: bool) -> None:
    page.wait_for_function(
        "([text, equal]) => (document.querySelector('.md-search-result__meta').textContent.trim() === text) === equal",
        arg=[text, equal],
        timeout=10_000,
    )


def search(page, query: str) -> list[list[Result]]:
    """Type `query` into the search box; return the results shown, one list per page in the
    order listed (the page itself, then its sections), empty when nothing matches.

    The word goes in whole, as pasted, and Material searches once: typed key by key, each
    prefix is a search of its own, and the list read could be an earlier prefix's."""
    box = page.locator("input.md-search__input")
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    box.click()
    if box.input_value():  # a search before this one on the page: clear it
        box.fill("")
        box.press("End")  # Material reads the query on key up
    _meta_is(page, placeholder, True)  # the index is loaded, and no search is under way
    box.fill(query)
    box.press("End")
    _meta_is(page, placeholder, False)  # a count, or "no match": this query's answer
    items = page.locator(".md-search-result__item").evaluate_all("""items => items.map(item =>
        [...item.querySelectorAll('a.md-search-result__link')].map(a => {
            const url = new URL(a.href); url.search = '';
            const heading = a.querySelector('h1, h2');
            return {url: url.href, title: heading.textContent,
                    text: [...a.querySelectorAll('article > p:not(.md-search-result__terms), article > ul > li, article > ol > li')].map(el => el.textContent)};
        }))""")
    return [[Result(link["url"], link["title"], tuple(link["text"])) for link in item] for item in items]


def page_of(url: str) -> str:
    return url.split("#")[0]


def squashed(text: str) -> str:
    """Text without its white space: the index joins table cells and list items without spaces."""
    return re.sub(r"\s+", "", html.unescape(text))


class BuiltPage(HTMLParser):
    """A built page as search sees it: its headings by id, its first <h1>, and all its text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.headings: dict[str, str] = {}
        self.h1: str | None = None
        self._heading: list | None = None  # [tag, id, text] while inside one
        self._in_permalink = 0
        self._text: list[str] = []
        self.feed(text)
        self.text = squashed("".join(self._text))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, attrs.get("id"), ""]
        elif tag == "a" and "headerlink" in (attrs.get("class") or "").split():
            self._in_permalink += 1

    def handle_endtag(self, tag):
        if self._heading and tag == self._heading[0]:
            _, id_, text = self._heading
            text = re.sub(r"[ \t\r\n]+", " ", text).strip()
            self.h1 = self.h1 or (text if tag == "h1" else None)
            if id_:
                self.headings[id_] = text
            self._heading = None
        elif tag == "a" and self._in_permalink:
            self._in_permalink -= 1

    def handle_data(self, data):
        if self._in_permalink:
            return
        if self._heading:
            self._heading[2] += data
        self._text.append(data)


@cache
def built_page(file: Path) -> BuiltPage | None:
    return BuiltPage(file.read_text(encoding="utf-8")) if file.is_file() else None


def not_from_its_page(site: Path, site_url: str, url: str, title: str, text: tuple[str, ...]) -> str | None:
    """Why a search entry (an index document or a result shown) is not a piece of the built page
    it links to, or None when it is: a page's title appears on the page, a section's title is
    the heading it links to, and each block of its text is a run of the page's own text."""
    parts = urlsplit(url.removeprefix(site_url))
    path, section = parts.path, parts.fragment
    page = built_page(site / path / "index.html")
    if page is None:
        return f"{url}: no such page is built"
    title = re.sub(r"[ \t\r\n]+", " ", title).strip()
    if section and page.headings.get(section) != title:
        return f"{url}: titled {title!r}, but the page's heading there is {page.headings.get(section)!r}"
    if not section and squashed(title) not in page.text:
        return f"{url}: titled {title!r}, which the page never says"
    for block in text:
        if squashed(block).removesuffix("…") not in page.text:
            return f"{url} ({title!r}): text {block[:80]!r} is not the page's own"
    return None

"""The built site works wherever it is put: served under a sub-path at another address than its
site_url, every page makes only same-origin requests that succeed, with no console error; the
switcher keeps page and section; one 404.html speaks the language of the address asked for."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_pages import built_pages, switch_language
from conftest import DEFAULT_LOCALE, LOCALES, ROOT, SITE, TRANSLATIONS
from keep_your_cool.commands.static_host import static_host
from keep_your_cool.model.words import ui_words

pytestmark = pytest.mark.browser

NOT_FOUND = "no-such-page/"


@pytest.fixture(scope="module")
def host(built_site):
    with static_host(built_site, "/kyc/") as address:
        yield address


class Watch:
    """What a page asks for and says: requests elsewhere, failed requests, console errors."""

    def __init__(self, page, origin: str):
        self.problems: list[str] = []
        self.expected_404: str | None = None
        page.on(
            "request",
            lambda req: (
                urlsplit(req.url).scheme not in ("data", "blob")
                and not req.url.startswith(origin)
                and self.problems.append(f"{page.url} asked {req.url}")
            ),
        )
        page.on("requestfailed", lambda req: self.problems.append(f"{page.url}: {req.url} failed ({req.failure})"))
        page.on(
            "response",
            lambda res: (
                res.status >= 400 and res.url != self.expected_404 and self.problems.append(f"{page.url}: {res.url} {res.status}")
            ),
        )
        page.on(
            "console",
            lambda msg: (
                msg.type == "error"
                and msg.location.get("url") != self.expected_404
                and self.problems.append(f"{page.url}: console {msg.text}")
            ),
        )
        page.on("pageerror", lambda exc: self.problems.append(f"{page.url}: {exc}"))


def origin_of(address: str) -> str:
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}/"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_asks_only_its_own_origin_and_nothing_fails(page, host, built_site, locale):
    watch = Watch(page, origin_of(host))
    for path in [p for p in built_pages(built_site, locale) if not p.endswith("404.html")] + [
        SITE.language(locale).prefix + NOT_FOUND
    ]:
        watch.expected_404 = host + path if path.endswith(NOT_FOUND) else None
        page.goto(host + path)
        page.wait_for_load_state("networkidle")
    assert watch.problems == [], "\n".join(watch.problems)


@pytest.mark.parametrize("target", TRANSLATIONS, ids=lambda lang: lang.locale)
def test_switcher_keeps_page_and_section_on_the_same_origin(page, host, target):
    default = SITE.default
    page.goto(host + "four-step-method/#apologize")
    switch_language(page, target.name)
    assert page.url == host + SITE.url(target.locale, "four-step-method.md") + "#apologize"
    assert page.locator("html").get_attribute("lang") == target.locale
    switch_language(page, default.name)
    assert page.url == host + "four-step-method/#apologize"


@pytest.mark.parametrize("locale", LOCALES)
def test_not_found_speaks_the_language_of_the_address(page, host, locale):
    words = ui_words(ROOT, locale, DEFAULT_LOCALE)
    response = page.goto(host + SITE.language(locale).prefix + NOT_FOUND)
    assert response.status == 404
    assert page.get_by_role("heading", level=1).all_inner_texts() == [words["not_found_title"]]
    assert page.locator("html").get_attribute("lang") == locale
    home = page.get_by_role("link", name=words["not_found_home"], exact=True)
    with page.expect_navigation():
        home.click()
    assert page.url == host + SITE.language(locale).prefix
    assert page.locator("html").get_attribute("lang") == locale


@pytest.mark.parametrize("target", TRANSLATIONS, ids=lambda lang: lang.locale)
def test_switcher_from_a_home_page_stays_under_the_sub_path(page, host, target):
    default = SITE.default
    page.goto(host)
    switch_language(page, target.name)
    assert page.url == host + target.prefix
    switch_language(page, default.name)
    assert page.url == host


DEEP_NOT_FOUND = "nothing/here/"


@pytest.mark.parametrize("locale", LOCALES)
def test_not_found_deep_under_a_sub_path_leads_home_and_searches(page, host, locale):
    """An unknown address two folders deep, with no folder or page of the site in it: the message,
    the home link and the logo lead to that language's home under the sub-path, and search answers."""
    words = ui_words(ROOT, locale, DEFAULT_LOCALE)
    home = host + SITE.language(locale).prefix
    response = page.goto(home + DEEP_NOT_FOUND)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == locale
    assert page.locator(".md-header .md-logo").evaluate("a => a.href") == home
    page.locator(".md-search__input").click()
    page.wait_for_function(
        "() => !/^\\s*$/.test(document.querySelector('.md-search-result__meta').textContent)"
        " && document.querySelector('.md-search-result__meta').textContent.trim()"
        " === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']",
        timeout=10_000,
    )  # no longer "Initializing search": the index is loaded
    page.keyboard.type("a", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.get_by_role("link", name=words["not_found_home"], exact=True).click()
    assert page.url == home
    assert page.locator("html").get_attribute("lang") == locale

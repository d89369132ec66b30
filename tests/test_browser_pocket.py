"""The guide in a reader's pocket (hooks/keep_your_cool/features/pocket.py, overrides/assets/javascripts/pocket*.js), in
Chromium, on the built site served under a sub-path as an intranet would (hooks/keep_your_cool/commands/static_host.py):
one page of a language opened online, then offline every page of that language opens with no failed
request, search answers, the switcher says which languages are not on the device, and an address not
saved shows the offline page in the reader's language; a new build reaches a saved copy at the next
online visit, a broken one never replaces it; every language's manifest passes Chromium's
installability check."""

from __future__ import annotations

import html
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from browser_pages import built_pages
from conftest import LOCALES, ROOT, SITE, copy_fixture, mkdocs_build
from keep_your_cool.commands.static_host import static_host
from keep_your_cool.model.site import load
from keep_your_cool.model.words import search_words, ui_words
from search_box import page_of, search
from test_browser_accessibility import violations

pytestmark = pytest.mark.browser

PREFIX = "/kyc/"
FIXTURE = ROOT / "tests" / "fixtures" / "pocket"
SAVING = 60_000  # ms: a language's download, on a machine shared with other tests


def words(locale: str) -> dict[str, str]:
    return ui_words(ROOT, locale, SITE.default.locale)


def built_title(site: Path, path: str) -> str:
    text = (site / path / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1).strip())


def open_once(context, base: str, path: str, locale: str):
    """A reader's first visit to a page: wait until its language is saved on the device."""
    page = context.new_page()
    page.goto(base + path)
    page.wait_for_selector(f"html[data-pocket-saved~='{locale}']", state="attached", timeout=SAVING)
    return page


def failures(context) -> list[str]:
    """The page's requests that fail or answer an error. Not failures: the worker's own requests to the
    network (it then answers from the device), and a request cut short by the next page (ERR_ABORTED)."""
    found: list[str] = []
    context.on(
        "requestfailed",
        lambda r: r.service_worker is None and "ERR_ABORTED" not in (r.failure or "") and found.append(f"{r.url}: {r.failure}"),
    )
    context.on("response", lambda r: r.status >= 400 and found.append(f"{r.url}: {r.status}"))
    return found


@pytest.fixture(scope="module")
def hosted(built_site):
    with static_host(built_site, PREFIX) as base:
        yield base


@pytest.mark.parametrize("locale", LOCALES)
def test_a_language_opened_once_is_read_and_searched_offline(browser, built_site, hosted, locale):
    context = browser.new_context(service_workers="allow")
    try:
        page = open_once(context, hosted, SITE.url(locale, "three-rs.md"), locale)
        failed = failures(context)
        context.set_offline(True)

        # every page of the language (the 404 page is the host's answer to an unknown address: offline, the offline page's)
        for path in [p for p in built_pages(built_site, locale) if p.endswith("/") or p == ""]:
            page.goto(hosted + path)
            assert page.title() == built_title(built_site, path), f"offline, {path} did not open"
        assert failed == []

        # printing: the handout styles come from the device too (11pt on paper)
        page.goto(hosted + SITE.url(locale, "quick-reference.md"))
        page.emulate_media(media="print")
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "14.6667px"  # 11pt
        page.emulate_media(media="screen")

        word, entry = next(iter(search_words(ROOT, locale).items()), (None, ""))
        expected = entry.partition("#")[0]  # `page.md#section`: the page is enough to answer offline
        if word:  # a language just added may list no word yet
            found = [page_of(result.url) for item in search(page, word) for result in item]
            assert hosted + SITE.url(locale, expected) in found, f"offline, search for {word!r} found {found}"
            with page.expect_navigation():  # a result's address carries ?h=<word>, for the highlight
                page.evaluate(
                    """target => [...document.querySelectorAll('.md-search-result__link')]
                        .find(link => { const url = new URL(link.href); url.search = ''; return url.href === target }).click()""",
                    hosted + SITE.url(locale, expected),
                )
            assert "?h=" in page.url
            assert page.title() == built_title(built_site, SITE.url(locale, expected))
            assert failed == []

        # the switcher says which languages are not on the device, and one of them leads to the offline page
        page.goto(hosted + SITE.url(locale, "index.md"))
        others = [other for other in LOCALES if other != locale]
        for other in LOCALES:
            link = page.locator(f".md-header .md-select__link[hreflang='{other}']")
            (expect(link).to_contain_text if other in others else expect(link).not_to_contain_text)(
                words(locale)["offline_not_downloaded"]
            )
        if others:
            page.locator(".md-header .md-select").first.hover()
            with page.expect_navigation():
                page.locator(f".md-header .md-select__link[hreflang='{others[0]}']").click()
            expect(page.locator("article h1")).to_have_text(words(locale)["offline_title"])

        # an address that is not saved: the offline page in the language, styled, its link home working
        page.goto(hosted + SITE.language(locale).prefix + "no-such-page/")
        expect(page).to_have_title(re.compile("^" + re.escape(words(locale)["offline_title"])))
        expect(page.locator("article")).to_contain_text(words(locale)["offline_body"])
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        with page.expect_navigation():
            page.get_by_role("link", name=words(locale)["offline_home"]).click()
        assert page.url == hosted + SITE.url(locale, "index.md")
        assert page.title() == built_title(built_site, SITE.url(locale, "index.md"))
        assert failed == []
    finally:
        context.close()


def test_every_language_can_be_installed(browser_type, browser_type_launch_args, hosted, tmp_path):
    # Chromium reports every site as not installable in an incognito profile: a profile of its own
    context = browser_type.launch_persistent_context(str(tmp_path / "profile"), **browser_type_launch_args)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        for locale in LOCALES:
            page.goto(hosted + SITE.url(locale, "examples/start-date.md"), wait_until="networkidle")
            assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == [], locale
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["url"] == hosted + SITE.language(locale).prefix + "manifest.json"
            assert manifest["errors"] == [], locale
            data = page.evaluate("async url => (await fetch(url)).json()", manifest["url"])
            assert data["name"] == SITE.language(locale).site_name
            assert data["short_name"] == words(locale)["app_short_name"]
            assert data["lang"] == locale
            start = page.evaluate("([start, base]) => new URL(start, base).href", [data["start_url"], manifest["url"]])
            assert start == hosted + SITE.url(locale, "index.md")
    finally:
        context.close()


def fixture_source(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/pocket to edit."""
    return copy_fixture("pocket", tmp_path / "source")


def build_and_publish(config: Path, built: Path, published: Path) -> None:
    result = mkdocs_build(config, built)
    assert result.returncode == 0, result.stderr
    shutil.rmtree(published, ignore_errors=True)
    shutil.copytree(built, published)


@contextmanager
def published_fixture(browser, tmp_path: Path):
    """The pocket fixture copied, built, published under the sub-path and opened in a context whose
    service workers run: (its mkdocs.yml, its site model, the published folder, its address, the context).
    A test edits the copy and calls build_and_publish again to publish a new build."""
    config = fixture_source(tmp_path)
    published = tmp_path / "published"
    build_and_publish(config, tmp_path / "first", published)
    with static_host(published, PREFIX) as base:
        context = browser.new_context(service_workers="allow")
        try:
            yield config, load(config), published, base, context
        finally:
            context.close()


def cache_names(page) -> list[str]:
    return sorted(page.evaluate("caches.keys()"))


def check_for_a_new_worker(page) -> str:
    """What a browser does when a page is visited: fetch sw.js again; the new worker's end state."""
    return page.evaluate("""async () => {
        const registration = await navigator.serviceWorker.getRegistration()
        await registration.update()
        const worker = registration.installing
        if (!worker) return "none"
        await new Promise(done => worker.addEventListener("statechange", () =>
            ["activated", "redundant"].includes(worker.state) && done()))
        return worker.state
    }""")


def test_a_new_build_reaches_a_saved_copy_and_a_broken_one_never_replaces_it(browser, tmp_path):
    with published_fixture(browser, tmp_path) as (config, fixture, published, base, context):
        other = fixture.url("fr", "other.md")
        page = open_once(context, base, fixture.url("fr", "index.md"), "fr")
        first = cache_names(page)
        assert len(first) == 1 and " fr " in first[0], first

        page_file = config.parent / "docs" / "fr" / "other.md"
        page_file.write_text(page_file.read_text(encoding="utf-8").replace("first edition", "second edition"), encoding="utf-8")
        build_and_publish(config, tmp_path / "second", published)

        # published half-way (a file missing): the new worker does not install, the saved copy stays whole
        missing = published / other / "index.html"
        kept = missing.read_bytes()
        missing.unlink()
        assert check_for_a_new_worker(page) == "redundant"
        context.set_offline(True)
        page.goto(base + other)
        expect(page.locator("article")).to_contain_text("first edition")
        context.set_offline(False)
        missing.write_bytes(kept)

        # published whole: at the next online visit, a notice offers the new version; old versions are gone
        page.goto(base + fixture.url("fr", "index.md"))
        notice = page.locator(".kyc-pocket-update")
        expect(notice).to_contain_text(words("fr")["offline_update"], timeout=SAVING)
        with page.expect_navigation():
            notice.get_by_role("button", name=words("fr")["offline_reload"]).click()
        page.goto(base + other)
        expect(page.locator("article")).to_contain_text("second edition")
        now = cache_names(page)
        assert len(now) == 1 and " fr " in now[0] and now != first, now
        context.set_offline(True)
        page.goto(base + other)
        expect(page.locator("article")).to_contain_text("second edition")


def test_with_save_data_nothing_is_saved_until_the_reader_asks(browser, hosted):
    context = browser.new_context(service_workers="allow")
    # the browser's data saver, as pages read it (Chromium has no switch for it)
    context.add_init_script("Object.defineProperty(navigator, 'connection', { value: { saveData: true } })")
    downloads: list[str] = []
    context.on("request", lambda r: r.service_worker and not r.url.endswith("/sw.js") and downloads.append(r.url))
    try:
        page = context.new_page()
        page.goto(hosted + SITE.url("fr", "three-rs.md"))
        button = page.get_by_role("button", name=words("fr")["offline_save"])
        expect(button).to_be_visible(timeout=SAVING)
        page.wait_for_load_state("networkidle")
        assert downloads == [] and cache_names(page) == []
        button.click()
        page.wait_for_selector("html[data-pocket-saved~='fr']", state="attached", timeout=SAVING)
        expect(page.locator(".kyc-pocket-save")).to_have_text(words("fr")["offline_saved"])
        assert downloads and len(cache_names(page)) == 1
    finally:
        context.close()


def test_turned_off_the_next_visit_deletes_the_saved_copy(browser, tmp_path):
    with published_fixture(browser, tmp_path) as (config, fixture, published, base, context):
        page = open_once(context, base, fixture.url("fr", "index.md"), "fr")
        assert cache_names(page)
        config.write_text(config.read_text(encoding="utf-8").replace("enabled: true", "enabled: false"), encoding="utf-8")
        build_and_publish(config, tmp_path / "off", published)
        page.goto(base + fixture.url("fr", "other.md"))  # the browser fetches sw.js again: the one that retires
        deadline = time.monotonic() + SAVING / 1000
        while cache_names(page) and time.monotonic() < deadline:
            page.wait_for_timeout(250)
        assert cache_names(page) == []
        response = page.goto(base + fixture.url("fr", "index.md"))
        assert not response.from_service_worker
        assert page.locator("link[rel=manifest]").count() == 0


def test_offline_the_switcher_leads_to_a_saved_language(browser, tmp_path):
    with published_fixture(browser, tmp_path) as (config, fixture, published, base, context):
        open_once(context, base, fixture.url("en", "index.md"), "en").close()
        page = open_once(context, base, fixture.url("fr", "other.md"), "fr")
        context.set_offline(True)
        page.goto(base + fixture.url("en", "other.md"))
        expect(page.locator(".md-select__link[hreflang='tl']")).to_contain_text(words("en")["offline_not_downloaded"])
        expect(page.locator(".md-select__link[hreflang='fr']")).not_to_contain_text(words("en")["offline_not_downloaded"])
        page.locator(".md-header .md-select").first.hover()
        with page.expect_navigation():
            page.locator(".md-select__link[hreflang='fr']").click()
        expect(page.locator("article h1")).to_have_text("Other (fr)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_offline_page_and_the_save_button_are_accessible(browser, hosted, scheme):
    context = browser.new_context(service_workers="allow", viewport={"width": 390, "height": 844}, color_scheme=scheme)
    context.add_init_script("Object.defineProperty(navigator, 'connection', { value: { saveData: true } })")
    try:
        page = context.new_page()
        page.goto(hosted + SITE.url("fr", "three-rs.md"))
        page.locator(".kyc-pocket-save").wait_for(timeout=SAVING)
        assert violations(Axe(), page) == []
        page.goto(hosted + SITE.language("tl").prefix + "offline.html")
        assert violations(Axe(), page) == []
    finally:
        context.close()

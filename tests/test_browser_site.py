"""Every page in Chromium loads from the site's own origin only, sets no cookie and runs no analytics;
each language's home page has the right <html lang> and no console errors."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_pages import built_pages
from conftest import LOCALES, SITE


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_home_page_loads_cleanly_from_its_own_origin(page, site_url, locale):
    errors, foreign = [], []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    own_origin = urlsplit(site_url).netloc
    page.on(
        "request",
        lambda req: (
            urlsplit(req.url).scheme in ("http", "https") and urlsplit(req.url).netloc != own_origin and foreign.append(req.url)
        ),
    )

    response = page.goto(site_url + SITE.language(locale).prefix)
    page.wait_for_load_state("networkidle")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == locale
    assert errors == []
    assert foreign == []


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_no_page_contacts_another_origin_fails_a_request_or_sets_a_cookie(page, context, site_url, built_site, locale):
    own_origin = urlsplit(site_url).netloc
    foreign, failed, cookies = [], [], []
    page.on(
        "request",
        lambda req: (
            urlsplit(req.url).netloc != own_origin
            and urlsplit(req.url).scheme not in ("data", "blob")
            and foreign.append(f"{page.url} -> {req.url}")
        ),
    )
    # e.g. a sitemap.xml Material fetches beside a <link rel="alternate"> (overrides/main.html leaves them out)
    page.on("response", lambda res: res.status >= 400 and failed.append(f"{page.url} -> {res.url} {res.status}"))
    for path in built_pages(built_site, locale):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        if page.evaluate("document.cookie"):
            cookies.append(f"{path}: {page.evaluate('document.cookie')}")
    assert foreign == []
    assert failed == []
    assert cookies == [] and context.cookies() == []


def test_no_analytics_or_cookie_consent_is_configured():
    extra = SITE.config.extra or {}
    assert "analytics" not in extra and "consent" not in extra
